package nhssm.local.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The runtime's side of the Lambda Runtime API (version 2018-06-01), over plain HTTP/1.1 with
 * keep-alive: fetch the next invocation (a long poll), post its response or its error, or report
 * that the handler could not be initialised.
 */
final class RuntimeApiClient {

    static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";

    private final String base;

    /** @param address {@code host:port}, as in AWS_LAMBDA_RUNTIME_API */
    RuntimeApiClient(String address) {
        this.base = "http://" + address + "/2018-06-01/runtime";
    }

    /** Blocks until the Runtime API hands over an invocation. */
    NextInvocation next() throws IOException {
        HttpURLConnection c = open("/invocation/next", "GET");
        c.setReadTimeout(0);
        int status = c.getResponseCode();
        byte[] body = readBody(c, status);
        if (status != 200) {
            throw new IOException("GET invocation/next answered " + status + ": " + new String(body, StandardCharsets.UTF_8));
        }
        String id = c.getHeaderField("Lambda-Runtime-Aws-Request-Id");
        if (id == null || id.isEmpty()) {
            throw new IOException("GET invocation/next answered without Lambda-Runtime-Aws-Request-Id");
        }
        long deadline = parseLong(c.getHeaderField("Lambda-Runtime-Deadline-Ms"), System.currentTimeMillis() + 3_000);
        return new NextInvocation(id, deadline, c.getHeaderField("Lambda-Runtime-Invoked-Function-Arn"),
                c.getHeaderField("Lambda-Runtime-Trace-Id"), body);
    }

    /** Blocks until the snapshot is restored (a SnapStart function, after its beforeCheckpoint hooks). */
    void restoreNext() throws IOException {
        HttpURLConnection c = open("/restore/next", "GET");
        c.setReadTimeout(0);
        int status = c.getResponseCode();
        byte[] body = readBody(c, status);
        if (status / 100 != 2) {
            throw new IOException("GET restore/next answered " + status + ": " + new String(body, StandardCharsets.UTF_8));
        }
    }

    void restoreError(byte[] errorJson) throws IOException {
        post("/restore/error", errorJson, "Unhandled");
    }

    void respond(String requestId, byte[] payload) throws IOException {
        post("/invocation/" + requestId + "/response", payload, null);
    }

    void error(String requestId, byte[] errorJson) throws IOException {
        post("/invocation/" + requestId + "/error", errorJson, "Unhandled");
    }

    void initError(byte[] errorJson) throws IOException {
        post("/init/error", errorJson, "Unhandled");
    }

    private void post(String path, byte[] body, String errorType) throws IOException {
        HttpURLConnection c = open(path, "POST");
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(body.length);
        c.setRequestProperty("Content-Type", "application/json");
        if (errorType != null) {
            c.setRequestProperty(ERROR_TYPE_HEADER, errorType);
        }
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        byte[] answer = readBody(c, status);
        if (status / 100 != 2) {
            throw new IOException("POST " + path + " answered " + status + ": " + new String(answer, StandardCharsets.UTF_8));
        }
    }

    private HttpURLConnection open(String path, String method) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection(Proxy.NO_PROXY);
        c.setRequestMethod(method);
        c.setUseCaches(false);
        c.setConnectTimeout(5_000);
        return c;
    }

    /** The whole body, read to the end so that the connection can be reused. */
    private static byte[] readBody(HttpURLConnection c, int status) throws IOException {
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            return in.readAllBytes();
        }
    }

    private static long parseLong(String text, long otherwise) {
        try {
            return text == null ? otherwise : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
