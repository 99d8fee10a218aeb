package nhssm.local.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import nhssm.local.lambda.FunctionInvoker;
import nhssm.local.lambda.Invocation;
import nhssm.local.template.SamTemplate;

/**
 * The template's HTTP API on 127.0.0.1, behaving as API Gateway HTTP API with Lambda proxy
 * integrations, payload format 2.0: routes chosen as API Gateway chooses them ({@link RouteTable}),
 * events built as API Gateway builds them ({@link HttpApiEvent}), results written back by the 2.0
 * rules ({@link FunctionResponse}), and API Gateway's own answers when something is wrong:
 *
 * <table>
 *   <caption>API Gateway's own responses</caption>
 *   <tr><th>when</th><th>status</th><th>body</th></tr>
 *   <tr><td>no route matches (or only with another method)</td><td>404</td><td>{@code {"message":"Not Found"}}</td></tr>
 *   <tr><td>a request body over 10 MB (the function is not invoked)</td><td>413</td><td>{@code {"message":"Request Entity Too Large"}}</td></tr>
 *   <tr><td>an event over Lambda's 6 MB invocation payload limit (not invoked)</td><td>413</td><td>{@code {"message":"Request Entity Too Large"}}</td></tr>
 *   <tr><td>the function threw, failed to start, or ran past its Timeout</td><td>500</td><td>{@code {"message":"Internal Server Error"}}</td></tr>
 *   <tr><td>a result over 6 MB, or a result that is not a valid 2.0 response</td><td>502</td><td>{@code {"message":"Internal Server Error"}}</td></tr>
 *   <tr><td>no result within the integration timeout (30 s)</td><td>503</td><td>{@code {"message":"Service Unavailable"}}</td></tr>
 * </table>
 *
 * Every response carries {@code apigw-requestid}, the event's requestId. One line per request goes
 * to the log (stdout): method, path without the query string (it may carry tokens), status, duration
 * and the function's logical id ("-" when none was invoked). Headers and bodies are never logged.
 *
 * <p>Requests are served concurrently by a bounded pool of threads; each invocation runs on its own
 * thread so that the integration timeout can be kept while the function goes on, as on AWS.
 *
 * <pre>{@code
 * try (var api = HttpApiServer.start(template, invoker, 3000)) {
 *     ... api.baseUri() ...
 * }
 * }</pre>
 */
public final class HttpApiServer implements AutoCloseable {

    /** API Gateway HTTP API's maximum integration timeout. */
    public static final Duration INTEGRATION_TIMEOUT = Duration.ofSeconds(30);
    /** API Gateway HTTP API's maximum request payload. */
    public static final int MAX_REQUEST_BODY_BYTES = 10 * 1024 * 1024;
    /** Lambda's limit on a synchronous invocation's request and response payloads. */
    public static final int MAX_LAMBDA_PAYLOAD_BYTES = 6 * 1024 * 1024;

    static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

    /** How much of an oversized request body is read and discarded so the client can read the 413. */
    private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;
    private static final InetAddress LOOPBACK = loopback();

    private final HttpServer server;
    private final RouteTable routes;
    private final FunctionInvoker invoker;
    private final Duration integrationTimeout;
    private final Consumer<String> log;
    private final ExecutorService requestExecutor;
    private final ExecutorService invocationExecutor;
    private final SecureRandom random = new SecureRandom();
    private final URI baseUri;
    private boolean closed;

    /**
     * Starts serving every HttpApi route of the template on 127.0.0.1 (and nowhere else).
     *
     * @param port the port to listen on; 0 for a free one (see {@link #port()})
     * @throws UncheckedIOException if the port cannot be listened on (in use, say)
     */
    public static HttpApiServer start(SamTemplate template, FunctionInvoker invoker, int port) {
        return start(template, invoker, port, System.out::println);
    }

    /** As {@link #start(SamTemplate, FunctionInvoker, int)}, with the log lines handed to {@code log}. */
    public static HttpApiServer start(SamTemplate template, FunctionInvoker invoker, int port, Consumer<String> log) {
        return new HttpApiServer(template, invoker, port, INTEGRATION_TIMEOUT, DEFAULT_MAX_CONCURRENT_REQUESTS, log);
    }

