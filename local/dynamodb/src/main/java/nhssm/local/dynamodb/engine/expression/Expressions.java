package nhssm.local.dynamodb.engine.expression;

import java.util.Optional;

/**
 * STUB to be replaced by the engine-expr branch: parses the four kinds of expression, refusing bad ones
 * with the service's ValidationException ("Invalid ConditionExpression: …").
 */
public final class Expressions {

    private Expressions() {
    }

    /** A ConditionExpression ({@code parameter} "ConditionExpression") or FilterExpression ("FilterExpression"). */
    public static Condition condition(String parameter, String expression, ExpressionInputs inputs) {
        throw new UnsupportedOperationException("stub");
    }

    public static Update update(String expression, ExpressionInputs inputs) {
        throw new UnsupportedOperationException("stub");
    }

    public static Projection projection(String expression, ExpressionInputs inputs) {
        throw new UnsupportedOperationException("stub");
    }

    /** A KeyConditionExpression against the key schema of the table or index queried. */
    public static KeyCondition keyCondition(String expression, ExpressionInputs inputs,
            String partitionKeyName, Optional<String> sortKeyName) {
        throw new UnsupportedOperationException("stub");
    }
}
