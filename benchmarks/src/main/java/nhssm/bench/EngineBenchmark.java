package nhssm.bench;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import nhssm.local.dynamodb.engine.DynamoDbEngine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The project's DynamoDB engine over loopback, through the AWS SDK v2 client as the functions use it:
 * in-process start to first answer, then PutItem, GetItem, Query and TransactWriteItems throughput with
 * p50/p99 latency at 1, 8 and 64 concurrent clients ({@code bench.engine.clients}), each for
 * {@code bench.engine.seconds}. The engine runs in memory in this JVM, so client and server share the
 * machine's cores: the numbers are what a test or the local runtime sees, not a server on its own.
 */
final class EngineBenchmark {

    private static final Region REGION = Region.EU_WEST_2;
    private static final String TABLE = "EngineBenchmark";
    private static final int PARTITIONS = 200;
    /** Sort keys per partition seeded for GetItem and Query to find. */
    private static final int SEEDED_PER_PARTITION = 50;
    private static final int STARTS = 8;
    private static final int PROCESS_LAUNCHES = 7;

    private EngineBenchmark() {
    }

    static void run(PrintStream out) throws Exception {
        // The URL-connection client keeps 5 connections per server alive by default; 64 clients need 64,
        // or most calls would open a new connection. Read once, before the first connection.
        System.setProperty("http.maxConnections", "64");
        List<Integer> clientCounts = Arrays.stream(System.getProperty("bench.engine.clients", "1,8,64").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        Duration each = Duration.ofSeconds(Long.getLong("bench.engine.seconds", 10));
        List<String> operations = List.of(System.getProperty("bench.engine.operations",
                "PutItem,GetItem,Query,TransactWriteItems").split(","));

        out.printf("Load average: %.1f at the start (%d cores).%n%n", ColdStartBenchmark.loadAverage(),
                Runtime.getRuntime().availableProcessors());
        out.println("## Engine start to first answer (in-process, in memory)");
        out.println();
        // Each start: DynamoDbEngine.startInMemory() returning (listening), then a client built for its port and
        // its first ListTables answered. The first start pays this JVM's loading of the engine and the SDK.
        double[] startedMs = new double[STARTS];
        double[] answeredMs = new double[STARTS];
        for (int i = 0; i < STARTS; i++) {
            long begin = System.nanoTime();
            try (DynamoDbEngine engine = DynamoDbEngine.startInMemory()) {
                startedMs[i] = (System.nanoTime() - begin) / 1e6;
                try (DynamoDbClient client = client(engine.endpoint())) {
                    client.listTables();
                    answeredMs[i] = (System.nanoTime() - begin) / 1e6;
                }
            }
        }
        out.println("| in-process start | starts | median | IQR | first (cold JVM) |");
        out.println("|---|---:|---:|---:|---:|");
        startRow(out, "startInMemory() returned", startedMs);
        startRow(out, "first ListTables answered", answeredMs);
        out.println();

        out.println("## Engine start to first answer as a process (EngineMain --in-memory, fresh JVM, free port)");
        out.println();
        List<EngineProcessStart.Flags> kinds = List.of(
                new EngineProcessStart.Flags("default flags", List.of()),
                new EngineProcessStart.Flags("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
                        List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")));
        // One launch of each first, to warm the file cache; then the kinds take turns.
        for (EngineProcessStart.Flags kind : kinds) {
            EngineProcessStart.launch(kind);
        }
        double[][] processMs = new double[kinds.size()][PROCESS_LAUNCHES];
        for (int i = 0; i < PROCESS_LAUNCHES; i++) {
            for (int k = 0; k < kinds.size(); k++) {
                processMs[k][i] = EngineProcessStart.launch(kinds.get(k));
            }
        }
        out.println("| process (JVM flags) | launches | process started to first ListTables answered | IQR |");
        out.println("|---|---:|---:|---:|");
        for (int k = 0; k < kinds.size(); k++) {
            Timing.Result r = Timing.of(processMs[k]);
            out.printf("| %s | %d | %.1f ms | %.1f–%.1f ms |%n", kinds.get(k).name(), r.runs(), r.medianMs(),
                    r.lowerQuartileMs(), r.upperQuartileMs());
        }
        out.println();
        out.printf("Load average: %.1f after the starts.%n%n", ColdStartBenchmark.loadAverage());

        try (DynamoDbEngine engine = DynamoDbEngine.startInMemory()) {
            List<DynamoDbClient> clients = new ArrayList<>();
            int most = clientCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
            for (int i = 0; i < most; i++) {
                clients.add(client(engine.endpoint()));
            }
            createTable(clients.get(0));
            out.println("## Operations over loopback (SDK v2, URL-connection HTTP client)");
            out.println();
            out.printf("Every operation first for 2 s at 8 clients, unmeasured. Each cell: a 0.5 s warm-up, then %d s of clients calling one after another; items of about"
                    + " 200 bytes over %d partitions, %d seeded in each (GetItem finds one; Query, begins_with and"
                    + " Limit 10, reads 10); PutItem adds a new item; TransactWriteItems puts two new items on"
                    + " condition.%n%n", each.toSeconds(), PARTITIONS, SEEDED_PER_PARTITION);
            out.println("| operation | clients | operations/s | p50 | p99 |");
            out.println("|---|---:|---:|---:|---:|");
            AtomicLong sequence = new AtomicLong();
            // Every operation for 2 s at 8 clients first, unmeasured: without it the first cell measured
            // (PutItem) ran a third slower than the same cell measured again later, while the JIT compiled.
            for (String operation : operations) {
                runFor(clients.subList(0, Math.min(8, clients.size())), Duration.ofSeconds(2),
                        client -> call(client, operation, sequence.incrementAndGet()), latency -> { });
            }
            for (String operation : operations) {
                for (int count : clientCounts) {
                    Result result = measure(clients.subList(0, count), each, client -> {
                        long n = sequence.incrementAndGet();
                        call(client, operation, n);
                    });
                    out.printf("| %s | %d | %,.0f | %.2f ms | %.2f ms |%n", operation, count,
                            result.perSecond(), result.p50Ms(), result.p99Ms());
                }
            }
            clients.forEach(DynamoDbClient::close);
        }
        out.println();
        out.printf("Load average: %.1f at the end.%n", ColdStartBenchmark.loadAverage());
    }

    private static void call(DynamoDbClient client, String operation, long n) {
        String pk = "P#" + (n % PARTITIONS);
        switch (operation) {
            case "PutItem" -> client.putItem(r -> r.tableName(TABLE).item(item(pk, "S#" + n)));
            case "GetItem" -> client.getItem(r -> r.tableName(TABLE)
                    .key(Map.of("pk", s(pk), "sk", s("S#" + (n % SEEDED_PER_PARTITION)))));
            case "Query" -> client.query(r -> r.tableName(TABLE).keyConditionExpression("pk = :p AND begins_with(sk, :s)")
                    .expressionAttributeValues(Map.of(":p", s(pk), ":s", s("S#1"))).limit(10));
            case "TransactWriteItems" -> client.transactWriteItems(r -> r.transactItems(
                    put(pk, "T#" + n + "#a"), put(pk, "T#" + n + "#b")));
            default -> throw new IllegalArgumentException(operation);
        }
    }

    private static TransactWriteItem put(String pk, String sk) {
        return TransactWriteItem.builder().put(Put.builder().tableName(TABLE).item(item(pk, sk))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk), "status", s("SUBMITTED"),
                "version", AttributeValue.fromN("1"), "answers", AttributeValue.fromM(Map.of(
                        "Q02", s("COMMS_DIRECTOR_HEAD"), "Q22", AttributeValue.fromN("12"),
                        "Q42", s("A short free-text answer of about eighty characters, as the survey's text fields hold."))));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        // Items for GetItem and Query to find: every partition's S#0..S#49 (Query's begins_with S#1 finds 11).
        List<WriteRequest> writes = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            for (int i = 0; i < SEEDED_PER_PARTITION; i++) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("P#" + p, "S#" + i)).build()).build());
            }
        }
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
            var unprocessed = client.batchWriteItem(r -> r.requestItems(Map.of(TABLE, batch))).unprocessedItems();
            if (!unprocessed.isEmpty()) {
                throw new IllegalStateException("the engine left items unprocessed: " + unprocessed);
            }
        }
    }

    private static void startRow(PrintStream out, String what, double[] ms) {
        Timing.Result r = Timing.of(Arrays.copyOfRange(ms, 1, ms.length));
        out.printf("| %s | %d | %.1f ms | %.1f–%.1f ms | %.1f ms |%n", what, r.runs(), r.medianMs(),
                r.lowerQuartileMs(), r.upperQuartileMs(), ms[0]);
    }

    /** Throughput and latency quantiles of one cell. */
    private record Result(double perSecond, double p50Ms, double p99Ms) {
    }

    private interface Call {
        void on(DynamoDbClient client);
    }

    /** Each client on its own thread calls for the duration; a short warm-up first is not counted. */
    private static Result measure(List<DynamoDbClient> clients, Duration duration, Call call) throws Exception {
        runFor(clients, Duration.ofMillis(500), call, latency -> { });
        LatencyLog log = new LatencyLog();
        long begin = System.nanoTime();
        runFor(clients, duration, call, log::add);
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Result(log.count() / seconds, log.quantileMs(0.50), log.quantileMs(0.99));
    }

    private static void runFor(List<DynamoDbClient> clients, Duration duration, Call call, LongConsumer latencies)
            throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        try (ExecutorService threads = Executors.newFixedThreadPool(clients.size())) {
            List<Future<?>> running = new ArrayList<>();
            for (DynamoDbClient client : clients) {
                running.add(threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        call.on(client);
                        latencies.accept(System.nanoTime() - start);
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
    }

    /** Latencies in nanoseconds from many threads. */
    private static final class LatencyLog {
        private long[] nanos = new long[1 << 16];
        private int size;

        synchronized void add(long latency) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = latency;
        }

        synchronized int count() {
            return size;
        }

        synchronized double quantileMs(double p) {
            long[] sorted = Arrays.copyOf(nanos, size);
            Arrays.sort(sorted);
            return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
        }
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
