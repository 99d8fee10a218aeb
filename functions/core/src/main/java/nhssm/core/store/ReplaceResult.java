package nhssm.core.store;

/** The outcome of replacing a response at an expected version. */
public sealed interface ReplaceResult {

    record Replaced(StoredResponse response) implements ReplaceResult {
    }

    /** Someone changed it first; nothing was written. */
    record StaleVersion(StoredResponse current) implements ReplaceResult {
    }

    record NotFound() implements ReplaceResult {
    }
}
