package nhssm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoredResponse;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.core.time.ServiceClock;
import nhssm.core.token.Scope;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import nhssm.local.dynamodb.DynamoDbEngineServer;
import nhssm.local.dynamodb.TemplateTable;
import nhssm.local.lambda.FunctionArtifacts;
import nhssm.local.lambda.FunctionContainer;
import nhssm.local.lambda.Invocation;
import nhssm.local.template.FunctionDefinition;
import nhssm.local.template.SamTemplate;
import nhssm.local.template.TemplateReader;

/**
 * Each function's cold start without SnapStart, as the local runtime runs it (and {@code ./nhssm invoke}): a
 * fresh JVM with the Lambda Java runtime's flags and 85 % of the template's MemorySize as heap, on the
 * function's artifact, from starting the process to its first response; split into the init (JVM start and
 * the handler's constructor, until the runtime asks for its first event) and the first invocation. The
 * database is the DynamoDB engine over loopback, holding the round's 154 reconciled records (the synthetic census)
 * and the event files' tokens. Also each artifact's size, unzipped and zipped. Each launch is made twice: as
 * is (on demand), and as a SnapStart function (the template's setting: {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start},
 * credentials from the container credentials endpoint, the hooks run around the restore), so the second's first
 * invocation is the first request after a restore, less the restore itself, which only Lambda can do.
 */
final class ColdStartBenchmark {

    static final int LAUNCHES = Integer.getInteger("bench.launches", 7);
    static final String TABLE = "SurveyTable";
    static final Instant DURING_ROUND = Instant.parse("2026-11-24T09:00:00Z");
    private static final String STAFF = "events-staff-token-RJ1-2026-do-not-use-in-production";
    private static final String LEAD = "events-lead-token-RJ1-2026-do-not-use-in-production";
    private static final String ADMIN = "cold-start-benchmark-admin-token";
    private static final String RJ1_RETURN = "6f1c2a9e-3b7d-4c55-9e2a-0d4b8c7f1a23";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A function measured: its event and the status its first response must have. */
    record Case(String logicalId, String what, String eventJson, int expectedStatus, String target) {
    }

    private ColdStartBenchmark() {
    }

    static void run(PrintStream out) throws Exception {
        Path root = TemplateTable.locateTemplate().getParent();
        Path templateYaml = root.resolve("template.yaml");
        Map<String, String> refs = new LinkedHashMap<>();
        TemplateReader.tableLogicalIds(templateYaml).forEach(id -> refs.put(id, id));
        refs.put("AdminTokenSha256", TokenHash.of(ADMIN).hex());
        SamTemplate template = TemplateReader.read(templateYaml, refs);
        Path work = Files.createTempDirectory("nhssm-coldstart-");
        Map<String, Path> artifacts = FunctionArtifacts.layOutAll(root, template, work.resolve("artifacts"));
        double loadAtStart = loadAverage();

        out.println("## Artifacts (as sam build lays them out: classes + lib/*.jar)");
        out.println();
        out.println("| function | unzipped | zipped | largest jars |");
        out.println("|---|---:|---:|---|");
        for (Map.Entry<String, Path> artifact : artifacts.entrySet()) {
            ArtifactSize size = ArtifactSize.of(artifact.getValue(), 5);
            out.printf("| %s | %s | %s | %s |%n", artifact.getKey(), megabytes(size.unzippedBytes()),
                    megabytes(size.zippedBytes()), String.join(", ", size.largestJars().stream()
                            .map(j -> j.name() + " " + megabytes(j.bytes())).toList()));
        }
        out.println();

        List<Case> cases = List.of(
                new Case("CollectFunction", "staff form POST (events/responses-post-form.json), 201",
                        Files.readString(root.resolve("events/responses-post-form.json")), 201, "1.0 s"),
                new Case("AggregateFunction", "a stream batch of one record (RJ1's official return)",
                        aggregateEvent(), -1, "none"),
                new Case("ReportFunction", "national PDF (events/report/national-pdf-get.json), 200",
                        Files.readString(root.resolve("events/report/national-pdf-get.json")), 200, "2.5 s"));

        try (DynamoDbEngineServer dynamo = DynamoDbEngineServer.startInMemory();
             PrintStream functionLog = new PrintStream(Files.newOutputStream(work.resolve("functions.log")), true,
                     StandardCharsets.UTF_8)) {
            int records = seed(dynamo);
            Map<String, String> overrides = Map.of("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString(),
                    ServiceClock.VARIABLE, DURING_ROUND.toString());
            Map<String, List<double[]>> times = new LinkedHashMap<>();
            Map<String, List<double[]>> hookedTimes = new LinkedHashMap<>();
            // One launch of each first, to warm the operating system's file cache; then turns, so that a change
            // in the shared machine's load falls on every function and both ways of starting alike.
            for (int launch = 0; launch <= LAUNCHES; launch++) {
                for (Case c : cases) {
                    FunctionDefinition function = template.function(c.logicalId()).orElseThrow();
                    double[] t = launch(function.withSnapStart(false), artifacts.get(c.logicalId()), overrides, c,
                            functionLog);
                    double[] hooked = launch(function.withSnapStart(true), artifacts.get(c.logicalId()), overrides, c,
                            functionLog);
                    if (launch > 0) {
                        times.computeIfAbsent(c.logicalId(), k -> new ArrayList<>()).add(t);
                        hookedTimes.computeIfAbsent(c.logicalId(), k -> new ArrayList<>()).add(hooked);
                    }
                }
            }
            out.printf("## Fresh JVM to the first response (no SnapStart): %d launches each, after one unmeasured;"
                    + " %d reconciled records in the table%n%n", LAUNCHES, records);
            table(out, template, cases, times, "init: process start to ready");
            out.printf("## The same as a SnapStart function (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start, container"
                    + " credentials; beforeCheckpoint, restore/next, then afterRestore, as around a snapshot; nothing"
                    + " is saved or restored), so the first invocation is the first request after a restore, without"
                    + " the restore itself%n%n");
            table(out, template, cases, hookedTimes, "init and hooks: process start to ready");
        }
        out.printf("Load average: %.1f at the start, %.1f at the end (%d cores)%n", loadAtStart, loadAverage(),
                Runtime.getRuntime().availableProcessors());
        out.println("The functions' own log: " + work.resolve("functions.log"));
    }

