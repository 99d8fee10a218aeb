package nhssm.local.dynamodb.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * DynamoDB's JSON 1.0 protocol by hand, for what the SDK will not send: malformed bodies, made-up
 * operations, missing headers. Every request has a timeout, so a server that hangs fails the test.
 */
public final class RawHttp implements AutoCloseable {

    public static final String DYNAMODB = "DynamoDB_20120810.";
    public static final String STREAMS = "DynamoDBStreams_20120810.";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final URI endpoint;
    private final HttpClient http;

    public RawHttp(URI endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** A signed-looking POST of {@code body} to {@code target} (e.g. {@code DynamoDB_20120810.PutItem}). */
    public Response post(String target, String body) {
        return post(target, body.getBytes(StandardCharsets.UTF_8), true);
    }

    /** As {@link #post(String, String)}, without an Authorization header if {@code signed} is false. */
    public Response post(String target, byte[] body, boolean signed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signed) {
            signatureShaped().forEach(request::header);
        }
        return send(request.build());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(endpoint.resolve(path)).timeout(TIMEOUT).GET().build());
    }

    /**
     * Headers shaped as SigV4 makes them. The signature itself is not real: the service would refuse it,
     * which is why the tests that need the service to act use the SDK.
     */
    private static Map<String, String> signatureShaped() {
        String now = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE);
        String date = now.substring(0, 8);
        return Map.of(
                "X-Amz-Date", now,
                "Authorization", "AWS4-HMAC-SHA256 Credential=conformance/" + date + "/eu-west-2/dynamodb/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="
                        + "0".repeat(64));
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + request.uri() + " within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }

    /** An HTTP answer: its status, body and headers. */
    public record Response(int status, String body, Map<String, List<String>> headers) {

        /** The body as JSON; fails the test if it is not. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The error body's {@code __type}, e.g. {@code com.amazon.coral.validate#ValidationException}. */
        public String errorType() {
            return json().path("__type").asText();
        }

        /** The error body's message, which the service spells {@code message} or {@code Message}. */
        public String errorMessage() {
            JsonNode json = json();
            return json.has("message") ? json.get("message").asText() : json.path("Message").asText();
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }
}
