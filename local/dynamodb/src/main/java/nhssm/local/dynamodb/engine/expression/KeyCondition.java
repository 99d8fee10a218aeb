package nhssm.local.dynamodb.engine.expression;

import java.util.Optional;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/** A parsed KeyConditionExpression: the partition key's value, and a condition on the sort key if any. */
public record KeyCondition(AttributeValue partitionKey, Optional<SortKeyCondition> sortKey) {
}
