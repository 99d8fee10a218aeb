package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Refusals.refused;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchWriteItemTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void batchWriteItem_shouldPutAndDelete_acrossTables() {
        String first = Tables.hashKeyTable(dynamo);
        String second = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(second).item(item("pk", s("old"))));

        BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(Map.of(
                first, List.of(put(item("pk", s("a"), "v", n(1))), put(item("pk", s("b")))),
                second, List.of(delete(key("old"))))));

        assertThat(response.unprocessedItems()).isEmpty();
        assertThat(get(first, "a")).isEqualTo(item("pk", s("a"), "v", n(1)));
        assertThat(get(first, "b")).isEqualTo(item("pk", s("b")));
        assertThat(get(second, "old")).isNull();
    }

    @Test
    void batchWriteItem_shouldAccept25Requests() {
        String table = Tables.hashKeyTable(dynamo);

        dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, puts(25))));

        assertThat(dynamo.scan(r -> r.tableName(table).consistentRead(true)).count()).isEqualTo(25);
    }

    @Test
    void batchWriteItem_shouldRefuse_moreThan25Requests_andWriteNone() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, puts(26)))));

        assertThat(dynamo.scan(r -> r.tableName(table).consistentRead(true)).count()).isZero();
    }

    @Test
    void batchWriteItem_shouldRefuse_twoRequestsForTheSameItem_andWriteNone() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
                put(item("pk", s("a"), "v", n(1))), put(item("pk", s("b"))), delete(key("a")))))));

        assertThat(dynamo.scan(r -> r.tableName(table).consistentRead(true)).count()).isZero();
    }

    @Test
    void batchWriteItem_shouldRefuse_anItemWithoutItsKey_andWriteNone() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
                put(item("pk", s("a"))), put(item("other", s("b"))))))));

        assertThat(dynamo.scan(r -> r.tableName(table).consistentRead(true)).count()).isZero();
    }

    @Test
    void batchWriteItem_shouldRefuse_anItemOver400KB_andWriteNone() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
                put(item("pk", s("small"))), put(item("pk", s("big"), "data", s(Values.ascii(410 * 1024)))))))));

        assertThat(get(table, "small")).isNull();
    }

    @Test
    void batchWriteItem_shouldRefuse_anEmptyRequest() {
        invalid(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of())));
    }

    @Test
    void batchWriteItem_shouldRefuseWithResourceNotFound_whenATableDoesNotExist() {
        refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> dynamo.batchWriteItem(r -> r.requestItems(Map.of(EngineExtension.newTableName(),
                        List.of(put(item("pk", s("a"))))))));
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    private static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(d -> d.key(key)).build();
    }

    private static List<WriteRequest> puts(int count) {
        return IntStream.range(0, count).mapToObj(i -> put(item("pk", s("k" + i)))).toList();
    }

    private Map<String, AttributeValue> get(String table, String pk) {
        var response = dynamo.getItem(r -> r.tableName(table).key(key(pk)).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }
}
