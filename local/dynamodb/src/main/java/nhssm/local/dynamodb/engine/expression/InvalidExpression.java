package nhssm.local.dynamodb.engine.expression;

import nhssm.local.dynamodb.engine.error.DynamoDbError;

/**
 * The service's refusal of an expression: "Invalid ConditionExpression: …". A ConditionExpression's refusal
 * comes inside the service's "1 validation error detected: " envelope (as it does for the single-item writes
 * that carry one); the other parameters' come bare, as a Query's KeyConditionExpression errors do.
 */
final class InvalidExpression {

    static final String ENVELOPE = "1 validation error detected: ";

    private InvalidExpression() {
    }

    static DynamoDbError of(String parameter, String message) {
        String text = "Invalid " + parameter + ": " + message;
        return DynamoDbError.validation(parameter.equals("ConditionExpression") ? ENVELOPE + text : text);
    }
}
