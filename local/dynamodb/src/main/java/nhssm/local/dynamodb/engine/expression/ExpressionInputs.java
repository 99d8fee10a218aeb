package nhssm.local.dynamodb.engine.expression;

import java.util.Map;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * STUB to be replaced by the engine-expr branch: a request's ExpressionAttributeNames and
 * ExpressionAttributeValues, tracking which ones its expressions used.
 */
public final class ExpressionInputs {

    public ExpressionInputs(Map<String, String> names, Map<String, AttributeValue> values) {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * After every expression of the request has been parsed: refuses names or values the request gave
     * but no expression used, with the service's ValidationException.
     */
    public void requireAllUsed() {
        throw new UnsupportedOperationException("stub");
    }
}
