package nhssm.core.store;

/** The outcome of creating a response. */
public sealed interface CreateResult {

    record Created(StoredResponse response) implements CreateResult {
    }

    /** The idempotency key had been used already; nothing was written. */
    record AlreadyDone(IdempotencyRecord original) implements CreateResult {
    }

    /** The trust already has an official return for the round; nothing was written. */
    record OfficialExists(String existingId) implements CreateResult {
    }
}
