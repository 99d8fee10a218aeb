package nhssm.core.token;

/** What a presented bearer token is worth in a round, as {@link TokenVerifier} found it. */
public sealed interface TokenVerdict {

    /** A stored grant for this round, not expired. */
    record Valid(TokenGrant grant) implements TokenVerdict {
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
