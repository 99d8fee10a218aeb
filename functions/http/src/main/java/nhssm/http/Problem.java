package nhssm.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error response in the shape of RFC 9457 (problem details), sent as {@code application/problem+json}.
 * {@code type} is a relative URI documented in docs/API.md; extension members carry the specifics
 * (per-question errors, the current version, the existing official return).
 */
public record Problem(int status, String type, String title, String detail, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        extensions = Map.copyOf(extensions);
    }

    public static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, "/problems/" + type, title, detail, Map.of());
    }

    /** A request that could not be read: not base64 where it says so, not JSON, a header out of form. */
    public static Problem malformed(String detail) {
        return of(400, "malformed-request", "The request could not be read", detail);
    }

    /** The store could not be reached; the detail says whether anything was saved. Sent with Retry-After. */
    public static Problem unavailable(String detail) {
        return of(503, "unavailable", "The service is briefly unavailable", detail);
    }

    /** A fault on the service's side, with the request id the caller can quote. */
    public static Problem internal(String detail, String requestId) {
        return of(500, "internal-error", "Something went wrong on our side", detail)
                .with("requestId", requestId == null ? "" : requestId);
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(status, type, title, detail, more);
    }

    public HttpResponse toResponse() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extensions);
        try {
            return HttpResponse.text(status, MEDIA_TYPE, Json.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem's members are plain values and always serialize", e);
        }
    }
}
