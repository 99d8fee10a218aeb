package nhssm.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as an HTTP API (payload 2.0) delivers it, with the body already decoded to bytes.
 *
 * @param routeKey   the matched route, e.g. {@code POST /api/rounds/{round}/responses}
 * @param headers    header names in lower case, as API Gateway sends them; repeated headers arrive
 *                   joined with commas
 * @param body       the body bytes: base64-decoded when API Gateway encoded it (forms, binary)
 */
public record HttpRequest(
        String routeKey,
        String method,
        String rawPath,
        String rawQueryString,
        Map<String, String> pathParameters,
        Map<String, String> headers,
        List<String> cookies,
        byte[] body,
        String requestId) {

    public HttpRequest {
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        headers = lowerCased(headers);
        cookies = cookies == null ? List.of() : List.copyOf(cookies);
        body = body == null ? new byte[0] : body;
        rawQueryString = rawQueryString == null ? "" : rawQueryString;
    }

    /**
     * Decodes an HTTP API event. A body that claims to be base64 but is not is reported as
     * {@link MalformedRequestException}: only a broken client sends one.
     */
    public static HttpRequest from(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        String method = context != null && context.getHttp() != null ? context.getHttp().getMethod() : null;
        String routeKey = event.getRouteKey() != null ? event.getRouteKey()
                : context != null ? context.getRouteKey() : null;
        return new HttpRequest(
                routeKey,
                method == null ? "" : method.toUpperCase(Locale.ROOT),
                event.getRawPath() == null ? "" : event.getRawPath(),
                event.getRawQueryString(),
                event.getPathParameters(),
                event.getHeaders(),
                event.getCookies(),
                bodyBytes(event),
                context == null ? null : context.getRequestId());
    }

    private static byte[] bodyBytes(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (!event.getIsBase64Encoded()) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("The request body is marked as base64 but is not valid base64.");
        }
    }

    private static Map<String, String> lowerCased(Map<String, String> headers) {
        Map<String, String> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + "," + b));
        }
        return Map.copyOf(lower);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    /** The token of an {@code Authorization: Bearer …} header, if there is one. */
    public Optional<String> bearerToken() {
        return header("authorization")
                .map(String::strip)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).strip())
                .filter(v -> !v.isEmpty());
    }

    /**
     * The value of the cookie {@code name}: payload 2.0 delivers the Cookie header split into
     * {@code name=value} strings; the first of several with one name wins, as RFC 6265 orders the
     * most specific path first.
     */
    public Optional<String> cookie(String name) {
        for (String pair : cookies) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
                return Optional.of(pair.substring(equals + 1).strip());
            }
        }
        return Optional.empty();
    }

    /** The value of the query parameter {@code name}, percent-decoded, if present once or more (the first wins). */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(FormBody.parse(rawQueryString.getBytes(StandardCharsets.UTF_8)).get(name))
                .filter(values -> !values.isEmpty())
                .map(List::getFirst);
    }

    public Optional<MediaType> contentType() {
        return header("content-type").flatMap(MediaType::parse);
    }
}
