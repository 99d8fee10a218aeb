package nhssm.local.dynamodb.engine.expression;

import java.util.Map;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/** A parsed ConditionExpression or FilterExpression. */
public interface Condition {

    /** Whether the item satisfies it; an absent item is an empty map. */
    boolean test(Map<String, AttributeValue> item);
}
