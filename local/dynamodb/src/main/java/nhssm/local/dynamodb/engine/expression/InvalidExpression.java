package nhssm.local.dynamodb.engine.expression;

import java.util.Set;

import nhssm.local.dynamodb.engine.error.DynamoDbError;

/**
 * The service's refusal of an expression: "Invalid ConditionExpression: …". The refusals of the single-item
 * writes' expressions (ConditionExpression, UpdateExpression) come inside the service's "1 validation error
 * detected: " envelope; the others come bare, as a Query's KeyConditionExpression errors do.
 */
final class InvalidExpression {

    static final String ENVELOPE = "1 validation error detected: ";
    private static final Set<String> ENVELOPED = Set.of("ConditionExpression", "UpdateExpression");

    private InvalidExpression() {
    }

    static DynamoDbError of(String parameter, String message) {
        String text = "Invalid " + parameter + ": " + message;
        return DynamoDbError.validation(ENVELOPED.contains(parameter) ? ENVELOPE + text : text);
    }
}