    /** For tests: a shorter integration timeout, and the log lines handed to {@code log}. */
    HttpApiServer(SamTemplate template, FunctionInvoker invoker, int port, Duration integrationTimeout,
            int maxConcurrentRequests, Consumer<String> log) {
        this.routes = RouteTable.of(template);
        this.invoker = invoker;
        this.integrationTimeout = integrationTimeout;
        this.log = log;
        try {
            this.server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + LOOPBACK.getHostAddress() + ":" + port
                    + " for the HTTP API: " + e.getMessage(), e);
        }
        this.requestExecutor = Executors.newFixedThreadPool(maxConcurrentRequests, daemonThreads("nhssm-http-"));
        this.invocationExecutor = Executors.newCachedThreadPool(daemonThreads("nhssm-http-invoke-"));
        server.setExecutor(requestExecutor);
        server.createContext("/", this::handle);
        server.start();
        this.baseUri = URI.create("http://" + LOOPBACK.getHostAddress() + ":" + port() + "/");
    }

    /** The port listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address listened on: always 127.0.0.1. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://127.0.0.1:<port>/} */
    public URI baseUri() {
        return baseUri;
    }

    /** The route keys served, {@code $default} last if there is one. */
    public List<String> routeKeys() {
        return routes.routeKeys();
    }

    /**
     * Stops accepting connections, lets exchanges in progress finish for up to a second, then stops
     * the threads. Invocations still running (past the integration timeout) are interrupted.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(1);
        requestExecutor.shutdown();
        invocationExecutor.shutdownNow();
        try {
            if (!requestExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
                requestExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            requestExecutor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private record Outcome(GatewayResponse response, String functionLogicalId) {
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        Instant receivedAt = Instant.now();
        String requestId = newRequestId();
        String method = exchange.getRequestMethod();
        String rawPath = Optional.ofNullable(exchange.getRequestURI().getRawPath()).orElse("");
        int status = 0;
        String function = "-";
        try (exchange) {
            Outcome outcome = respond(exchange, method, rawPath, requestId, receivedAt);
            status = outcome.response().status();
            function = outcome.functionLogicalId();
            write(exchange, method, requestId, outcome.response());
        } catch (IOException | RuntimeException e) {
            log.accept(method + " " + rawPath + ": could not complete the exchange: " + e.getClass().getSimpleName());
        } finally {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            log.accept(method + " " + rawPath + " " + (status == 0 ? "-" : status) + " " + ms + " ms " + function);
        }
    }

    private Outcome respond(HttpExchange exchange, String method, String rawPath, String requestId,
            Instant receivedAt) throws IOException {
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return new Outcome(GatewayResponse.REQUEST_TOO_LARGE, "-");
        }
        Optional<RouteMatch> match = routes.match(method, rawPath);
        if (match.isEmpty()) {
            return new Outcome(GatewayResponse.NOT_FOUND, "-");
        }
        RouteMatch route = match.get();
        String function = route.functionLogicalId();
        RequestData request = new RequestData(
                method,
                rawPath,
                exchange.getRequestURI().getRawQuery(),
                exchange.getProtocol(),
                exchange.getRequestHeaders(),
                body,
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getLocalAddress().getPort(),
                requestId,
                receivedAt);
        String event = HttpApiEvent.from(request, route);
        int eventBytes = event.getBytes(StandardCharsets.UTF_8).length;
        if (eventBytes > MAX_LAMBDA_PAYLOAD_BYTES) {
            log.accept(function + ": the event of " + eventBytes + " bytes exceeds Lambda's 6 MB ("
                    + MAX_LAMBDA_PAYLOAD_BYTES + " bytes) invocation payload limit; not invoked, 413");
            return new Outcome(GatewayResponse.REQUEST_TOO_LARGE, "-");
        }
        return new Outcome(invoke(function, event), function);
    }

    private GatewayResponse invoke(String function, String event) {
        Future<Invocation> future = invocationExecutor.submit(() -> invoker.invoke(function, event));
        Invocation invocation;
        try {
            invocation = future.get(integrationTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.accept(function + ": no response within the integration timeout of "
                    + integrationTimeout.toSeconds() + " s; 503");
            return GatewayResponse.SERVICE_UNAVAILABLE;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            log.accept(function + ": the invoker failed: " + cause.getClass().getName() + ": " + cause.getMessage() + "; 500");
            return GatewayResponse.INTERNAL_SERVER_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GatewayResponse.SERVICE_UNAVAILABLE;
        }
        return switch (invocation) {
            case Invocation.Returned returned -> fromResult(function, returned.payloadJson());
            case Invocation.Failed failed -> {
                log.accept(function + ": the function failed with " + failed.errorType() + "; 500");
                yield GatewayResponse.INTERNAL_SERVER_ERROR;
            }
            case Invocation.TimedOut timedOut -> {
                log.accept(function + ": the function timed out after " + timedOut.after().toMillis() + " ms; 500");
                yield GatewayResponse.INTERNAL_SERVER_ERROR;
            }
        };
    }

    private GatewayResponse fromResult(String function, String payloadJson) {
        String payload = payloadJson == null ? "null" : payloadJson;
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_LAMBDA_PAYLOAD_BYTES) {
            log.accept(function + ": the response of " + bytes + " bytes exceeds Lambda's 6 MB ("
                    + MAX_LAMBDA_PAYLOAD_BYTES + " bytes) synchronous response limit; 502");
            return GatewayResponse.BAD_GATEWAY;
        }
        try {
            return FunctionResponse.toHttp(payload);
        } catch (FunctionResponse.MalformedResponseException e) {
            log.accept(function + ": " + e.getMessage() + "; 502");
            return GatewayResponse.BAD_GATEWAY;
        }
    }

    /** The body, or null if it is over the 10 MB limit (then read on a little, so the client sees the 413). */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_REQUEST_BODY_BYTES + 1);
        if (body.length <= MAX_REQUEST_BODY_BYTES) {
            return body;
        }
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        int n;
        while (drained < MAX_DRAIN_BYTES && (n = in.read(buffer)) > 0) {
            drained += n;
        }
        return null;
    }

    private static void write(HttpExchange exchange, String method, String requestId, GatewayResponse response)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        for (Map.Entry<String, String> h : response.headers()) {
            headers.add(h.getKey(), h.getValue());
        }
        headers.set("Apigw-Requestid", requestId);
        int status = response.status();
        byte[] body = response.body();
        boolean head = method.toUpperCase(Locale.ROOT).equals("HEAD");
        if (status == 204 || status == 304) {
            exchange.sendResponseHeaders(status, -1);
        } else if (head) {
            // The length of the body a GET would have had; HttpServer sends no body for HEAD.
            headers.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
        } else if (body.length == 0) {
            exchange.sendResponseHeaders(status, -1); // Content-Length: 0
        } else {
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** An id shaped like API Gateway's (16 characters of base64), random. */
    private String newRequestId() {
        byte[] bytes = new byte[11];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
