package nhssm.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, one request per connection. A client library refuses what an attacker
 * sends (a raw {@code ..} or {@code %00} in the path, a control character in a header, a body that is not
 * what its Content-Type says); this writes the bytes as given.
 */
final class RawHttp {

    private static final int TIMEOUT_MS = 60_000;

    private RawHttp() {
    }

    /** A request as written on the wire; {@code target} and header values are sent byte for byte (UTF-8). */
    record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

        static Request get(String target) {
            return new Request("GET", target, List.of(), new byte[0]);
        }

        static Request post(String target) {
            return new Request("POST", target, List.of(), new byte[0]);
        }

        Request header(String name, String value) {
            List<Map.Entry<String, String>> more = new ArrayList<>(headers);
            more.add(Map.entry(name, value));
            return new Request(method, target, more, body);
        }

        Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Request body(String contentType, byte[] bytes) {
            return new Request(method, target, headers, bytes).header("Content-Type", contentType);
        }

        Request json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        Request method(String name) {
            return new Request(name, target, headers, body);
        }

        @Override
        public String toString() {
            String shown = body.length > 200
                    ? new String(body, 0, 200, StandardCharsets.UTF_8) + "… (" + body.length + " bytes)"
                    : new String(body, StandardCharsets.UTF_8);
            return method + " " + target + " " + headers + " " + shown;
        }
    }

    /** What came back; status 0 if the server closed the connection without answering. */
    record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {

        Optional<String> header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst();
        }

        String contentType() {
            return header("content-type").orElse("").toLowerCase(Locale.ROOT);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static Response send(URI api, Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(api.getHost(), api.getPort()), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder()
                    .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(api.getHost()).append(':').append(api.getPort()).append("\r\n")
                    .append("Connection: close\r\n");
            for (Map.Entry<String, String> header : request.headers()) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
            if (request.body().length > 0 || !request.method().equals("GET")) {
                head.append("Content-Length: ").append(request.body().length).append("\r\n");
            }
            head.append("\r\n");
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(request.body());
                out.flush();
            } catch (IOException e) {
                // The server may answer (a 413, say) and close before reading a large body to its end.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("sending " + request.method() + " " + request.target(), e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all;
        try {
            all = in.readAllBytes();
        } catch (IOException e) {
            // Reset after a refused body: whatever arrived before counts.
            all = new byte[0];
        }
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            return new Response(0, List.of(), all);
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        boolean chunked = headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("transfer-encoding")
                && h.getValue().equalsIgnoreCase("chunked"));
        return new Response(status, List.copyOf(headers), chunked ? dechunk(body) : body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
