package nhssm.local.dynamodb.engine.error;

/**
 * The service's error types that the engine can answer with. {@link #wireType()} is the {@code __type}
 * of the JSON error body.
 */
public enum ErrorType {
    VALIDATION("com.amazon.coral.validate#ValidationException", 400),
    SERIALIZATION("com.amazon.coral.service#SerializationException", 400),
    UNKNOWN_OPERATION("com.amazon.coral.service#UnknownOperationException", 400),
    MISSING_AUTHENTICATION_TOKEN("com.amazon.coral.service#MissingAuthenticationTokenException", 400),
    INCOMPLETE_SIGNATURE("com.amazon.coral.service#IncompleteSignatureException", 400),
    REQUEST_TOO_LARGE("com.amazon.coral.service#RequestEntityTooLargeException", 413),
    CONDITIONAL_CHECK_FAILED("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", 400),
    RESOURCE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", 400),
    RESOURCE_IN_USE("com.amazonaws.dynamodb.v20120810#ResourceInUseException", 400),
    TRANSACTION_CANCELED("com.amazonaws.dynamodb.v20120810#TransactionCanceledException", 400),
    TRANSACTION_CONFLICT("com.amazonaws.dynamodb.v20120810#TransactionConflictException", 400),
    IDEMPOTENT_PARAMETER_MISMATCH("com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException", 400),
    EXPIRED_ITERATOR("com.amazonaws.dynamodb.v20120810#ExpiredIteratorException", 400),
    TRIMMED_DATA_ACCESS("com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException", 400),
    INTERNAL_SERVER_ERROR("com.amazonaws.dynamodb.v20120810#InternalServerError", 500);

    private final String wireType;
    private final int httpStatus;

    ErrorType(String wireType, int httpStatus) {
        this.wireType = wireType;
        this.httpStatus = httpStatus;
    }

    public String wireType() {
        return wireType;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The short name the SDK reads as the error code, e.g. {@code ValidationException}. */
    public String code() {
        return wireType.substring(wireType.indexOf('#') + 1);
    }
}
