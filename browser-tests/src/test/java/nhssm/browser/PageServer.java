package nhssm.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP server on 127.0.0.1 and a free port, for pages a test needs beside the system under test:
 * fixed HTML pages by path (anything else is a 404), and every request it receives recorded with its
 * headers. Stopped on close.
 */
public final class PageServer implements AutoCloseable {

    /** A request as it arrived; header names in lower case. */
    public record Request(String method, String path, Map<String, List<String>> headers) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).map(List::getFirst);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private PageServer(HttpServer server) {
        this.server = server;
    }

    /** Serves each page (path → HTML) from now until closed. */
    public static PageServer serving(Map<String, String> pages) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a page server on loopback", e);
        }
        PageServer pageServer = new PageServer(server);
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        pages.forEach((path, html) -> bodies.put(path, html.getBytes(StandardCharsets.UTF_8)));
        server.createContext("/", exchange -> pageServer.answer(exchange, bodies));
        server.start();
        return pageServer;
    }

    private void answer(HttpExchange exchange, Map<String, byte[]> bodies) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            requests.add(new Request(exchange.getRequestMethod(), uri.getRawQuery() == null
                    ? path : path + "?" + uri.getRawQuery(), Map.copyOf(headers)));
            byte[] body = bodies.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("cache-control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code path} on this server, as http://127.0.0.1:port. */
    public URI uri(String path) {
        return uri("127.0.0.1", path);
    }

    /** {@code path} on this server under another name of loopback (such as localhost: another site). */
    public URI uri(String host, String path) {
        return URI.create("http://" + host + ":" + port() + path);
    }

    /** Every request received so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests received so far for {@code path} (with any query). */
    public List<Request> requestsFor(String path) {
        return requests.stream().filter(r -> r.path().equals(path) || r.path().startsWith(path + "?")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
