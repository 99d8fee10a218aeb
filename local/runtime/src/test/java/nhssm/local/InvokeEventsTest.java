package nhssm.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nhssm.core.reconcile.Reconciliation;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoredResponse;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.token.Scope;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import nhssm.local.dynamodb.DynamoDbEngineServer;
import nhssm.local.dynamodb.TemplateTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `nhssm invoke CollectFunction --event FILE` for every file in events/, and `nhssm invoke ReportFunction`
 * for every file in events/report/, as a user would run them.
 */
class InvokeEventsTest {

    private static final String ADMIN = EventsTable.ADMIN;
    private static final Instant DURING_ROUND = EventsTable.DURING_ROUND;

    private static final Path ROOT = TemplateTable.locateTemplate().getParent();
    /** Beside the events, the status each answers with (for the report events: RJ1 has responded, privately). */
    private static final String EXPECTED = "expected-status.json";
    private static DynamoDbEngineServer dynamo;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbEngineServer.startInMemory();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    static Stream<String> eventFiles() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.equals(EXPECTED))
                    .sorted().toList().stream();
        }
    }

    static Stream<String> reportEventFiles() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("events/report"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.equals(EXPECTED))
                    .sorted().toList().stream();
        }
    }

    @Test
    void everyEventFile_shouldHaveAnExpectedStatus() throws IOException {
        assertThat(eventFiles()).containsExactlyInAnyOrderElementsOf(expected("events").keySet());
        assertThat(reportEventFiles()).containsExactlyInAnyOrderElementsOf(expected("events/report").keySet());
    }

    @ParameterizedTest
    @MethodSource("eventFiles")
    void invoke_shouldPrintTheResponseWithTheExpectedStatus_forEveryEventFile(String file) throws Exception {
        freshTableWithTheEventsTokens(file.startsWith("response-"));
        if (file.startsWith("survey-receipt")) {
            rj1HasAnAggregatedOfficialReturn();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = LocalInvoke.run(ROOT, "CollectFunction", ROOT.resolve("events").resolve(file), dynamo.endpoint(),
                Optional.of(ADMIN), Optional.of(DURING_ROUND), work, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        var result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(result.get("statusCode").asInt()).as(file + ": " + result).isEqualTo(expected("events").get(file));
    }

    @ParameterizedTest
    @MethodSource("reportEventFiles")
    void invoke_shouldPrintTheReportWithTheExpectedStatus_forEveryReportEventFile(String file) throws Exception {
        freshTableWithTheEventsTokens(false);
        rj1HasAnAggregatedOfficialReturn();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = LocalInvoke.run(ROOT, "ReportFunction", ROOT.resolve("events/report").resolve(file), dynamo.endpoint(),
                Optional.of(ADMIN), Optional.of(DURING_ROUND), work, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        var result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        int expected = expected("events/report").get(file);
        assertThat(result.get("statusCode").asInt()).as(file + ": " + result.get("headers")).isEqualTo(expected);
        if (expected == 200) {
            assertThat(result.get("isBase64Encoded").asBoolean()).isTrue();
            assertThat(java.util.Base64.getDecoder().decode(result.get("body").asText())).isNotEmpty();
        }
    }

    private static Map<String, Integer> expected(String dir) throws IOException {
        return new ObjectMapper().readValue(ROOT.resolve(dir).resolve(EXPECTED).toFile(), new TypeReference<>() { });
    }

    @Test
    void invoke_shouldExitNonZero_whenTheFunctionIsUnknown() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = LocalInvoke.run(ROOT, "NoSuchFunction", ROOT.resolve("events/definition-get.json"), dynamo.endpoint(),
                Optional.empty(), Optional.empty(), work, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("NoSuchFunction", "CollectFunction");
    }

    private static void rj1HasAnAggregatedOfficialReturn() {
        EventsTable.rj1HasAnAggregatedOfficialReturn(dynamo.client());
    }

    private static void freshTableWithTheEventsTokens(boolean withResponse) {
        EventsTable.fresh(dynamo.client(), withResponse);
    }
}
