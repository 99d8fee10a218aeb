package nhssm.local.dynamodb;

/** DynamoDB Local could not be started, stopped or prepared as the template declares. */
public final class LocalDynamoDbException extends RuntimeException {

    public LocalDynamoDbException(String message) {
        super(message);
    }

    public LocalDynamoDbException(String message, Throwable cause) {
        super(message, cause);
    }
}
