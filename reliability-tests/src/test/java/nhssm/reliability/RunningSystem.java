package nhssm.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nhssm.core.store.SurveyStore;
import nhssm.core.store.TrustRecordStore;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.core.token.TokenSecret;
import nhssm.local.LocalConfig;
import nhssm.local.LocalSystem;
import nhssm.local.SurveyLinks;
import nhssm.local.dynamodb.TemplateTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The whole local system as {@code nhssm start} runs it (the DynamoDB engine, every function in its own JVM from
 * its packaged artifact, the HTTP API on a free loopback port), with the DynamoDB engine persisted to a temporary
 * directory so that a test can stop it and start it again with the data kept. The functions' clocks start
 * inside the 2026 round's window. What the system logs goes to {@code target/local-system/<name>.log}.
 */
final class RunningSystem implements AutoCloseable {

    static final String ROUND = "2026";
    static final Instant CLOCK_FROM = Instant.parse("2026-11-24T09:00:00Z");
    static final String TABLE = "SurveyTable";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalSystem system;
    private final Path workDir;
    private final PrintStream log;
    private final Path logFile;
    private final String adminToken;

    private RunningSystem(LocalSystem system, Path workDir, PrintStream log, Path logFile, String adminToken) {
        this.system = system;
        this.workDir = workDir;
        this.log = log;
        this.logFile = logFile;
        this.adminToken = adminToken;
    }

    static RunningSystem start(String name) {
        try {
            Path logs = Files.createDirectories(Path.of("target", "local-system"));
            Path logFile = logs.resolve(name + ".log");
            PrintStream log = new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8);
            Path workDir = Files.createTempDirectory("nhssm-reliability-");
            String adminToken = TokenSecret.generate(new SecureRandom()).value();
            Path projectRoot = TemplateTable.locateTemplate().getParent();
            LocalSystem system = LocalSystem.start(new LocalConfig(projectRoot, 0, 0,
                    Optional.of(workDir.resolve("dynamodb")), workDir.resolve("functions"), adminToken,
                    Optional.of(CLOCK_FROM)), log, log);
            return new RunningSystem(system, workDir, log, logFile, adminToken);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LocalSystem system() {
        return system;
    }

    URI api() {
        return system.apiUri();
    }

    String adminToken() {
        return adminToken;
    }

    Path logFile() {
        return logFile;
    }

    /** The lines the system has logged so far (one per HTTP request, stream delivery, function output). */
    List<String> logLines() {
        try {
            return Files.readAllLines(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SurveyStore surveyStore() {
        return new DynamoDbSurveyStore(system.dynamo().client(), TABLE);
    }

    TrustRecordStore trustRecords() {
        return new DynamoDbTrustRecordStore(system.dynamo().client(), TABLE);
    }

    /**
     * Every item of the table, read with consistent reads: a before-and-after snapshot to compare. A token's
     * {@code lastUsedAt} is left out: a refused request made with a valid token is still a use of it, and is
     * noted (at most every 15 minutes), which changes no data.
     */
    Set<Map<String, AttributeValue>> scan() {
        Set<Map<String, AttributeValue>> items = new HashSet<>();
        system.dynamo().client().scanPaginator(b -> b.tableName(TABLE).consistentRead(true))
                .items().forEach(item -> {
                    Map<String, AttributeValue> kept = new java.util.HashMap<>(item);
                    kept.remove("lastUsedAt");
                    items.add(kept);
                });
        return items;
    }

    /** The census team invites {@code ods}: its lead's token. */
    String inviteLead(String ods) {
        return links().inviteLead(adminToken, ods).token();
    }

    /** A lead creates a staff link: a staff token of the lead's trust. */
    String staffLink(String leadToken) {
        return links().staffLink(leadToken).token();
    }

    private SurveyLinks links() {
        return new SurveyLinks(HttpClient.newHttpClient(), api(), ROUND);
    }

    JsonNode expect201(RawHttp.Response response) {
        if (response.status() != 201) {
            throw new IllegalStateException("expected 201, got " + response.status() + ": " + response.text()
                    + " (the system's log: " + logFile + ")");
        }
        return json(response);
    }

    static JsonNode json(RawHttp.Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.text(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            system.close();
        } finally {
            log.close();
            try (Stream<Path> files = Files.walk(workDir)) {
                List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
                for (Path file : all) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
