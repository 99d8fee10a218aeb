package nhssm.http;

import java.time.Duration;
import java.util.Optional;

/**
 * The cookie that carries a respondent's link token in the browser, so the token never stays in a URL,
 * a history entry or a log. One cookie per round, readable by the survey pages and by the report
 * downloads of that round (the lead's receipt links to the trust's report).
 *
 * <p>{@code __Host-} prefixed, so a browser keeps it only if it is Secure, for this host alone and for path
 * {@code /}: no sibling subdomain and no plain-http page can set or shadow it. HttpOnly so no script can
 * read it; SameSite=Strict so no other site can make the browser send it. Always Secure: browsers treat
 * {@code http://localhost} and {@code http://127.0.0.1} as secure contexts, so the local system on loopback
 * keeps it too, and nowhere else will plain http.
 */
public final class TokenCookie {

    /** The prefix browsers hold to Secure, host-only, Path=/. */
    public static final String HOST_PREFIX = "__Host-";

    private TokenCookie() {
    }

    /** The cookie's name for a round: {@code __Host-nhssm-token-2026}. */
    public static String name(String round) {
        return HOST_PREFIX + "nhssm-token-" + round;
    }

    /** The token the browser sent for this round, if any. */
    public static Optional<String> read(HttpRequest request, String round) {
        return request.cookie(name(round)).filter(v -> !v.isEmpty());
    }

    /** A Set-Cookie value that stores {@code token} for {@code maxAge}. */
    public static String set(String round, String token, Duration maxAge) {
        return attributes(name(round) + "=" + token, maxAge);
    }

    /** A Set-Cookie value that makes the browser forget the round's token. */
    public static String clear(String round) {
        return set(round, "", Duration.ZERO);
    }

    /**
     * Set-Cookie attributes shared by every cookie the service sets (each named with {@link #HOST_PREFIX}):
     * Path=/, a lifetime, Secure, HttpOnly, SameSite=Strict.
     */
    public static String attributes(String nameValue, Duration maxAge) {
        return nameValue + "; Path=/; Max-Age=" + Math.max(0, maxAge.toSeconds()) + "; Secure; HttpOnly; SameSite=Strict";
    }
}
