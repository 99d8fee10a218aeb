package nhssm.local.dynamodb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * An acknowledged write survives: a real {@code kill -9} of the engine running as its own process while
 * clients write, and stop and restart in-process on the same port (an outage).
 */
class DurabilityTest {

    private static final Pattern SERVING = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+)");

    @Test
    void everyAcknowledgedWrite_shouldSurviveAKill9_withItsStreamRecords(@TempDir Path dataDir) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String table = "survivors";
        Process child = startChild(dataDir);
        try {
            URI endpoint = endpointOf(child);
            try (DynamoDbClient dynamo = EngineClients.dynamo(endpoint)) {
                createStreamedTable(dynamo, table);
                AtomicInteger next = new AtomicInteger();
                try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
                    List<Future<?>> running = new ArrayList<>();
                    for (int w = 0; w < 4; w++) {
                        running.add(writers.submit(() -> {
                            while (true) {
                                String pk = "item-" + next.incrementAndGet();
                                try {
                                    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk),
                                            "payload", AttributeValue.fromS("x".repeat(200)))));
                                } catch (SdkClientException e) {
                                    return null;
                                }
                                acknowledged.add(pk);
                            }
                        }));
                    }
                    poll(() -> acknowledged.size() >= 150);
                    // SIGKILL: no shutdown hook, no flush; writes are in flight.
                    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    for (Future<?> writer : running) {
                        writer.get(30, TimeUnit.SECONDS);
                    }
                }
            }
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        try (DynamoDbEngine engine = DynamoDbEngine.start(0, Optional.of(dataDir));
                DynamoDbClient dynamo = EngineClients.dynamo(engine.endpoint());
                DynamoDbStreamsClient streams = EngineClients.streams(engine.endpoint())) {
            Set<String> stored = ConcurrentHashMap.newKeySet();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                var page = dynamo.scan(r -> r.tableName(table).consistentRead(true).exclusiveStartKey(from));
                page.items().forEach(item -> stored.add(item.get("pk").s()));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            assertThat(stored).containsAll(acknowledged);
            assertThat(dynamo.describeTable(r -> r.tableName(table)).table().itemCount()).isEqualTo(stored.size());

            Set<String> inserted = streamedKeys(streams, dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn());
            assertThat(inserted).containsAll(acknowledged);
        }
    }

    @Test
    void stopAndRestart_shouldServeTheSameDataOnTheSamePort(@TempDir Path dataDir) throws Exception {
        try (DynamoDbEngine engine = DynamoDbEngine.start(0, Optional.of(dataDir));
                DynamoDbClient dynamo = EngineClients.dynamo(engine.endpoint())) {
            int port = engine.port();
            createStreamedTable(dynamo, "outage");
            dynamo.putItem(r -> r.tableName("outage").item(Map.of("pk", AttributeValue.fromS("before"))));

            engine.stop();

            assertThat(engine.serving()).isFalse();
            assertThatThrownBy(() -> dynamo.listTables()).isInstanceOf(SdkClientException.class);

            engine.restart();

            assertThat(engine.port()).isEqualTo(port);
            assertThat(dynamo.getItem(r -> r.tableName("outage").key(Map.of("pk", AttributeValue.fromS("before"))))
                    .item()).containsKey("pk");
            dynamo.putItem(r -> r.tableName("outage").item(Map.of("pk", AttributeValue.fromS("after"))));
        }
        // And the log holds both, for the next start.
        try (DynamoDbEngine engine = DynamoDbEngine.start(0, Optional.of(dataDir));
                DynamoDbClient dynamo = EngineClients.dynamo(engine.endpoint())) {
            assertThat(dynamo.scan(r -> r.tableName("outage")).count()).isEqualTo(2);
        }
    }

    @Test
    void close_shouldFreeThePort_forAnotherEngine() {
        int port;
        try (DynamoDbEngine engine = DynamoDbEngine.startInMemory()) {
            port = engine.port();
        }
        try (DynamoDbEngine again = DynamoDbEngine.start(port, Optional.empty());
                DynamoDbClient dynamo = EngineClients.dynamo(again.endpoint())) {
            assertThat(dynamo.listTables().tableNames()).isEmpty();
        }
    }

    private static void createStreamedTable(DynamoDbClient dynamo, String table) {
        dynamo.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
    }

    private static Set<String> streamedKeys(DynamoDbStreamsClient streams, String streamArn) {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        var shards = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards();
        for (var shard : shards) {
            String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(r -> r.shardIterator(current));
                page.records().forEach(record -> keys.add(record.dynamodb().keys().get("pk").s()));
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return keys;
    }

    private static Process startChild(Path dataDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EngineMain.class.getName(),
                "--port", "0", "--data-dir", dataDir.toString())
                .redirectErrorStream(true)
                .start();
    }

    private static URI endpointOf(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String line;
        while ((line = out.readLine()) != null && Instant.now().isBefore(deadline)) {
            Matcher serving = SERVING.matcher(line);
            if (serving.find()) {
                Thread.ofVirtual().start(() -> drain(out));
                return URI.create(serving.group(1));
            }
        }
        throw new AssertionError("the child engine did not say where it serves");
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // Keep the child's output pipe from filling.
            }
        } catch (java.io.IOException e) {
            // The child was killed.
        }
    }

    private static void poll(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within 60 s");
            }
            Thread.sleep(5);
        }
    }
}
