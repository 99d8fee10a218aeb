package nhssm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nhssm.core.reconcile.Reconciliation;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answer;
import nhssm.core.store.StoredResponse;
import nhssm.core.store.TrustRecordStore;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.local.demo.AggregationWait;
import nhssm.local.dynamodb.DynamoDbEngineServer;
import nhssm.local.dynamodb.StreamEventJson;
import nhssm.local.lambda.Invocation;
import nhssm.reliability.RawHttp.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * Issue 7, faults: the DynamoDB engine stopped (its port closed, as in an outage) and started again on the same
 * port with its data, while the whole local system runs. A write during the outage answers 503 with
 * Retry-After and leaves nothing behind; an aggregation during it reports its batch failed, and once retried
 * the trust records equal a recomputation from scratch; a batch delivered twice changes nothing; a report
 * during it is a 503 problem, never a PDF.
 */
class OutageTest {

    private static final String ROUND = RunningSystem.ROUND;
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A draft any token may save (official-only questions are refused on a staff link). With nothing answered
     * its item holds an empty map, which once stopped the local stream pump (docs/RELIABILITY.md).
     */
    private static final String VALID = "{\"status\":\"DRAFT\",\"answers\":{}}";
    private static final String OFFICIAL = "{\"status\":\"DRAFT\",\"answers\":{\"Q07\":12}}";