    private static void table(PrintStream out, SamTemplate template, List<Case> cases, Map<String, List<double[]>> times,
            String initColumn) {
        out.println("| function | memory (heap) | first event | " + initColumn + " | first invocation"
                + " | process start to first response | target |");
        out.println("|---|---|---|---:|---:|---:|---|");
        for (Case c : cases) {
            FunctionDefinition function = template.function(c.logicalId()).orElseThrow();
            List<double[]> t = times.get(c.logicalId());
            out.printf("| %s | %d MB (-Xmx%dm) | %s | %s | %s | %s | %s |%n", c.logicalId(), function.memoryMb(),
                    function.memoryMb() * 85 / 100, c.what(), Timing.of(column(t, 0)), Timing.of(column(t, 1)),
                    Timing.of(column(t, 2)), c.target());
        }
        out.println();
    }

    /** One cold start: {init, first invocation, total} in milliseconds. */
    private static double[] launch(FunctionDefinition function, Path artifact, Map<String, String> overrides, Case c,
            PrintStream log) throws IOException {
        long start = System.nanoTime();
        try (FunctionContainer container = FunctionContainer.start(function, artifact, overrides, log, log)) {
            Optional<Invocation.Failed> failed = container.awaitReady(FunctionContainer.INIT_LIMIT);
            if (failed.isPresent()) {
                throw new IllegalStateException(c.logicalId() + " did not start: " + failed.get());
            }
            long ready = System.nanoTime();
            Invocation result = container.invoke(c.eventJson());
            long answered = System.nanoTime();
            if (!(result instanceof Invocation.Returned returned)) {
                throw new IllegalStateException(c.logicalId() + " failed its first event: " + result);
            }
            if (c.expectedStatus() > 0) {
                JsonNode response = JSON.readTree(returned.payloadJson());
                if (response.path("statusCode").asInt() != c.expectedStatus()) {
                    throw new IllegalStateException(c.logicalId() + " answered " + response.path("statusCode")
                            + ", not " + c.expectedStatus() + ": " + response.path("body").asText());
                }
            } else if (!JSON.readTree(returned.payloadJson()).path("batchItemFailures").isEmpty()) {
                throw new IllegalStateException(c.logicalId() + " reported failures: " + returned.payloadJson());
            }
            return new double[] {(ready - start) / 1e6, (answered - ready) / 1e6, (answered - start) / 1e6};
        }
    }

    /**
     * The table: the event files' tokens for RJ1, RJ1's submitted official return (what the aggregate event
     * names), and the synthetic census's reconciled records. Returns how many records.
     */
    static int seed(DynamoDbEngineServer dynamo) {
        TemplateTable.surveyTable().createIn(dynamo.client(), TABLE);
        DynamoDbSurveyStore store = new DynamoDbSurveyStore(dynamo.client(), TABLE);
        Instant expires = DURING_ROUND.plus(Duration.ofDays(365));
        store.saveToken(new TokenGrant(TokenHash.of(LEAD), "2026", "RJ1", Scope.LEAD, DURING_ROUND, expires));
        store.saveToken(new TokenGrant(TokenHash.of(STAFF), "2026", "RJ1", Scope.STAFF, DURING_ROUND, expires));
        Instant before = DURING_ROUND.minusSeconds(3600);
        store.create(new StoredResponse(new ResponseKey("2026", "RJ1", RJ1_RETURN), ResponseKind.OFFICIAL,
                ResponseStatus.SUBMITTED, 1, "2026.1", Answers.NONE, before, before, before), Optional.empty());
        DynamoDbTrustRecordStore recordStore = new DynamoDbTrustRecordStore(dynamo.client(), TABLE);
        List<TrustRecord> records = SyntheticRound.build().data().records();
        for (TrustRecord record : records) {
            recordStore.putRecord(record, 0);
        }
        return records.size();
    }

    /** A DynamoDB stream event of one MODIFY record, shaped as Lambda delivers it; the function reads its keys. */
    private static String aggregateEvent() {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventID", "1");
        record.put("eventName", "MODIFY");
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", "eu-west-2");
        ObjectNode dynamodb = record.putObject("dynamodb");
        ObjectNode keys = dynamodb.putObject("Keys");
        keys.putObject("pk").put("S", "ROUND#2026#TRUST#RJ1");
        keys.putObject("sk").put("S", "RESP#" + RJ1_RETURN);
        dynamodb.put("SequenceNumber", "100000000000000000001");
        dynamodb.put("SizeBytes", 100);
        dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        record.put("eventSourceARN",
                "arn:aws:dynamodb:eu-west-2:123456789012:table/SurveyTable/stream/2026-11-24T00:00:00.000");
        return event.toString();
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
