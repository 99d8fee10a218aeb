package nhssm.local.dynamodb.engine.expression;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/** The sort-key part of a KeyConditionExpression: = < <= > >= BETWEEN or begins_with. */
public interface SortKeyCondition {

    boolean test(AttributeValue sortKeyValue);
}
