package nhssm.local.dynamodb.engine.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;

/**
 * DynamoDB's JSON 1.0 protocol over HTTP on 127.0.0.1: {@code POST /} with {@code X-Amz-Target}, each
 * request on its own virtual thread. Answers every request: the operation's body, or the service's error
 * ({@code __type}, {@code message}); a failure of the engine itself is a 500, never anything a client sent.
 */
public final class HttpEndpoint implements AutoCloseable {

    /** The largest request body the service accepts: 16 MB. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    private static final String DYNAMODB = "DynamoDB_20120810.";
    private static final String STREAMS = "DynamoDBStreams_20120810.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final Logger LOG = Logger.getLogger(HttpEndpoint.class.getName());
    // Attribute names may be up to 64 KB, longer than the parser's default limit on a member name.
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNameLength(MAX_REQUEST_BYTES).build())
            .build());
    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    /** What serves the two APIs: an operation's name and request body in, its response body out. */
    public interface Service {
        JsonNode dynamoDb(String operation, JsonNode request);

        JsonNode streams(String operation, JsonNode request);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Service service;
    private final String region;

    private HttpEndpoint(HttpServer server, ExecutorService executor, Service service, String region) {
        this.server = server;
        this.executor = executor;
        this.service = service;
        this.region = region;
    }

    /** Listens on 127.0.0.1:{@code port} (0 for a free port). */
    public static HttpEndpoint start(int port, Service service, String region) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1024);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpEndpoint endpoint = new HttpEndpoint(server, executor, service, region);
        server.createContext("/", endpoint::exchange);
        server.setExecutor(executor);
        server.start();
        return endpoint;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("GET")) {
                exchange.getRequestBody().readAllBytes();
                respond(exchange, 200, "text/plain", ("healthy: dynamodb." + region + ".amazonaws.com ").getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body;
            int status = 200;
            try {
                body = JSON.writeValueAsBytes(answer(exchange));
            } catch (DynamoDbError e) {
                status = e.type().httpStatus();
                body = JSON.writeValueAsBytes(errorBody(e));
            } catch (StackOverflowError e) {
                status = 400;
                body = JSON.writeValueAsBytes(errorBody(DynamoDbError.validation("The request is nested too deeply")));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "the engine failed on a request", e);
                status = 500;
                body = JSON.writeValueAsBytes(errorBody(new DynamoDbError(ErrorType.INTERNAL_SERVER_ERROR,
                        "The engine failed: " + e.getClass().getSimpleName())));
            }
            respond(exchange, status, CONTENT_TYPE, body);
        } catch (IOException e) {
            // The client went away mid-exchange: nothing to answer.
        }
    }

    private JsonNode answer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            throw new DynamoDbError(ErrorType.UNKNOWN_OPERATION,
                    "Only POST / (and GET / for health) are served, not " + exchange.getRequestMethod());
        }
        byte[] bytes = read(exchange.getRequestBody());
        Authorization.check(exchange.getRequestHeaders().getFirst("Authorization"));
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode request = parse(bytes);
        if (target != null && target.startsWith(DYNAMODB)) {
            return service.dynamoDb(target.substring(DYNAMODB.length()), request);
        }
        if (target != null && target.startsWith(STREAMS)) {
            return service.streams(target.substring(STREAMS.length()), request);
        }
        throw new DynamoDbError(ErrorType.UNKNOWN_OPERATION, target == null
                ? "The request has no X-Amz-Target header naming the operation (" + DYNAMODB + "<Operation>)"
                : "Unknown operation target " + target + "; expected " + DYNAMODB + "<Operation> or " + STREAMS + "<Operation>");
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
        if (bytes.length > MAX_REQUEST_BYTES) {
            in.transferTo(OutputStream.nullOutputStream());
            throw new DynamoDbError(ErrorType.REQUEST_TOO_LARGE,
                    "Request must be smaller than " + MAX_REQUEST_BYTES + " bytes");
        }
        return bytes;
    }

    private static JsonNode parse(byte[] bytes) {
        JsonNode request;
        try {
            request = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new DynamoDbError(ErrorType.SERIALIZATION, "The request body is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DynamoDbError(ErrorType.SERIALIZATION, "The request body could not be read as JSON");
        }
        if (request == null || !request.isObject()) {
            throw new DynamoDbError(ErrorType.SERIALIZATION, "The request body must be a JSON object");
        }
        return request;
    }

    private static ObjectNode errorBody(DynamoDbError error) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", error.type().wireType());
        body.put("message", error.getMessage());
        for (Map.Entry<String, JsonNode> detail : error.details().entrySet()) {
            body.set(detail.getKey(), detail.getValue());
        }
        return body;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId());
        exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String requestId() {
        char[] id = new char[52];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[ThreadLocalRandom.current().nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    /** Stops listening at once, freeing the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
