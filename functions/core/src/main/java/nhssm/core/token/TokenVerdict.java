package nhssm.core.token;

import java.time.Instant;
import java.util.Optional;

/** What a presented bearer token is worth in a round, as {@link TokenVerifier} found it. */
public sealed interface TokenVerdict {

    /** A stored grant for this round, neither revoked nor expired; {@code lastUsedAt} as last recorded. */
    record Valid(TokenGrant grant, Optional<Instant> lastUsedAt) implements TokenVerdict {
    }

    /** A stored grant that was replaced or withdrawn. */
    record Revoked(TokenGrant grant, Revocation revocation) implements TokenVerdict {
    }

    /** A stored grant that has expired (TTL removes expired items only eventually). */
    record Expired(TokenGrant grant) implements TokenVerdict {
    }

    /** A valid grant, for another round. */
    record OtherRound(TokenGrant grant) implements TokenVerdict {
    }

    /** No grant has this token's hash. */
    record Unknown() implements TokenVerdict {
    }
}
