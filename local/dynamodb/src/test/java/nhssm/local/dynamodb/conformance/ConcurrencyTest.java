package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Concurrent clients: single-item writes are atomic, and transactions are all-or-nothing to every reader. */
class ConcurrencyTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private static final int CLIENTS = 8;

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void updateItem_shouldCountEveryConcurrentAdd_asAnAtomicCounter() throws Exception {
        String table = Tables.hashKeyTable(dynamo);
        int addsPerClient = 40;

        runConcurrently(() -> {
            for (int i = 0; i < addsPerClient; i++) {
                dynamo.updateItem(r -> r.tableName(table).key(key("counter")).updateExpression("ADD tally :one")
                        .expressionAttributeValues(Map.of(":one", n(1))));
            }
            return null;
        });

        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("counter")).consistentRead(true)).item().get("tally"))
                .isEqualTo(n(CLIENTS * addsPerClient));
    }

    @Test
    void putItem_shouldLetExactlyOneConcurrentConditionalCreateWin() throws Exception {
        String table = Tables.hashKeyTable(dynamo);

        List<Boolean> won = runConcurrently(() -> {
            try {
                dynamo.putItem(r -> r.tableName(table).item(item("pk", s("only"), "by", s(Thread.currentThread().getName())))
                        .conditionExpression("attribute_not_exists(pk)"));
                return true;
            } catch (ConditionalCheckFailedException lost) {
                return false;
            }
        });

        assertThat(won).containsOnlyOnce(true);
    }

    @Test
    void transactWriteItems_shouldNeverShowAHalfDoneTransfer() throws Exception {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("left"), "amount", n(1000))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("right"), "amount", n(1000))));
        int transfersPerClient = 15;

        List<Boolean> sumsAlwaysWhole = runConcurrently(() -> {
            boolean whole = true;
            for (int i = 0; i < transfersPerClient; i++) {
                transfer(table, i % 2 == 0 ? "left" : "right", i % 2 == 0 ? "right" : "left");
                whole &= readSum(table).map(sum -> sum == 2000).orElse(true);
            }
            return whole;
        });

        assertThat(sumsAlwaysWhole).containsOnly(true);
        assertThat(readSum(table)).hasValue(2000L);
    }

    /** Moves 1 between the items; a transaction the service cancels for a conflict is simply retried. */
    private void transfer(String table, String from, String to) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                dynamo.transactWriteItems(r -> r.transactItems(
                        move(table, from, "-"), move(table, to, "+")));
                return;
            } catch (TransactionCanceledException conflict) {
                // TransactionConflict with a concurrent transaction: try again.
            }
        }
        throw new AssertionError("a transfer never committed");
    }

    private static TransactWriteItem move(String table, String pk, String sign) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(pk))
                .updateExpression("SET amount = amount " + sign + " :one")
                .expressionAttributeValues(Map.of(":one", n(1)))).build();
    }

    /** The two amounts read in one transaction; empty if the read was cancelled by a concurrent write. */
    private Optional<Long> readSum(String table) {
        try {
            var response = dynamo.transactGetItems(r -> r.transactItems(
                    TransactGetItem.builder().get(g -> g.tableName(table).key(key("left"))).build(),
                    TransactGetItem.builder().get(g -> g.tableName(table).key(key("right"))).build()));
            long sum = 0;
            for (var got : response.responses()) {
                AttributeValue amount = got.item().get("amount");
                sum += Long.parseLong(amount.n());
            }
            return Optional.of(sum);
        } catch (TransactionCanceledException conflict) {
            return Optional.empty();
        }
    }

    private static <T> List<T> runConcurrently(Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                futures.add(pool.submit(work));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
