package nhssm.local.dynamodb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Many clients at once through the SDK: conditional writes of one item are serializable (no lost update),
 * and transactions across items are atomic and isolated (no reader ever sees part of one).
 */
class ConcurrencyTest {

    private static final int CLIENTS = 8;
    private static DynamoDbEngine engine;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        engine = DynamoDbEngine.startInMemory();
        dynamo = EngineClients.dynamo(engine.endpoint());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        engine.close();
    }

    private static String table(String name) {
        dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
        return name;
    }

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static long counter(String table, String pk) {
        return Long.parseLong(dynamo.getItem(r -> r.tableName(table).key(Map.of("pk", s(pk))).consistentRead(true))
                .item().get("v").n());
    }

    @Test
    void conditionalWrites_ofOneItem_shouldLoseNoUpdate_underConcurrentClients() throws Exception {
        String table = table("counter");
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("c"), "v", n(0))));
        int incrementsEach = 40;

        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    for (int i = 0; i < incrementsEach; ) {
                        long seen = counter(table, "c");
                        try {
                            dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("c"), "v", n(seen + 1)))
                                    .conditionExpression("v = :seen")
                                    .expressionAttributeValues(Map.of(":seen", n(seen))));
                            i++;
                        } catch (ConditionalCheckFailedException e) {
                            // Another client wrote first: read again and retry.
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertThat(counter(table, "c")).isEqualTo((long) CLIENTS * incrementsEach);
    }

    @Test
    void transactions_shouldBeAtomicAndIsolated_fromConcurrentReadersAndWriters() throws Exception {
        String table = table("accounts");
        int accounts = 6;
        long each = 100;
        for (int a = 0; a < accounts; a++) {
            int account = a;
            dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("a" + account), "balance", n(each))));
        }
        List<TransactGetItem> readAll = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            int account = a;
            readAll.add(TransactGetItem.builder().get(g -> g.tableName(table).key(Map.of("pk", s("a" + account)))).build());
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> totalsSeen = new ConcurrentLinkedQueue<>();
        AtomicInteger transfers = new AtomicInteger();

        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1)) {
            Future<?> reader = clients.submit(() -> {
                while (writing.get()) {
                    totalsSeen.add(dynamo.transactGetItems(r -> r.transactItems(readAll)).responses().stream()
                            .mapToLong(item -> Long.parseLong(item.item().get("balance").n())).sum());
                }
                return null;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                writers.add(clients.submit(() -> {
                    for (int i = 0; i < 25; ) {
                        int from = ThreadLocalRandom.current().nextInt(accounts);
                        int to = (from + 1 + ThreadLocalRandom.current().nextInt(accounts - 1)) % accounts;
                        if (transfer(table, "a" + from, "a" + to)) {
                            transfers.incrementAndGet();
                            i++;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            reader.get();
        }

        assertThat(transfers.get()).isEqualTo(CLIENTS * 25);
        assertThat(totalsSeen).isNotEmpty().allMatch(total -> total == accounts * each);
        long scanned = dynamo.scan(r -> r.tableName(table).consistentRead(true)).items().stream()
                .mapToLong(item -> new BigDecimal(item.get("balance").n()).longValueExact()).sum();
        assertThat(scanned).isEqualTo(accounts * each);
    }

    /** Moves 1 from one account to another if neither changed since read; false if another write came first. */
    private static boolean transfer(String table, String from, String to) {
        long fromBalance = counterOf(table, from);
        long toBalance = counterOf(table, to);
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    put(table, from, fromBalance, fromBalance - 1),
                    put(table, to, toBalance, toBalance + 1)));
            return true;
        } catch (TransactionCanceledException e) {
            assertThat(e.cancellationReasons()).hasSize(2)
                    .anyMatch(reason -> reason.code().equals("ConditionalCheckFailed"));
            return false;
        }
    }

    private static long counterOf(String table, String pk) {
        return Long.parseLong(dynamo.getItem(r -> r.tableName(table).key(Map.of("pk", s(pk))).consistentRead(true))
                .item().get("balance").n());
    }

    private static TransactWriteItem put(String table, String pk, long expected, long balance) {
        return TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(Map.of("pk", s(pk), "balance", n(balance)))
                .conditionExpression("balance = :expected")
                .expressionAttributeValues(Map.of(":expected", n(expected)))).build();
    }
}
