package nhssm.core.token;

import java.time.Clock;
import java.util.Optional;

/**
 * Recognises a presented bearer token: the deployment's admin token, compared in constant time with the
 * configured hash, or a stored grant, found by the token's SHA-256 and then held to its expiry and round.
 * The functions decide what each verdict allows; the rules for a token's validity live here once.
 */
public final class TokenVerifier {

    private final TokenLookup grants;
    private final Optional<TokenHash> adminHash;
    private final Clock clock;

    public TokenVerifier(TokenLookup grants, Optional<TokenHash> adminHash, Clock clock) {
        this.grants = grants;
        this.adminHash = adminHash;
        this.clock = clock;
    }

    /**
     * The admin token's hash as configured for a deployment (64 lower-case hex digits). No or a malformed
     * value gives none, which leaves the admin routes closed rather than open.
     */
    public static Optional<TokenHash> adminHash(String configuredHex) {
        return Optional.ofNullable(configuredHex).map(String::strip).filter(h -> h.matches("[0-9a-f]{64}"))
                .map(TokenHash::new);
    }

    public boolean isAdmin(String presentedToken) {
        return adminHash.isPresent() && adminHash.get().matches(TokenHash.of(presentedToken));
    }

    /**
     * The stored grant of {@code presentedToken}, checked for revocation first (a replaced link says so even
     * after it would have expired), then expiry, then {@code round}.
     */
    public TokenVerdict verify(String presentedToken, String round) {
        return grants.findToken(TokenHash.of(presentedToken))
                .<TokenVerdict>map(stored -> {
                    TokenGrant grant = stored.grant();
                    if (stored.revocation().isPresent()) {
                        return new TokenVerdict.Revoked(grant, stored.revocation().get());
                    }
                    if (!grant.isValidAt(clock.instant())) {
                        return new TokenVerdict.Expired(grant);
                    }
                    if (!grant.round().equals(round)) {
                        return new TokenVerdict.OtherRound(grant);
                    }
                    return new TokenVerdict.Valid(grant, stored.lastUsedAt());
                })
                .orElseGet(TokenVerdict.Unknown::new);
    }
}
