package nhssm.core.store;

/** The database could not be reached or refused to work; the request can be retried later. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
