package nhssm.local.lambda;

/** A function's artifact cannot be laid out; the message says what to build. */
public class FunctionArtifactException extends RuntimeException {

    public FunctionArtifactException(String message) {
        super(message);
    }

    public FunctionArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
