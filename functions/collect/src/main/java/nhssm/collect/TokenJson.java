package nhssm.collect;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nhssm.core.token.StoredToken;
import nhssm.core.trust.Trust;

/**
 * A trust's tokens as the token routes list them: public id, scope, when issued, expires and last used, and
 * what became of it. Never the token, never its hash.
 */
final class TokenJson {

    private TokenJson() {
    }

    static Map<String, Object> list(String round, Trust trust, List<StoredToken> tokens, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("round", round);
        body.put("trust", Map.of("odsCode", trust.odsCode(), "name", trust.name()));
        body.put("tokens", tokens.stream().map(t -> entry(t, now)).toList());
        return body;
    }

    static Map<String, Object> entry(StoredToken token, Instant now) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", token.grant().id());
        entry.put("scope", token.grant().scope().name());
        entry.put("status", status(token, now));
        entry.put("createdAt", token.grant().createdAt().toString());
        entry.put("expiresAt", token.grant().expiresAt().toString());
        token.lastUsedAt().ifPresent(at -> entry.put("lastUsedAt", at.toString()));
        token.revocation().ifPresent(r -> {
            entry.put("revokedAt", r.at().toString());
            entry.put("revokedBy", r.by());
            if (!r.note().isEmpty()) {
                entry.put("revocationNote", r.note());
            }
        });
        return entry;
    }

    /** {@code active}, {@code expired}, {@code replaced} or {@code withdrawn}. */
    private static String status(StoredToken token, Instant now) {
        if (token.revocation().isPresent()) {
            return token.revocation().get().reason().name().toLowerCase();
        }
        return token.grant().isValidAt(now) ? "active" : "expired";
    }
}
