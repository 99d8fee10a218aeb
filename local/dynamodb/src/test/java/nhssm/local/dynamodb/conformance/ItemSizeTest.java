package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Values.ascii;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The 400 KB item limit, counted as the Developer Guide describes: the UTF-8 lengths of the attribute
 * names plus the sizes of their values.
 */
class ItemSizeTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private static final int LIMIT = 400 * 1024;
    /** "pk" (2) + "a" (1) + "data" (4). */
    private static final int OVERHEAD = 7;

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void putItem_shouldStore_anItemJustUnder400KB() {
        String table = Tables.hashKeyTable(dynamo);
        String data = ascii(LIMIT - OVERHEAD - 16);

        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "data", s(data))));

        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).item().get("data").s())
                .hasSize(data.length());
    }

    @Test
    void putItem_shouldRefuse_anItemOver400KB() {
        String table = Tables.hashKeyTable(dynamo);
        String data = ascii(LIMIT - OVERHEAD + 1);

        var error = invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "data", s(data)))));

        assertThat(Refusals.message(error)).contains("Item size has exceeded the maximum allowed size");
        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).hasItem()).isFalse();
    }

    @Test
    void putItem_shouldCountAttributeNames_towardsTheLimit() {
        String table = Tables.hashKeyTable(dynamo);
        String longName = ascii(200);
        // The value alone fits; with the long name the item is over the limit.
        String data = ascii(LIMIT - 3 - longName.length() + 1);

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), longName, s(data)))));
    }

    @Test
    void putItem_shouldCountEveryAttribute_ofAnItemWithManySmallOnes() {
        String table = Tables.hashKeyTable(dynamo);
        // 20,000 attributes of a 6-byte name and a 15-byte value: 420,000 bytes.
        Map<String, AttributeValue> many = new HashMap<>();
        many.put("pk", s("a"));
        for (int i = 0; i < 20_000; i++) {
            many.put(String.format("a%05d", i), s(ascii(15)));
        }

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(many)));
    }

    @Test
    void putItem_shouldCountUtf8Bytes_notCharacters() {
        String table = Tables.hashKeyTable(dynamo);
        // Characters of two UTF-8 bytes each: 150,000 of them fit; 205,000 (410,000 bytes) do not.
        String fits = "\u00e9".repeat(150_000);
        String tooBig = "\u00e9".repeat(205_000);

        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "data", s(fits))));
        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("b"), "data", s(tooBig)))));
    }

    @Test
    void updateItem_shouldRefuse_growingAnItemOver400KB() {
        String table = Tables.hashKeyTable(dynamo);
        String half = ascii(LIMIT / 2);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "one", s(half))));

        invalid(() -> dynamo.updateItem(r -> r.tableName(table).key(key("a")).updateExpression("SET two = :v")
                .expressionAttributeValues(Map.of(":v", s(half)))));

        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).item())
                .containsOnlyKeys("pk", "one");
    }
}
