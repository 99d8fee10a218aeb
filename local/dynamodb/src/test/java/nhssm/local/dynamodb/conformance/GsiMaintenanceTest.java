package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Tables.attribute;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A GSI follows the table's writes: items move with their index key, leave with it, and a wrong-typed one is refused. */
class GsiMaintenanceTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    /** GSIs are eventually consistent on the service. */
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void updateItem_shouldMoveTheItem_toItsNewIndexKey() {
        String table = indexedTable();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "g", s("old"))));
        awaitIndexHolds(table, "old", List.of(s("a")));

        dynamo.updateItem(r -> r.tableName(table).key(key("a")).updateExpression("SET g = :new")
                .expressionAttributeValues(Map.of(":new", s("new"))));

        awaitIndexHolds(table, "new", List.of(s("a")));
        awaitIndexHolds(table, "old", List.of());
    }

    @Test
    void deleteItem_shouldRemoveTheItemFromTheIndex() {
        String table = indexedTable();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "g", s("G"))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("b"), "g", s("G"))));
        awaitIndexHolds(table, "G", List.of(s("a"), s("b")));

        dynamo.deleteItem(r -> r.tableName(table).key(key("a")));

        awaitIndexHolds(table, "G", List.of(s("b")));
    }

    @Test
    void removingTheIndexKey_shouldTakeTheItemOutOfTheIndex() {
        String table = indexedTable();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "g", s("G"))));
        awaitIndexHolds(table, "G", List.of(s("a")));

        dynamo.updateItem(r -> r.tableName(table).key(key("a")).updateExpression("REMOVE g"));

        awaitIndexHolds(table, "G", List.of());
    }

    @Test
    void putItem_shouldRefuse_anIndexKeyOfTheWrongType() {
        String table = indexedTable();

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "g", n(1)))));

        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).hasItem()).isFalse();
    }

    @Test
    void updateItem_shouldRefuse_settingAnIndexKeyOfTheWrongType() {
        String table = indexedTable();
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "g", s("G"))));

        invalid(() -> dynamo.updateItem(r -> r.tableName(table).key(key("a")).updateExpression("SET g = :n")
                .expressionAttributeValues(Map.of(":n", n(1)))));

        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).item().get("g"))
                .isEqualTo(s("G"));
    }

    private String indexedTable() {
        return Tables.create(dynamo, b -> b
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("g", ScalarAttributeType.S))
                .globalSecondaryIndexes(i -> i.indexName("byG")
                        .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
    }

    private void awaitIndexHolds(String table, String g, List<AttributeValue> pks) {
        Poll.until(CATCH_UP, "index entries " + pks + " under " + g, () -> {
            List<AttributeValue> found = dynamo.query(r -> r.tableName(table).indexName("byG")
                            .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s(g))))
                    .items().stream().map(i -> i.get("pk")).sorted(Comparator.comparing(AttributeValue::s)).toList();
            return found.equals(pks) ? Optional.of(found) : Optional.empty();
        });
    }
}
