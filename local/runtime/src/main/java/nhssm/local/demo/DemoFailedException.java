package nhssm.local.demo;

/** The demo could not finish; the message says which step failed and what was reached. */
public final class DemoFailedException extends RuntimeException {

    public DemoFailedException(String message) {
        super(message);
    }

    public DemoFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
