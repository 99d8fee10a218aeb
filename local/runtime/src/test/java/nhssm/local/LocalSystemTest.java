package nhssm.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;
import nhssm.local.dynamodb.TemplateTable;
import nhssm.local.seed.Seeder;
import nhssm.local.seed.SyntheticCensus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole local system as `nhssm start` runs it (in memory, on free ports): real HTTP into the
 * emulated HTTP API, the collect function in its own JVM from its packaged artifact, the DynamoDB engine.
 */
class LocalSystemTest {

    private static final String ADMIN = "local-system-test-admin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path work;
    private static LocalSystem system;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        Path root = TemplateTable.locateTemplate().getParent();
        // Inside the 2026 window, whatever today's date.
        system = LocalSystem.start(new LocalConfig(root, 0, 0, Optional.empty(), work, ADMIN,
                        Optional.of(Instant.parse("2026-11-24T09:00:00Z"))),
                new PrintStream(LOG, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void formPost_shouldReachTheHandlerBase64EncodedAndBeStoredExactly_overRealHttp() throws Exception {
        String lead = invite("RJ1");
        String welsh = "Mae’r tîm yn wych — ŵ ŷ 👩‍⚕️💙";
        String form = "status=DRAFT&Q02=COMMS_DIRECTOR_HEAD&Q06=X_TWITTER&Q06=BLUESKY&Q42="
                + URLEncoder.encode(welsh, StandardCharsets.UTF_8);

        HttpResponse<String> created = send(HttpRequest.newBuilder(api("/api/rounds/2026/responses"))
                .header("authorization", "Bearer " + lead)
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));

        // A form only decodes correctly in the handler if it arrived base64-encoded and was decoded there.
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> read = send(HttpRequest.newBuilder(api(created.headers().firstValue("location").orElseThrow()))
                .header("authorization", "Bearer " + lead).GET());
        JsonNode answers = JSON.readTree(read.body()).get("answers");
        assertThat(answers.get("Q42").asText()).isEqualTo(welsh);
        assertThat(answers.get("Q06")).extracting(JsonNode::asText).containsExactly("X_TWITTER", "BLUESKY");
        assertThat(system.dynamo().client().scan(b -> b.tableName("SurveyTable")).items().stream()
                .filter(item -> item.containsKey("answers") && item.get("answers").m().containsKey("Q42"))
                .map(item -> item.get("answers").m().get("Q42").s()))
                .contains(welsh);
    }

    @Test
    void unmatchedRoute_shouldAnswerAsApiGatewayDoes() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/no/such/route")).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void seed_shouldStoreEachResponseOnce_evenWhenRunTwice() throws Exception {
        List<Trust> trusts = TrustRegister.bundled().openOn(LocalDate.parse("2026-10-01")).stream()
                .filter(t -> t.type().equals("ambulance")).toList();
        var plans = SyntheticCensus.plan(trusts, 11);
        Seeder seeder = new Seeder(system.apiUri(), ADMIN, "2026", new PrintStream(LOG, true, StandardCharsets.UTF_8));

        Seeder.Summary first = seeder.run(plans, 2);
        Map<String, Integer> afterFirst = countsBySortKeyKind();
        Seeder.Summary second = seeder.run(plans, 2);

        long responding = plans.stream().filter(p -> p.responds()).count();
        assertThat(first.responded()).isEqualTo((int) responding);
        assertThat(first.individuals()).isEqualTo(plans.stream().mapToInt(p -> p.individuals().size()).sum());
        assertThat(second.alreadySeeded()).isEqualTo((int) responding);
        assertThat(second.responded()).isZero();
        // The second run invites every trust again: a new lead token (its grant and list entry) each, audited
        // with the revocation of the token it replaces. No response, revision or claim is stored twice.
        assertThat(countsBySortKeyKind()).isEqualTo(afterFirst.entrySet().stream()
                .collect(TreeMap::new, (m, e) -> m.put(e.getKey(), switch (e.getKey()) {
                    case "TOKEN", "LINK" -> e.getValue() + trusts.size();
                    case "AUDIT" -> e.getValue() + 2 * trusts.size();
                    default -> e.getValue();
                }), Map::putAll));
    }

    /**
     * Items by kind of sort key (audit entries as AUDIT); trust records (AGG) left out, as the aggregate function
     * writes them in its own time.
     */
    private static Map<String, Integer> countsBySortKeyKind() {
        Map<String, Integer> counts = new TreeMap<>();
        system.dynamo().client().scanPaginator(b -> b.tableName("SurveyTable").consistentRead(true)).items()
                .forEach(item -> counts.merge(item.get("pk").s().startsWith("AUDIT#") ? "AUDIT"
                        : item.get("sk").s().replaceAll("#.*", ""), 1, Integer::sum));
        counts.remove("AGG");
        return counts;
    }

    @Test
    void seededResponses_shouldReachTheAggregateFunctionThroughTheStream_andGiveEachRespondingTrustItsRecord()
            throws Exception {
        List<Trust> trusts = TrustRegister.bundled().openOn(LocalDate.parse("2026-10-01")).stream()
                .filter(t -> t.type().equals("community")).limit(6).toList();
        var plans = SyntheticCensus.plan(trusts, 5);
        new Seeder(system.apiUri(), ADMIN, "2026", new PrintStream(LOG, true, StandardCharsets.UTF_8)).run(plans, 2);
        var store = new nhssm.core.store.dynamodb.DynamoDbTrustRecordStore(system.dynamo().client(), "SurveyTable");

        for (var plan : plans.stream().filter(p -> p.responds()).toList()) {
            String ods = plan.trust().odsCode();
            int individuals = (int) plan.individuals().stream().filter(i -> i.status().equals("SUBMITTED")).count();
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
            // Poll: the stream event source delivers in its own time, as on AWS.
            while (!store.findRecord("2026", ods).map(v -> v.record().individualResponses() == individuals).orElse(false)) {
                assertThat(java.time.Instant.now()).as("record of " + ods + " within 60 s").isBefore(deadline);
                Thread.sleep(100);
            }
            var record = store.findRecord("2026", ods).orElseThrow().record();
            assertThat(record.hasOfficialReturn()).isEqualTo(plan.official().status().equals("SUBMITTED"));
        }
    }

    private static String invite(String ods) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/admin/rounds/2026/invitations"))
                .header("authorization", "Bearer " + ADMIN)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"odsCode\":\"" + ods + "\"}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("token").asText();
    }

    private static URI api(String path) {
        return system.apiUri().resolve(path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
