package nhssm.core.store;

import nhssm.core.token.StoredToken;

/** The outcome of revoking a token by its public id. */
public sealed interface RevokeResult {

    /** Revoked now, and audited. */
    record Revoked(StoredToken token) implements RevokeResult {
    }

    /** It had been revoked before; nothing was written. */
    record AlreadyRevoked(StoredToken token) implements RevokeResult {
    }

    /** The trust has no token with that id in the round (or it expired and the table removed it). */
    record NotFound() implements RevokeResult {
    }
}
