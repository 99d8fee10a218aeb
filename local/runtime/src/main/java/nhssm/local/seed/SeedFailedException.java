package nhssm.local.seed;

/** Seeding stopped: the API refused a request or could not be reached. */
public final class SeedFailedException extends RuntimeException {

    public SeedFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public SeedFailedException(String message) {
        super(message);
    }
}
