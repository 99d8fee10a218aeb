package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Refusals.refused;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class BatchGetItemTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void batchGetItem_shouldReturnTheItemsFound_fromSeveralTables() {
        String first = Tables.hashKeyTable(dynamo);
        String second = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(first).item(item("pk", s("a"), "v", n(1))));
        dynamo.putItem(r -> r.tableName(second).item(item("pk", s("b"), "v", n(2))));

        BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(Map.of(
                first, keys(key("a"), key("missing")),
                second, keys(key("b")))));

        assertThat(response.responses().get(first)).containsExactly(item("pk", s("a"), "v", n(1)));
        assertThat(response.responses().get(second)).containsExactly(item("pk", s("b"), "v", n(2)));
        assertThat(response.unprocessedKeys()).isEmpty();
    }

    @Test
    void batchGetItem_shouldReturnOnlyTheProjectedAttributes() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "keep", n(1), "drop", n(2))));

        BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(key("a")).projectionExpression("keep").consistentRead(true).build())));

        assertThat(response.responses().get(table)).containsExactly(item("keep", n(1)));
    }

    @Test
    void batchGetItem_shouldAccept100Keys() {
        String table = Tables.hashKeyTable(dynamo);

        BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(Map.of(table, keys(distinctKeys(100)))));

        assertThat(response.responses().get(table)).isEmpty();
    }

    @Test
    void batchGetItem_shouldReturnUnprocessedKeys_beyond16MB_andEachItemOnceAcrossRetries() {
        String table = Tables.hashKeyTable(dynamo);
        String large = Values.ascii(390 * 1024);
        List<Map<String, AttributeValue>> keys = distinctKeys(50);
        for (Map<String, AttributeValue> key : keys) {
            dynamo.putItem(r -> r.tableName(table).item(item("pk", key.get("pk"), "data", s(large))));
        }

        BatchGetItemResponse first = dynamo.batchGetItem(r -> r.requestItems(Map.of(table, keys(keys))));
        List<AttributeValue> seen = new ArrayList<>();
        first.responses().get(table).forEach(i -> seen.add(i.get("pk")));
        Map<String, KeysAndAttributes> unprocessed = first.unprocessedKeys();
        for (int round = 0; round < 20 && !unprocessed.isEmpty(); round++) {
            Map<String, KeysAndAttributes> retry = unprocessed;
            BatchGetItemResponse next = dynamo.batchGetItem(r -> r.requestItems(retry));
            next.responses().getOrDefault(table, List.of()).forEach(i -> seen.add(i.get("pk")));
            unprocessed = next.unprocessedKeys();
        }

        // 50 items of 390 KB are about 19 MB: more than one response holds.
        assertThat(first.unprocessedKeys()).containsKey(table);
        assertThat(first.responses().get(table).size()).isLessThan(50);
        assertThat(seen).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void batchGetItem_shouldRefuse_moreThan100Keys() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of(table, keys(distinctKeys(101))))));
    }

    @Test
    void batchGetItem_shouldRefuse_theSameKeyTwice() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of(table, keys(key("a"), key("a"))))));
    }

    @Test
    void batchGetItem_shouldRefuse_anEmptyRequest() {
        invalid(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of())));
    }

    @Test
    void batchGetItem_shouldRefuseWithResourceNotFound_whenATableDoesNotExist() {
        refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> dynamo.batchGetItem(r -> r.requestItems(Map.of(EngineExtension.newTableName(), keys(key("a"))))));
    }

    @SafeVarargs
    private static KeysAndAttributes keys(Map<String, AttributeValue>... keys) {
        return KeysAndAttributes.builder().keys(keys).consistentRead(true).build();
    }

    private static KeysAndAttributes keys(List<Map<String, AttributeValue>> keys) {
        return KeysAndAttributes.builder().keys(keys).consistentRead(true).build();
    }

    private static List<Map<String, AttributeValue>> distinctKeys(int count) {
        return IntStream.range(0, count).mapToObj(i -> key("k" + i)).toList();
    }
}
