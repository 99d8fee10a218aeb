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

    /** A cap of the {@link IndividualQuota} is reached; nothing was written. */
    record LimitReached(Limit limit, int max) implements CreateResult {
    }

    /** Which cap. */
    enum Limit {
        PER_STAFF_LINK,
        PER_TRUST
    }
}
