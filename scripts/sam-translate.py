#!/usr/bin/env python3
"""Translates template.yaml with the AWS SAM translator, as CloudFormation's Serverless transform does at deploy.

The functions' local CodeUri is replaced by an S3 location first, as `sam package` does before a deploy.
Prints the CloudFormation resources it expands to, by type; any translation error fails (exit status 1).
Usage: scripts/sam-translate.py [template.yaml] [--out translated.json]
"""
import argparse
import collections
import json
import os
import sys

from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.parser.parser import Parser
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The template names no AWS managed policy, so none has to be looked up in IAM."""

    def load(self):
        return {}


def main():
    # The region only chooses the partition of the ARNs the translator writes; it makes no AWS call.
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-2")
    parser = argparse.ArgumentParser()
    parser.add_argument("template", nargs="?", default="template.yaml")
    parser.add_argument("--out")
    args = parser.parse_args()
    with open(args.template, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    # As `sam package` leaves it: each function's local CodeUri replaced by the S3 object it uploaded.
    for logical_id, resource in template.get("Resources", {}).items():
        properties = resource.get("Properties", {})
        if resource.get("Type") == "AWS::Serverless::Function" and not str(properties.get("CodeUri", "")).startswith("s3://"):
            properties["CodeUri"] = f"s3://packaged-artifacts/{logical_id}.zip"
    try:
        translated = transform(template, {}, NoManagedPolicies(), Parser())
    except InvalidDocumentException as e:
        for cause in e.causes:
            print(f"error: {cause.message}", file=sys.stderr)
        return 1
    types = collections.Counter(r["Type"] for r in translated["Resources"].values())
    for resource_type, count in sorted(types.items()):
        print(f"{count:3d} {resource_type}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(translated, f, indent=2, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
