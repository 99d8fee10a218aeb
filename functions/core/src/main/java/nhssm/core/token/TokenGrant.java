package nhssm.core.token;

import java.time.Instant;

/** What a stored token grants: one trust, one round, one scope, until it expires. */
public record TokenGrant(TokenHash hash, String round, String odsCode, Scope scope, Instant createdAt, Instant expiresAt) {

    /** Expiry is checked here, not left to DynamoDB's TTL, which deletes expired items only eventually. */
    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** The token's public id, which lists and revocations name: see {@link TokenHash#publicId()}. */
    public String id() {
        return hash.publicId();
    }
}
