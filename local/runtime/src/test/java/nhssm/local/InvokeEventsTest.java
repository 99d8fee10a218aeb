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

    /** The tokens and response id written into the event files. */
    private static final String LEAD = "events-lead-token-RJ1-2026-do-not-use-in-production";
    private static final String STAFF = "events-staff-token-RJ1-2026-do-not-use-in-production";
    private static final String ADMIN = "events-admin-token-do-not-use-in-production";
    private static final String RESPONSE_ID = "6f1c2a9e-3b7d-4c55-9e2a-0d4b8c7f1a23";
    private static final Instant DURING_ROUND = Instant.parse("2026-11-24T09:00:00Z");

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

    /** RJ1's submitted official return (no answers, so no consent to publish) and its reconciled record. */
    private static void rj1HasAnAggregatedOfficialReturn() {
        Instant before = DURING_ROUND.minusSeconds(3600);
        StoredResponse submitted = new StoredResponse(new ResponseKey("2026", "RJ1", RESPONSE_ID), ResponseKind.OFFICIAL,
                ResponseStatus.SUBMITTED, 1, "2026.1", Answers.NONE, before, before, before);
        new DynamoDbSurveyStore(dynamo.client(), "SurveyTable").create(submitted, Optional.empty());
        var definition = SurveyDefinitions.forRound("2026").orElseThrow();
        new DynamoDbTrustRecordStore(dynamo.client(), "SurveyTable")
                .putRecord(Reconciliation.reconcile(definition, List.of(submitted), 1), 0);
    }

    /** SurveyTable as the template declares it, with the event files' tokens and (if asked) their response. */
    private static void freshTableWithTheEventsTokens(boolean withResponse) {
        var client = dynamo.client();
        try {
            client.deleteTable(b -> b.tableName("SurveyTable"));
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
            // first use
        }
        TemplateTable.surveyTable().createIn(client, "SurveyTable");
        DynamoDbSurveyStore store = new DynamoDbSurveyStore(client, "SurveyTable");
        Instant expires = DURING_ROUND.plusSeconds(365L * 86400);
        store.saveToken(new TokenGrant(TokenHash.of(LEAD), "2026", "RJ1", Scope.LEAD, DURING_ROUND, expires));
        store.saveToken(new TokenGrant(TokenHash.of(STAFF), "2026", "RJ1", Scope.STAFF, DURING_ROUND, expires));
        if (!withResponse) {
            return;
        }
        Instant before = DURING_ROUND.minusSeconds(3600);
        store.create(new StoredResponse(new ResponseKey("2026", "RJ1", RESPONSE_ID), ResponseKind.OFFICIAL,
                ResponseStatus.DRAFT, 1, "2026.1", Answers.NONE, before, before, null), Optional.empty());
    }
}