    /** A stream log line saying a read or a batch failed (see the local runtime's MappingPoller). */
    private static final Pattern FAILED = Pattern.compile("cannot read the stream|failed|function error|→ retry");

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(OutageTest.class.getSimpleName());
    }

    @AfterAll
    static void stop() throws IOException {
        if (system != null) {
            system.close();
        }
    }

    @AfterEach
    void serveAgain() {
        // A failed test must not leave the next one without a database.
        dynamo().restart();
    }

    @Test
    void aSubmissionDuringAnOutage_is503WithRetryAfter_storesNothing_andItsRetryStoresOnce() {
        String lead = system.inviteLead("R0D");
        String staff = system.staffLink(lead);
        awaitQuiet();
        Set<Map<String, AttributeValue>> before = system.scan();
        Request create = Request.post("/api/rounds/" + ROUND + "/responses").bearer(staff)
                .header("Idempotency-Key", "outage-retry-1")
                .header("Response-Secret", "outage-writer-0123456789abcdefghijklmnopqrstuvwxyz").json(VALID);

        dynamo().stop();
        RawHttp.Response refused = RawHttp.send(system.api(), create);
        dynamo().restart();

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("retry-after")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(RunningSystem.json(refused).path("type").asText()).isEqualTo("/problems/unavailable");
        assertThat(system.scan()).as("the table after the refused write").isEqualTo(before);

        RawHttp.Response stored = RawHttp.send(system.api(), create);
        RawHttp.Response replayed = RawHttp.send(system.api(), create);

        assertThat(stored.status()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("idempotent-replayed")).contains("true");
        assertThat(RunningSystem.json(replayed).path("id")).isEqualTo(RunningSystem.json(stored).path("id"));
        assertThat(new TrustResponses("R0D").responses()).hasSize(1);
        assertWhole(system.scan());
    }

    @Test
    void theSurveyFormDuringAnOutage_is503WithTheTypedValuesKept_savesNothing_andItsTryAgainSavesOnce() {
        String lead = system.inviteLead("R0B");
        String cookie = "__Host-nhssm-token-" + ROUND + "=" + lead;
        RawHttp.Response form = RawHttp.send(system.api(), Request.get("/survey/" + ROUND).header("Cookie", cookie));
        assertThat(form.status()).isEqualTo(200);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("csrf", hidden(form.text(), "csrf"));
        typed.put("submission", hidden(form.text(), "submission"));
        typed.put("status", "DRAFT");
        typed.put("Q07", "417");
        typed.put("Q43", "Kept through the outage & \"quoted\" <here>");
        awaitQuiet();
        Set<Map<String, AttributeValue>> before = system.scan();

        dynamo().stop();
        RawHttp.Response refused = RawHttp.send(system.api(), formPost(cookie, typed));
        dynamo().restart();

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("retry-after")).isPresent();
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.text()).contains("not available just now").contains("Try again");
        assertThat(hiddenFields(refused.text())).as("every value typed, kept in the page's Try again form")
                .isEqualTo(typed);
        assertThat(system.scan()).isEqualTo(before);

        // "Try again" sends the page's hidden fields as they are.
        RawHttp.Response saved = RawHttp.send(system.api(), formPost(cookie, hiddenFields(refused.text())));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(new TrustResponses("R0B").responses()).singleElement().satisfies(r -> {
            assertThat(r.version()).isEqualTo(1);
            assertThat(r.answers().get("Q07").map(Answer::formValues)).contains(List.of("417"));
            assertThat(r.answers().get("Q43").map(Answer::formValues)).contains(List.of(typed.get("Q43")));
        });
        assertWhole(system.scan());
    }

    @Test
    void aReportDuringAnOutage_is503Problem_neverAPdf() {
        dynamo().stop();
        RawHttp.Response national = RawHttp.send(system.api(), Request.get("/reports/" + ROUND + "/national.pdf"));
        RawHttp.Response trust = RawHttp.send(system.api(), Request.get("/reports/" + ROUND + "/trusts/RJ1.pdf")
                .bearer(system.adminToken()));
        dynamo().restart();

        for (RawHttp.Response response : List.of(national, trust)) {
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.header("retry-after")).isPresent();
            assertThat(response.text()).doesNotContain("%PDF");
        }
        assertThat(RawHttp.send(system.api(), Request.get("/reports/" + ROUND + "/national.pdf")).status()).isEqualTo(200);
    }

    @Test
    void aBatchDuringAnOutage_isReportedFailed_andOnceRetried_theRecordsEqualARecomputationFromScratch()
            throws IOException {
        String lead = system.inviteLead("R0A");
        String staff = system.staffLink(lead);
        system.expect201(RawHttp.send(system.api(), Request.post("/api/rounds/" + ROUND + "/responses").bearer(lead)
                .json(OFFICIAL)));
        system.expect201(RawHttp.send(system.api(), Request.post("/api/rounds/" + ROUND + "/responses").bearer(staff)
                .json(VALID)));
        awaitQuiet();
        String batch = streamEvent("R0A");

        dynamo().stop();
        Invocation duringOutage = system.system().functions().invoke("AggregateFunction", batch);
        dynamo().restart();

        assertThat(failedSequenceNumbers(duringOutage)).as("every record of the batch, to be delivered again")
                .containsExactlyInAnyOrderElementsOf(sequenceNumbers(batch));
        Invocation retried = system.system().functions().invoke("AggregateFunction", batch);
        assertThat(failedSequenceNumbers(retried)).isEmpty();
        assertRecordsEqualARecomputationFromScratch();

        Set<Map<String, AttributeValue>> before = system.scan();
        Invocation again = system.system().functions().invoke("AggregateFunction", batch);
        assertThat(failedSequenceNumbers(again)).isEmpty();
        assertThat(system.scan()).as("the table after the same batch a second time").isEqualTo(before);
    }

    @Test
    void anOutageWhileTheStreamIsDelivered_endsWithRecordsEqualToARecomputationFromScratch() {
        String lead = system.inviteLead("R1A");
        String staff = system.staffLink(lead);
        for (int i = 0; i < 5; i++) {
            system.expect201(RawHttp.send(system.api(), Request.post("/api/rounds/" + ROUND + "/responses")
                    .bearer(staff).json(VALID)));
        }
        // Stopped while the pump reads and the function recomputes: whatever it was doing fails and is retried.
        int logged = system.logLines().size();
        dynamo().stop();
        // Either side may notice first: the pump reading the stream, or the function recomputing a trust.
        awaitLog(logged, line -> (line.startsWith("stream ") || line.startsWith("[AggregateFunction]"))
                        && FAILED.matcher(line).find(),
                "the pump failing to read the stream or the function failing its batch");
        dynamo().restart();

        awaitQuiet();
        assertRecordsEqualARecomputationFromScratch();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static DynamoDbEngineServer dynamo() {
        return system.system().dynamo();
    }

    /** Waits until every trust's record reflects every change to its responses (the stream has caught up). */
    private static void awaitQuiet() {
        AggregationWait wait = new AggregationWait(system.trustRecords(), ROUND);
        wait.await(wait.targets(trustsWithResponses()), LIMIT, System.out);
    }

    /** Waits until a line after the first {@code from} lines of the system's log is {@code wanted}. */
    private static void awaitLog(int from, Predicate<String> wanted, String what) {
        Instant deadline = Instant.now().plus(LIMIT);
        while (system.logLines().stream().skip(from).noneMatch(wanted)) {
            assertThat(Instant.now()).as("waiting for %s in %s", what, system.logFile()).isBefore(deadline);
            pause();
        }
    }

    /** The trusts that have a response in the table. */
    private static Set<String> trustsWithResponses() {
        Set<String> trusts = new TreeSet<>();
        for (Map<String, AttributeValue> item : system.scan()) {
            if (item.get("sk").s().startsWith("RESP#")) {
                trusts.add(item.get("pk").s().replaceFirst("^ROUND#" + ROUND + "#TRUST#", ""));
            }
        }
        return trusts;
    }

    private static void assertRecordsEqualARecomputationFromScratch() {
        TrustRecordStore store = system.trustRecords();
        var definition = SurveyDefinitions.forRound(ROUND).orElseThrow();
        List<TrustRecord> stored = store.recordsOf(ROUND);
        Map<String, Long> watermarks = new AggregationWait(store, ROUND).targets(trustsWithResponses());
        List<TrustRecord> recomputed = new ArrayList<>();
        watermarks.forEach((ods, watermark) -> recomputed.add(
                Reconciliation.reconcile(definition, ROUND, ods, store.responsesOf(ROUND, ods), watermark)));
        assertThat(stored).containsExactlyInAnyOrderElementsOf(recomputed);
    }

    /** No partial state: every response has a revision for each of its versions, every key a stored response. */
    private static void assertWhole(Set<Map<String, AttributeValue>> items) {
        Set<String> keys = items.stream().map(i -> i.get("pk").s() + "|" + i.get("sk").s()).collect(Collectors.toSet());
        for (Map<String, AttributeValue> item : items) {
            String sk = item.get("sk").s();
            if (sk.startsWith("RESP#")) {
                String id = sk.substring("RESP#".length());
                long version = Long.parseLong(item.get("version").n());
                for (long v = 1; v <= version; v++) {
                    assertThat(keys).as("response %s's revision %d", id, v)
                            .contains(item.get("pk").s() + "|REV#" + id + "#" + String.format("%010d", v));
                }
            }
            if (item.get("pk").s().startsWith("IDEMP#")) {
                String location = item.get("location").s();
                String id = location.substring(location.lastIndexOf('/') + 1);
                assertThat(keys).as("the response idempotency record %s points to", item.get("pk").s())
                        .anyMatch(k -> k.endsWith("|RESP#" + id));
            }
        }
    }

    /** The stream records of {@code ods}'s responses, as the event source mapping would deliver them. */
    private static String streamEvent(String ods) {
        var streams = dynamo().streamsClient();
        String arn = dynamo().client().describeTable(b -> b.tableName(RunningSystem.TABLE)).table().latestStreamArn();
        List<String> records = new ArrayList<>();
        for (var shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String at = iterator;
                var response = streams.getRecords(b -> b.shardIterator(at));
                for (Record record : response.records()) {
                    var keys = record.dynamodb().keys();
                    if (keys.get("sk").s().startsWith("RESP#") && keys.get("pk").s().endsWith("#TRUST#" + ods)) {
                        records.add(StreamEventJson.write(StreamEventJson.record(record, arn)));
                    }
                }
                iterator = response.records().isEmpty() ? null : response.nextShardIterator();
            }
        }
        assertThat(records).isNotEmpty();
        return StreamEventJson.event(records);
    }

    private static List<String> sequenceNumbers(String event) throws IOException {
        List<String> numbers = new ArrayList<>();
        JSON.readTree(event).path("Records").forEach(r -> numbers.add(r.path("dynamodb").path("SequenceNumber").asText()));
        return numbers;
    }

    private static List<String> failedSequenceNumbers(Invocation invocation) throws IOException {
        assertThat(invocation).isInstanceOf(Invocation.Returned.class);
        JsonNode payload = JSON.readTree(((Invocation.Returned) invocation).payloadJson());
        List<String> failed = new ArrayList<>();
        payload.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        return failed;
    }

    private static Request formPost(String cookie, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return Request.post("/survey/" + ROUND).header("Cookie", cookie)
                .body("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    /** The hidden fields of a page's forms, in order, their values unescaped as a browser reads them. */
    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            fields.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return fields;
    }

    private static String unescape(String attribute) {
        return attribute.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\"[^>]*?value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("the form's hidden field %s", name).isTrue();
        return m.group(1);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A trust's current responses, read from the store. */
    private record TrustResponses(String ods) {
        List<StoredResponse> responses() {
            return system.trustRecords().responsesOf(ROUND, ods);
        }
    }
}
