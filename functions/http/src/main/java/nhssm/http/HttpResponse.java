package nhssm.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response before it is encoded for API Gateway. A text body is sent as is; a binary body
 * (a PDF) is sent base64-encoded with {@code isBase64Encoded} true, as payload 2.0 requires.
 */
public record HttpResponse(int status, Map<String, String> headers, List<String> cookies, byte[] body, boolean binary) {

    public HttpResponse {
        headers = Map.copyOf(headers);
        cookies = List.copyOf(cookies);
    }

    public static HttpResponse text(int status, String contentType, String body) {
        return new HttpResponse(status, Map.of("content-type", contentType), List.of(),
                body.getBytes(StandardCharsets.UTF_8), false);
    }

    public static HttpResponse json(int status, String json) {
        return text(status, "application/json", json);
    }

    public static HttpResponse empty(int status) {
        return new HttpResponse(status, Map.of(), List.of(), new byte[0], false);
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return new HttpResponse(status, more, cookies, body, binary);
    }

    /** This response with one more Set-Cookie value. */
    public HttpResponse withCookie(String setCookie) {
        List<String> more = new ArrayList<>(cookies);
        more.add(setCookie);
        return new HttpResponse(status, headers, more, body, binary);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Payload 2.0 ignores multiValueHeaders, so every header is single-valued and cookies go in {@code cookies}. */
    public APIGatewayV2HTTPResponse toEvent() {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(status);
        response.setHeaders(new LinkedHashMap<>(headers));
        if (!cookies.isEmpty()) {
            response.setCookies(cookies);
        }
        if (body.length > 0) {
            response.setBody(binary ? Base64.getEncoder().encodeToString(body) : bodyText());
        }
        response.setIsBase64Encoded(binary);
        return response;
    }
}
