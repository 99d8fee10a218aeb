package nhssm.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

import nhssm.local.dynamodb.DynamoDbEngineServer;
import nhssm.local.dynamodb.engine.DynamoDbEngine;
import nhssm.local.dynamodb.engine.EngineMain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * nhssm's DynamoDB engine on its own: start to first answer (in this JVM, and as its own process), and
 * PutItem, GetItem, Query and TransactWriteItems through the SDK over loopback at 1, 8 and 64 clients, with
 * throughput and p50/p99 latency. In memory, so the numbers are the engine's and not the disk's.
 */
final class EngineBenchmark {

    private static final int[] CLIENTS = {1, 8, 64};
    private static final int PARTITIONS = 100;
    private static final int ITEMS_PER_PARTITION = 50;

    private EngineBenchmark() {
    }

    static void run(PrintStream out) throws Exception {
        // The URL-connection client keeps this many connections alive; 64 clients need 64.
        System.setProperty("http.maxConnections", "64");
        int seconds = Integer.getInteger("bench.engineSeconds", 10);
        out.println("## Engine start to first answer");
        out.println("in this JVM (warm, 21 runs after 5): " + Timing.measure(5, 21, EngineBenchmark::startAndAnswer));
        out.println("as its own process (" + Integer.getInteger("bench.launches", 7) + " launches): " + processStarts());
        out.println();
        try (DynamoDbEngineServer server = DynamoDbEngineServer.startInMemory()) {
            DynamoDbClient dynamo = server.client();
            String table = prepare(dynamo);
            out.println("## Operations over loopback, " + seconds + " s each");
            out.println();
            out.println("| operation | clients | per second | p50 | p99 |");
            out.println("|---|---:|---:|---:|---:|");
            Map<String, IntConsumer> operations = Map.of(
                    "PutItem", i -> dynamo.putItem(r -> r.tableName(table).item(item(i))),
                    "GetItem", i -> dynamo.getItem(r -> r.tableName(table).key(key(i))),
                    "Query", i -> dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
                            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition(i)))).limit(10)),
                    "TransactWriteItems", i -> dynamo.transactWriteItems(r -> r.transactItems(
                            TransactWriteItem.builder().put(p -> p.tableName(table).item(item(i))).build(),
                            TransactWriteItem.builder().put(p -> p.tableName(table).item(item(i + 1))).build())));
            for (String operation : List.of("PutItem", "GetItem", "Query", "TransactWriteItems")) {
                for (int clients : CLIENTS) {
                    out.println(measure(operation, operations.get(operation), clients, seconds));
                }
            }
        }
    }

    private static void startAndAnswer() {
        try (DynamoDbEngine engine = DynamoDbEngine.startInMemory(); HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(engine.endpoint()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the engine answered " + response.statusCode());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timing.Result processStarts() throws Exception {
        int launches = Integer.getInteger("bench.launches", 7);
        double[] ms = new double[launches];
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < launches; i++) {
            long start = System.nanoTime();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    EngineMain.class.getName(), "--port", "0", "--in-memory").redirectErrorStream(true).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                    HttpClient http = HttpClient.newHttpClient()) {
                String line = lines.readLine();
                URI endpoint = URI.create(line.substring(line.indexOf("http://"), line.indexOf(' ', line.indexOf("http://"))));
                http.send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.ofString());
                ms[i] = (System.nanoTime() - start) / 1e6;
            } finally {
                child.destroyForcibly().waitFor();
            }
        }
        return Timing.of(ms);
    }

    private static String prepare(DynamoDbClient dynamo) {
        String table = "engine-bench";
        dynamo.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N)));
        for (int i = 0; i < PARTITIONS * ITEMS_PER_PARTITION; i++) {
            int n = i;
            dynamo.putItem(r -> r.tableName(table).item(item(n)));
        }
        return table;
    }

    private static String partition(int i) {
        return "p" + Math.floorMod(i, PARTITIONS);
    }

    private static Map<String, AttributeValue> key(int i) {
        return Map.of("pk", AttributeValue.fromS(partition(i)),
                "sk", AttributeValue.fromN(Integer.toString(Math.floorMod(i / PARTITIONS, ITEMS_PER_PARTITION))));
    }

    private static Map<String, AttributeValue> item(int i) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(i));
        item.put("payload", AttributeValue.fromS("x".repeat(200)));
        item.put("n", AttributeValue.fromN(Integer.toString(i)));
        return item;
    }

    private static String measure(String name, IntConsumer operation, int clients, int seconds) throws Exception {
        // A short warm-up at this concurrency, not measured.
        run(operation, clients, Duration.ofSeconds(1));
        long started = System.nanoTime();
        List<long[]> latencies = run(operation, clients, Duration.ofSeconds(seconds));
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return String.format("| %s | %d | %,.0f | %.2f ms | %.2f ms |", name, clients, all.length / elapsed,
                all[all.length / 2] / 1e6, all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6);
    }

    /** Each client calls in a loop until the time is up; returns each client's latencies in nanoseconds. */
    private static List<long[]> run(IntConsumer operation, int clients, Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<long[]>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    long[] times = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < deadline) {
                        int i = ThreadLocalRandom.current().nextInt(PARTITIONS * ITEMS_PER_PARTITION);
                        long start = System.nanoTime();
                        operation.accept(i);
                        if (count == times.length) {
                            times = Arrays.copyOf(times, count * 2);
                        }
                        times[count++] = System.nanoTime() - start;
                    }
                    return Arrays.copyOf(times, count);
                }));
            }
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> result : results) {
                latencies.add(result.get());
            }
            return latencies;
        }
    }
}
