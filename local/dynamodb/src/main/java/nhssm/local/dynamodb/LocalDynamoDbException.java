package nhssm.local.dynamodb;

/** The DynamoDB engine could not be started, stopped or prepared as the template declares. */
public final class LocalDynamoDbException extends RuntimeException {

    public LocalDynamoDbException(String message) {
        super(message);
    }

    public LocalDynamoDbException(String message, Throwable cause) {
        super(message, cause);
    }
}
