package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Values.b;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class SetsAndBinaryTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void sets_shouldComeBackWithTheSameMembers() {
        String table = Tables.hashKeyTable(dynamo);

        Map<String, AttributeValue> stored = roundTrip(table, item("pk", s("a"),
                "ss", Values.ss("b", "a", "c"),
                "ns", Values.ns("3", "1.0", "2"),
                "bs", AttributeValue.fromBs(List.of(bytes(3), bytes(1), bytes(2)))));

        assertThat(stored.get("ss").ss()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(stored.get("ns").ns()).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(stored.get("bs").bs()).containsExactlyInAnyOrder(bytes(1), bytes(2), bytes(3));
    }

    @Test
    void sets_shouldRefuse_beingEmpty() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "ss", AttributeValue.fromSs(List.of())))));
        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "ns", AttributeValue.fromNs(List.of())))));
        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "bs", AttributeValue.fromBs(List.of())))));
    }

    @Test
    void sets_shouldRefuse_duplicateMembers() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "ss", Values.ss("x", "x")))));
        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "ns", Values.ns("1", "1.0")))));
        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"),
                "bs", AttributeValue.fromBs(List.of(bytes(1), bytes(1)))))));
    }

    @Test
    void binary_shouldComeBackByteForByte_includingEveryByteValue() {
        String table = Tables.hashKeyTable(dynamo);
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }

        Map<String, AttributeValue> stored = roundTrip(table,
                item("pk", s("a"), "bin", AttributeValue.fromB(SdkBytes.fromByteArray(all))));

        assertThat(stored.get("bin").b().asByteArray()).isEqualTo(all);
    }

    @Test
    void binary_shouldServeAsAPartitionKey() {
        String table = Tables.create(dynamo, t -> t.attributeDefinitions(Tables.attribute("pk", ScalarAttributeType.B)));

        dynamo.putItem(r -> r.tableName(table).item(item("pk", b(0xde, 0xad), "v", s("x"))));

        assertThat(dynamo.getItem(r -> r.tableName(table).key(item("pk", b(0xde, 0xad))).consistentRead(true)).item())
                .isEqualTo(item("pk", b(0xde, 0xad), "v", s("x")));
    }

    @Test
    void booleansNullsListsAndMaps_shouldComeBackAsStored() {
        String table = Tables.hashKeyTable(dynamo);
        Map<String, AttributeValue> stored = item("pk", s("a"), "t", Values.bool(true), "f", Values.bool(false),
                "nul", Values.nul(), "l", Values.list(s("x"), Values.n(1), Values.list()), "m", Values.map(),
                "deep", Values.map("k", Values.map("k", Values.list(Values.bool(true)))));

        assertThat(roundTrip(table, stored)).isEqualTo(stored);
    }

    private Map<String, AttributeValue> roundTrip(String table, Map<String, AttributeValue> item) {
        dynamo.putItem(r -> r.tableName(table).item(item));
        return dynamo.getItem(r -> r.tableName(table).key(key(item.get("pk").s())).consistentRead(true)).item();
    }

    private static SdkBytes bytes(int value) {
        return SdkBytes.fromByteArray(new byte[] {(byte) value});
    }
}
