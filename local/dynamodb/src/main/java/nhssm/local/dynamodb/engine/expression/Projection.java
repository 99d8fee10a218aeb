package nhssm.local.dynamodb.engine.expression;

import java.util.Map;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/** A parsed ProjectionExpression. */
public interface Projection {

    /** The item with only the projected paths (nested maps and lists cut to the projected parts). */
    Map<String, AttributeValue> apply(Map<String, AttributeValue> item);
}
