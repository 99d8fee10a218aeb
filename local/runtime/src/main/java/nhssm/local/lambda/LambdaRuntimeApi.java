package nhssm.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Lambda Runtime API (2018-06-01) for one container, on 127.0.0.1 and a free port: the
 * runtime in the container long-polls {@code GET /2018-06-01/runtime/invocation/next} and posts
 * {@code .../invocation/{id}/response}, {@code .../invocation/{id}/error} or
 * {@code .../init/error}; a SnapStart runtime asks {@code GET .../restore/next} after its beforeCheckpoint hooks
 * (answered at once: nothing is restored here) and reports a failed afterRestore to {@code .../restore/error}.
 * The container's owner queues events with {@link #submit} and gets each one's outcome as a future.
 *
 * <p>As on Lambda: a response over {@value #MAX_RESPONSE_BYTES} bytes is refused (413 to the
 * runtime) and the invocation fails with {@code Function.ResponseSizeTooLarge}; an unknown request
 * id is answered 400 {@code InvalidRequestID}. {@link #fail} ends everything queued or running with
 * one error and refuses new events (the container is gone).
 */
public final class LambdaRuntimeApi implements AutoCloseable {

    /** Lambda's limit on a synchronous invocation's response. */
    public static final int MAX_RESPONSE_BYTES = 6_291_556;

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String functionArn;
    private final Duration timeout;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, Pending> running = new ConcurrentHashMap<>();
    private final CompletableFuture<Optional<Invocation.Failed>> ready = new CompletableFuture<>();
    private final CompletableFuture<Instant> restored = new CompletableFuture<>();
    private final Object lock = new Object();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private Invocation.Failed failedWith; // guarded by lock

    private LambdaRuntimeApi(HttpServer server, ExecutorService executor, String functionArn, Duration timeout) {
        this.server = server;
        this.executor = executor;
        this.functionArn = functionArn;
        this.timeout = timeout;
    }

    /**
     * Starts the API for one container of a function.
     *
     * @param functionArn what the runtime is told was invoked
     * @param timeout     the function's Timeout: each invocation's deadline is this after it is handed over
     */
    public static LambdaRuntimeApi start(String functionArn, Duration timeout) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "nhssm-runtime-api-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService executor = Executors.newCachedThreadPool(threads);
        LambdaRuntimeApi api = new LambdaRuntimeApi(server, executor, functionArn, timeout);
        server.setExecutor(executor);
        server.createContext(PREFIX, api::handle);
        server.start();
        return api;
    }

    /** {@code 127.0.0.1:port}, the value of AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        InetSocketAddress a = server.getAddress();
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** Serves {@code handler} beside the Runtime API, as Lambda serves a sandbox's credentials beside it. */
    void serve(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** Completes when the runtime asked {@code GET restore/next} (a SnapStart function, after its beforeCheckpoint hooks). */
    CompletableFuture<Instant> restored() {
        return restored;
    }

    /** Stops serving; anything still pending fails. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        fail(new Invocation.Failed("Runtime.Closed", "the function's container was stopped", List.of()));
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- the owner's side

    /** One queued event: handed over ({@link #dispatched}) and then answered ({@link #result}). */
    static final class Pending {
        final String requestId = UUID.randomUUID().toString();
        final byte[] event;
        final CompletableFuture<Instant> dispatched = new CompletableFuture<>();
        final CompletableFuture<Invocation> result = new CompletableFuture<>();

        Pending(byte[] event) {
            this.event = event;
        }
    }

    /** Queues an event for the runtime; if the container has failed, the result is that failure at once. */
    Pending submit(String eventJson) {
        Pending p = new Pending(eventJson.getBytes(StandardCharsets.UTF_8));
        synchronized (lock) {
            if (failedWith != null) {
                p.result.complete(failedWith);
            } else {
                queue.add(p);
            }
        }
        return p;
    }

    /** Completes with empty when the runtime first asks for an invocation (its handler is initialised), or with why it never will. */
    CompletableFuture<Optional<Invocation.Failed>> ready() {
        return ready;
    }

    /** Ends every queued and running invocation with {@code reason} and refuses new ones; the first reason wins. */
    void fail(Invocation.Failed reason) {
        List<Pending> ended = new ArrayList<>();
        Invocation.Failed effective;
        synchronized (lock) {
            if (failedWith == null) {
                failedWith = reason;
            }
            effective = failedWith;
            queue.drainTo(ended);
            ended.addAll(running.values());
            running.clear();
        }
        ended.forEach(p -> p.result.complete(effective));
        ready.complete(Optional.of(effective));
    }

    /** True once {@link #fail} has run: the container will take no more invocations. */
    boolean failed() {
        return failure().isPresent();
    }

    /** Why the container takes no more invocations, once {@link #fail} has run. */
    Optional<Invocation.Failed> failure() {
        synchronized (lock) {
            return Optional.ofNullable(failedWith);
        }
    }

    /** Forgets an invocation its owner has given up on (timed out). */
    void abandon(Pending p) {
        running.remove(p.requestId, p);
        queue.remove(p);
    }

    // ---- the runtime's side

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (path.equals("invocation/next") && method.equals("GET")) {
                next(exchange);
            } else if (path.equals("restore/next") && method.equals("GET")) {
                // Lambda answers once the snapshot is restored; here the process simply carries on.
                restored.complete(Instant.now());
                send(exchange, 200, "");
            } else if ((path.equals("init/error") || path.equals("restore/error")) && method.equals("POST")) {
                initError(exchange);
            } else if (path.startsWith("invocation/") && method.equals("POST")
                    && (path.endsWith("/response") || path.endsWith("/error"))) {
                String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
                answer(exchange, id, path.endsWith("/response"));
            } else {
                send(exchange, 404, "{\"errorMessage\":\"Unknown Runtime API path\",\"errorType\":\"NotFound\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void next(HttpExchange exchange) throws IOException, InterruptedException {
        ready.complete(Optional.empty());
        Pending p;
        Instant now;
        while (true) {
            p = queue.take();
            now = Instant.now();
            synchronized (lock) {
                if (p.result.isDone()) {
                    continue;
                }
                if (failedWith != null) {
                    p.result.complete(failedWith);
                    continue;
                }
                running.put(p.requestId, p);
            }
            break;
        }
        long deadline = now.plus(timeout).toEpochMilli();
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", p.requestId);
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", traceId(now));
        p.dispatched.complete(now);
        exchange.sendResponseHeaders(200, p.event.length == 0 ? -1 : p.event.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(p.event);
        }
    }

    private void answer(HttpExchange exchange, String id, boolean success) throws IOException {
        byte[] body = readBody(exchange.getRequestBody());
        Pending p = running.remove(id);
        if (p == null) {
            send(exchange, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        if (success && body.length > MAX_RESPONSE_BYTES) {
            p.result.complete(new Invocation.Failed("Function.ResponseSizeTooLarge",
                    "Response payload size (" + body.length + " bytes) exceeded maximum allowed payload size ("
                            + MAX_RESPONSE_BYTES + " bytes).", List.of()));
            send(exchange, 413, "{\"errorMessage\":\"Exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES
                    + " bytes).\",\"errorType\":\"RequestEntityTooLarge\"}");
            return;
        }
        p.result.complete(success
                ? new Invocation.Returned(new String(body, StandardCharsets.UTF_8))
                : error(body, exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")));
        send(exchange, 202, "{\"status\":\"OK\"}");
    }

    private void initError(HttpExchange exchange) throws IOException {
        Invocation.Failed failed = error(readBody(exchange.getRequestBody()),
                exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"));
        fail(failed);
        send(exchange, 202, "{\"status\":\"OK\"}");
    }

    /** The runtime's error document; a body that is not one is reported as it came. */
    static Invocation.Failed error(byte[] body, String errorTypeHeader) {
        String fallbackType = errorTypeHeader == null || errorTypeHeader.isBlank() ? "Unhandled" : errorTypeHeader;
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode error = JSON.readTree(text);
            if (error != null && error.isObject()) {
                List<String> trace = new ArrayList<>();
                error.path("stackTrace").forEach(frame -> trace.add(frame.asText()));
                String type = error.path("errorType").asText("");
                return new Invocation.Failed(type.isEmpty() ? fallbackType : type,
                        error.path("errorMessage").asText(""), trace);
            }
        } catch (IOException e) {
            // not JSON: report the body itself
        }
        return new Invocation.Failed(fallbackType, text, List.of());
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An X-Ray trace header of the shape Lambda passes: {@code Root=1-<epoch hex>-<96 bits>;Parent=<64 bits>;Sampled=0}. */
    private static String traceId(Instant now) {
        byte[] root = new byte[12];
        byte[] parent = new byte[8];
        RANDOM.nextBytes(root);
        RANDOM.nextBytes(parent);
        HexFormat hex = HexFormat.of();
        return "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-" + hex.formatHex(root) + ";Parent="
                + hex.formatHex(parent) + ";Sampled=0";
    }
}
