package nhssm.local.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/** Fetches reports through the HTTP API, as any client would, with the admin token, into files. */
public final class ReportDownloads {

    /** A report written to a file. */
    public record Written(Path file, long bytes) {
    }

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final URI api;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ReportDownloads(URI api, String adminToken) {
        this.api = api;
        this.adminToken = adminToken;
    }

    /**
     * GETs {@code path} and writes the body to {@code file}.
     *
     * @throws DemoFailedException when the API does not answer 200, or a .pdf is not a PDF
     */
    public Written fetch(String path, Path file) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(api.resolve(path))
                            .timeout(Duration.ofSeconds(60))
                            .header("authorization", "Bearer " + adminToken)
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new DemoFailedException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailedException("interrupted during GET " + path, e);
        }
        byte[] body = response.body();
        if (response.statusCode() != 200) {
            String text = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
            throw new DemoFailedException("GET " + path + " answered " + response.statusCode() + ": " + text);
        }
        if (file.getFileName().toString().endsWith(".pdf")
                && !Arrays.equals(body, 0, Math.min(body.length, PDF_MAGIC.length), PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw new DemoFailedException("GET " + path + " answered 200 with a body that is not a PDF ("
                    + response.headers().firstValue("content-type").orElse("no content type") + ")");
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, body);
        } catch (IOException e) {
            throw new DemoFailedException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new Written(file, body.length);
    }
}
