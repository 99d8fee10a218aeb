package nhssm.core.token;

import java.time.Instant;
import java.util.Optional;

/** A token's grant as stored, with what has happened to it since it was issued. */
public record StoredToken(TokenGrant grant, Optional<Revocation> revocation, Optional<Instant> lastUsedAt) {

    public static StoredToken issued(TokenGrant grant) {
        return new StoredToken(grant, Optional.empty(), Optional.empty());
    }
}
