package nhssm.local.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response as API Gateway writes it to the client.
 *
 * @param headers name and value pairs in order; a name may repeat (Set-Cookie)
 */
public record GatewayResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    public GatewayResponse {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** API Gateway's own answer, e.g. 404 {@code {"message":"Not Found"}}, as {@code application/json}. */
    public static GatewayResponse message(int status, String message) {
        // The messages are fixed ASCII strings without quotes or backslashes.
        byte[] body = ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        return new GatewayResponse(status, List.of(Map.entry("Content-Type", "application/json")), body);
    }

    static final GatewayResponse NOT_FOUND = message(404, "Not Found");
    static final GatewayResponse REQUEST_TOO_LARGE = message(413, "Request Entity Too Large");
    static final GatewayResponse INTERNAL_SERVER_ERROR = message(500, "Internal Server Error");
    static final GatewayResponse BAD_GATEWAY = message(502, "Internal Server Error");
    static final GatewayResponse SERVICE_UNAVAILABLE = message(503, "Service Unavailable");
}
