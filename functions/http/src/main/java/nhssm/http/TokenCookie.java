package nhssm.http;

import java.time.Duration;
import java.util.Optional;

/**
 * The cookie that carries a respondent's link token in the browser, so the token never stays in a URL,
 * a history entry or a log. One cookie per round, readable by the survey pages and by the report
 * downloads of that round (the lead's receipt links to the trust's report).
 *
 * <p>HttpOnly so no script can read it; SameSite=Strict so no other site can make the browser send it;
 * Secure whenever the request came over https (API Gateway says so in {@code x-forwarded-proto}).
 */
public final class TokenCookie {

    private TokenCookie() {
    }

    /** The cookie's name for a round: {@code nhssm-token-2026}. */
    public static String name(String round) {
        return "nhssm-token-" + round;
    }

    /** The token the browser sent for this round, if any. */
    public static Optional<String> read(HttpRequest request, String round) {
        return request.cookie(name(round)).filter(v -> !v.isEmpty());
    }

    /** A Set-Cookie value that stores {@code token} for {@code maxAge}. */
    public static String set(HttpRequest request, String round, String token, Duration maxAge) {
        return attributes(request, name(round) + "=" + token, "/", maxAge);
    }

    /**
     * Set-Cookie attributes shared by every cookie the service sets: HttpOnly, SameSite=Strict, a path,
     * a lifetime, and Secure over https.
     */
    public static String attributes(HttpRequest request, String nameValue, String path, Duration maxAge) {
        return nameValue + "; Path=" + path + "; Max-Age=" + Math.max(0, maxAge.toSeconds())
                + "; HttpOnly; SameSite=Strict" + (isHttps(request) ? "; Secure" : "");
    }

    private static boolean isHttps(HttpRequest request) {
        return request.header("x-forwarded-proto").map(p -> p.strip().equalsIgnoreCase("https")).orElse(false);
    }
}
