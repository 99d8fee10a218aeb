package nhssm.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import nhssm.core.token.TokenSecret;
import nhssm.local.LocalConfig;
import nhssm.local.LocalSystem;
import nhssm.local.SurveyLinks;
import nhssm.local.dynamodb.TemplateTable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole local system, once per test class, as {@code nhssm start --in-memory} runs it: the DynamoDB engine
 * in memory, the functions in their own JVMs from their packaged artifacts, the HTTP API on 127.0.0.1 and
 * free ports, an admin token of its own, and the functions' clocks starting inside the 2026 round's window.
 * Register it on a static field with {@code @RegisterExtension}; it is stopped after the class's last test.
 *
 * <p>What the system logs (one line per request, the functions' output) goes to
 * {@code target/local-system/<test class>.log}, to read when a test fails.
 */
public final class LocalSystemExtension implements BeforeAllCallback, AfterAllCallback {

    public static final String ROUND = "2026";
    /** Inside the 2026 round's window, whatever today's date. */
    public static final Instant CLOCK_FROM = Instant.parse("2026-11-24T09:00:00Z");

    private static final Path LOGS = Path.of("target", "local-system");
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String adminToken = TokenSecret.generate(new SecureRandom()).value();
    private LocalSystem system;
    private Path workDir;
    private PrintStream log;
    private Path logFile;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Files.createDirectories(LOGS);
        logFile = LOGS.resolve(context.getRequiredTestClass().getSimpleName() + ".log");
        OutputStream out = Files.newOutputStream(logFile);
        log = new PrintStream(out, true, StandardCharsets.UTF_8);
        workDir = Files.createTempDirectory("nhssm-browser-functions-");
        Path projectRoot = TemplateTable.locateTemplate().getParent();
        system = LocalSystem.start(new LocalConfig(projectRoot, 0, 0, Optional.empty(), workDir, adminToken,
                Optional.of(CLOCK_FROM)), log, log);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (system != null) {
                system.close();
            }
        } finally {
            // beforeAll may have failed part way.
            if (log != null) {
                log.close();
            }
            if (workDir != null) {
                try (Stream<Path> files = Files.walk(workDir)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    /** The HTTP API's base, http://127.0.0.1:port/. */
    public URI apiUri() {
        return system().apiUri();
    }

    /** {@code path} on the HTTP API. */
    public URI api(String path) {
        return apiUri().resolve(path);
    }

    public String adminToken() {
        return adminToken;
    }

    public LocalSystem system() {
        if (system == null) {
            throw new IllegalStateException("the local system is not running: register LocalSystemExtension"
                    + " with @RegisterExtension on a static field, so that it starts before the class's tests");
        }
        return system;
    }

    /** Where the system's log goes, to name in a failure. */
    public Path logFile() {
        return logFile;
    }

    /** The census team invites a trust: its lead's token and survey link. */
    public SurveyLinks.Link inviteLead(String odsCode) {
        return links().inviteLead(adminToken, odsCode);
    }

    /** A trust's lead creates a staff link: a staff token for the trust and its survey link. */
    public SurveyLinks.Link staffLink(String leadToken) {
        return links().staffLink(leadToken);
    }

    private SurveyLinks links() {
        return new SurveyLinks(http, apiUri(), ROUND);
    }

    /** Sends {@code request} to the API, answered as text. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(REQUEST_LIMIT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** POSTs {@code json} (or no body, if null) to {@code path} with a bearer token. */
    public HttpResponse<String> post(String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(path)).header("authorization", "Bearer " + bearer);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request);
    }
}
