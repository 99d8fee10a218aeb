package nhssm.local.dynamodb.engine.error;

import java.util.Objects;

/**
 * A refusal as the service gives it: its error type (the {@code __type} suffix and HTTP status) and its
 * message. Thrown anywhere in the engine; the server turns it into the service's error response.
 */
public class DynamoDbError extends RuntimeException {

    private final ErrorType type;

    public DynamoDbError(ErrorType type, String message) {
        super(message, null, false, false);
        this.type = Objects.requireNonNull(type);
    }

    public static DynamoDbError validation(String message) {
        return new DynamoDbError(ErrorType.VALIDATION, message);
    }

    public ErrorType type() {
        return type;
    }
}
