package nhssm.local.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How API Gateway turns a Lambda function's result into an HTTP response, payload format 2.0.
 *
 * <ul>
 *   <li>A JSON object with a {@code statusCode}: that status; {@code headers} (single values;
 *       {@code multiValueHeaders} is ignored in 2.0); each of {@code cookies} as a Set-Cookie header;
 *       {@code body}, base64-decoded when {@code isBase64Encoded} is true. Without a Content-Type
 *       header, API Gateway sends {@code text/plain; charset=utf-8}.</li>
 *   <li>Any other valid JSON (an object without {@code statusCode}, a string, a number…): API Gateway
 *       infers 200, {@code application/json}, and the result itself as the body.</li>
 *   <li>Not JSON, or a {@code statusCode}, header, cookie or body of the wrong kind:
 *       {@link MalformedResponseException}, which the server answers with 502.</li>
 * </ul>
 * Framing headers in the function's headers (Content-Length, Transfer-Encoding, Connection) are not
 * passed on: the server frames the body it actually writes.
 */
public final class FunctionResponse {

    static final String DEFAULT_CONTENT_TYPE = "text/plain; charset=utf-8";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection");

    private FunctionResponse() {
    }

    /** The function's result is not one API Gateway can turn into a response. */
    public static final class MalformedResponseException extends Exception {
        MalformedResponseException(String message) {
            super(message);
        }
    }

    public static GatewayResponse toHttp(String payloadJson) throws MalformedResponseException {
        JsonNode payload;
        try {
            payload = payloadJson == null ? null : JSON.readTree(payloadJson);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException("the function's result is not valid JSON");
        }
        if (payload == null || payload.isMissingNode()) {
            throw new MalformedResponseException("the function's result is empty");
        }
        if (!payload.isObject() || !payload.has("statusCode")) {
            return new GatewayResponse(200, List.of(Map.entry("Content-Type", "application/json")),
                    payloadJson.getBytes(StandardCharsets.UTF_8));
        }

        int status = statusCode(payload.get("statusCode"));
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        boolean contentType = false;
        JsonNode headerNode = payload.get("headers");
        if (headerNode != null && !headerNode.isNull()) {
            if (!headerNode.isObject()) {
                throw new MalformedResponseException("headers is not an object");
            }
            for (Map.Entry<String, JsonNode> h : headerNode.properties()) {
                JsonNode value = h.getValue();
                if (value.isNull()) {
                    continue;
                }
                if (!value.isValueNode()) {
                    throw new MalformedResponseException("the value of header " + h.getKey() + " is not a string");
                }
                String name = h.getKey().toLowerCase(Locale.ROOT);
                if (FRAMING.contains(name)) {
                    continue;
                }
                contentType |= name.equals("content-type");
                headers.add(Map.entry(h.getKey(), value.asText()));
            }
        }
        if (!contentType) {
            headers.add(Map.entry("Content-Type", DEFAULT_CONTENT_TYPE));
        }
        JsonNode cookies = payload.get("cookies");
        if (cookies != null && !cookies.isNull()) {
            if (!cookies.isArray()) {
                throw new MalformedResponseException("cookies is not an array");
            }
            for (JsonNode cookie : cookies) {
                if (!cookie.isTextual()) {
                    throw new MalformedResponseException("a cookie is not a string");
                }
                headers.add(Map.entry("Set-Cookie", cookie.asText()));
            }
        }
        return new GatewayResponse(status, headers, body(payload));
    }

    private static int statusCode(JsonNode node) throws MalformedResponseException {
        int status;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            status = node.intValue();
        } else if (node.isTextual() && node.asText().matches("[0-9]{3}")) {
            status = Integer.parseInt(node.asText());
        } else {
            throw new MalformedResponseException("statusCode is not an integer");
        }
        if (status < 200 || status > 599) {
            // 1xx are not final responses; a client would wait for one that never comes.
            throw new MalformedResponseException("statusCode " + status + " is not a final HTTP status");
        }
        return status;
    }

    private static byte[] body(JsonNode payload) throws MalformedResponseException {
        JsonNode body = payload.get("body");
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        if (!body.isTextual()) {
            throw new MalformedResponseException("body is not a string");
        }
        JsonNode base64 = payload.get("isBase64Encoded");
        boolean encoded = base64 != null && (base64.isBoolean() ? base64.booleanValue()
                : base64.isTextual() && base64.asText().equalsIgnoreCase("true"));
        if (!encoded) {
            return body.asText().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body.asText().replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException("isBase64Encoded is true but body is not valid base64");
        }
    }
}
