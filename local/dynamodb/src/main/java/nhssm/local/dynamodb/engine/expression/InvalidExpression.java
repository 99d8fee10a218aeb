package nhssm.local.dynamodb.engine.expression;

import nhssm.local.dynamodb.engine.error.DynamoDbError;

/**
 * The service's refusal of an expression: "Invalid ConditionExpression: …", as transactions, Query and Scan
 * report it. The single-item writes put the same refusal inside an envelope ({@link Expressions#enveloped}).
 */
final class InvalidExpression {

    static final String ENVELOPE = "1 validation error detected: ";

    private InvalidExpression() {
    }

    static DynamoDbError of(String parameter, String message) {
        return DynamoDbError.validation("Invalid " + parameter + ": " + message);
    }
}
