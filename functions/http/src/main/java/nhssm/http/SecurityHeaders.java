package nhssm.http;

/**
 * The headers that keep a response from being misused on the way: HSTS on every response of every function (a
 * browser that once reached the API over https never sends a token over plain http to it again), and for a JSON
 * body that carries answers or tokens, no copy in any cache and no guessing its type.
 */
public final class SecurityHeaders {

    /** Two years, and every subdomain: the API is only ever served over https on AWS. */
    public static final String STRICT_TRANSPORT = "max-age=63072000; includeSubDomains";

    private SecurityHeaders() {
    }

    /** What every response gets, whatever its body (set by {@link HttpFunction}). */
    public static HttpResponse everywhere(HttpResponse response) {
        return response.withHeader("strict-transport-security", STRICT_TRANSPORT);
    }

    /** A JSON body with answers or tokens in it, or a refusal that may repeat them: kept by no cache, never sniffed. */
    public static HttpResponse privateJson(HttpResponse response) {
        return nosniff(response).withHeader("cache-control", "no-store");
    }

    /** A body read only as the type it says it is. */
    public static HttpResponse nosniff(HttpResponse response) {
        return response.withHeader("x-content-type-options", "nosniff");
    }
}
