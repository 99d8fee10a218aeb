package nhssm.core.store.dynamodb;

import static nhssm.core.store.dynamodb.Attributes.instant;
import static nhssm.core.store.dynamodb.Attributes.n;
import static nhssm.core.store.dynamodb.Attributes.s;

import java.util.HashMap;
import java.util.Map;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoredResponse;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.token.TokenHash;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps a response to its current-state item ({@code RESP#id}) and its revision items ({@code REV#id#n}). */
final class ResponseItem {

    static final String TYPE_RESPONSE = "RESPONSE";
    static final String TYPE_REVISION = "REVISION";

    private ResponseItem() {
    }

    static Map<String, AttributeValue> toItem(StoredResponse r) {
        return item(r, Keys.responseSort(r.key().id()), TYPE_RESPONSE);
    }

    static Map<String, AttributeValue> toRevisionItem(StoredResponse r) {
        return item(r, Keys.revisionSort(r.key().id(), r.version()), TYPE_REVISION);
    }

    private static Map<String, AttributeValue> item(StoredResponse r, String sortKey, String type) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.trustPartition(r.key().round(), r.key().odsCode())));
        item.put(Keys.SK, s(sortKey));
        item.put("type", s(type));
        item.put("id", s(r.key().id()));
        item.put("round", s(r.key().round()));
        item.put("ods", s(r.key().odsCode()));
        item.put("kind", s(r.kind().name()));
        item.put("status", s(r.status().name()));
        item.put("version", n(r.version()));
        item.put("definitionVersion", s(r.definitionVersion()));
        item.put("answers", AnswerAttribute.toAttribute(r.answers()));
        item.put("createdAt", instant(r.createdAt()));
        item.put("updatedAt", instant(r.updatedAt()));
        r.firstSubmitted().ifPresent(at -> item.put("submittedAt", instant(at)));
        r.writer().ifPresent(writer -> item.put("writerHash", s(writer.hex())));
        return item;
    }

    static StoredResponse fromItem(Map<String, AttributeValue> item) {
        String round = Attributes.string(item, "round");
        SurveyDefinition definition = SurveyDefinitions.forRound(round)
                .orElseThrow(() -> new IllegalStateException("stored response for unknown round " + round));
        return new StoredResponse(
                new ResponseKey(round, Attributes.string(item, "ods"), Attributes.string(item, "id")),
                ResponseKind.valueOf(Attributes.string(item, "kind")),
                ResponseStatus.valueOf(Attributes.string(item, "status")),
                Attributes.number(item, "version"),
                Attributes.string(item, "definitionVersion"),
                AnswerAttribute.fromAttribute(item.get("answers"), definition),
                Attributes.instant(item, "createdAt"),
                Attributes.instant(item, "updatedAt"),
                Attributes.optionalInstant(item, "submittedAt").orElse(null),
                Attributes.optionalString(item, "writerHash").map(TokenHash::new).orElse(null));
    }
}
