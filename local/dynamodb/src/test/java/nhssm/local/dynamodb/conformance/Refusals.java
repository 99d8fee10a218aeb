package nhssm.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Asserts a refusal as the SDK reports the service's error: its exception class, error code and HTTP status. */
public final class Refusals {

    private Refusals() {
    }

    /** The call fails with {@code type}, error code {@code code} and HTTP 400; returns the exception for more checks. */
    public static <T extends AwsServiceException> T refused(Class<T> type, String code, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);

        assertThat(thrown).as("the call should be refused with %s", code).isInstanceOf(type);
        T error = type.cast(thrown);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(error.statusCode()).isEqualTo(400);
        return error;
    }

    /**
     * The call fails with a ValidationException: the SDK has no class of its own for it, so a
     * DynamoDbException with that error code and HTTP 400.
     */
    public static DynamoDbException invalid(ThrowingCallable call) {
        return refused(DynamoDbException.class, "ValidationException", call);
    }

    /** The error's message as the service sent it (the SDK's message adds the request id). */
    public static String message(AwsServiceException error) {
        return error.awsErrorDetails().errorMessage();
    }
}
