package nhssm.local.dynamodb.engine.error;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A refusal as the service gives it: its error type (the {@code __type} suffix and HTTP status), its
 * message and any further members of the error body (the {@code Item} of a failed condition, the
 * {@code CancellationReasons} of a cancelled transaction). Thrown anywhere in the engine; the server turns
 * it into the service's error response.
 */
public class DynamoDbError extends RuntimeException {

    private final ErrorType type;
    private final Map<String, JsonNode> details;

    public DynamoDbError(ErrorType type, String message) {
        this(type, message, Map.of());
    }

    public DynamoDbError(ErrorType type, String message, Map<String, JsonNode> details) {
        super(message, null, false, false);
        this.type = Objects.requireNonNull(type);
        this.details = Map.copyOf(details);
    }

    public static DynamoDbError validation(String message) {
        return new DynamoDbError(ErrorType.VALIDATION, message);
    }

    public ErrorType type() {
        return type;
    }

    /** Members of the error body besides {@code __type} and {@code message}. */
    public Map<String, JsonNode> details() {
        return details;
    }
}
