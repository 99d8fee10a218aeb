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
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

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
    private static final int STARTS = 7;

    private EngineBenchmark() {
    }

    static void run(PrintStream out) throws Exception {
        List<Integer> clientCounts = Arrays.stream(System.getProperty("bench.engine.clients", "1,8,64").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        Duration each = Duration.ofSeconds(Long.getLong("bench.engine.seconds", 10));

        out.println("## Engine start to first answer (in-process, in memory)");
        out.println();
        double[] startMs = new double[STARTS];
        for (int i = 0; i < STARTS; i++) {
            long begin = System.nanoTime();
            try (DynamoDbEngine engine = DynamoDbEngine.startInMemory(); DynamoDbClient client = client(engine.endpoint())) {
                client.listTables();
                startMs[i] = (System.nanoTime() - begin) / 1e6;
            }
        }
        out.println("| starts | median | IQR | first (cold JVM) |");
        out.println("|---:|---:|---:|---:|");
        Timing.Result start = Timing.of(Arrays.copyOfRange(startMs, 1, STARTS));
        out.printf("| %d | %.1f ms | %.1f–%.1f ms | %.1f ms |%n%n", STARTS - 1, start.medianMs(),
                start.lowerQuartileMs(), start.upperQuartileMs(), startMs[0]);

        try (DynamoDbEngine engine = DynamoDbEngine.startInMemory()) {
            List<DynamoDbClient> clients = new ArrayList<>();
            int most = clientCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
            for (int i = 0; i < most; i++) {
                clients.add(client(engine.endpoint()));
            }
            createTable(clients.get(0));
            out.println("## Operations over loopback (SDK v2, URL-connection HTTP client)");
            out.println();
            out.printf("Each cell: %d s of clients calling one after another; items of ~200 bytes in %d partitions.%n%n",
                    each.toSeconds(), PARTITIONS);
            out.println("| operation | clients | operations/s | p50 | p99 |");
            out.println("|---|---:|---:|---:|---:|");
            AtomicLong sequence = new AtomicLong();
            for (String operation : List.of("PutItem", "GetItem", "Query", "TransactWriteItems")) {
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
    }

    private static void call(DynamoDbClient client, String operation, long n) {
        String pk = "P#" + (n % PARTITIONS);
        switch (operation) {
            case "PutItem" -> client.putItem(r -> r.tableName(TABLE).item(item(pk, "S#" + n)));
            case "GetItem" -> client.getItem(r -> r.tableName(TABLE)
                    .key(Map.of("pk", s(pk), "sk", s("S#" + (n % 1000)))));
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
        // Items for GetItem and Query to find.
        for (int i = 0; i < 1000; i++) {
            String sk = "S#" + i;
            for (int p = 0; p < 5; p++) {
                String pk = "P#" + p;
                client.putItem(r -> r.tableName(TABLE).item(item(pk, sk)));
            }
        }
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
