package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Refusals.refused;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.list;
import static nhssm.local.dynamodb.conformance.Values.map;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class GetItemTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void getItem_shouldReturnTheStoredItem() {
        String table = Tables.hashKeyTable(dynamo);
        var stored = item("pk", s("a"), "n", n(7), "m", map("x", list(s("y"))));
        dynamo.putItem(r -> r.tableName(table).item(stored));

        GetItemResponse response = dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true));

        assertThat(response.item()).isEqualTo(stored);
    }

    @Test
    void getItem_shouldReturnNoItem_whenNoneHasTheKey() {
        String table = Tables.hashKeyTable(dynamo);

        GetItemResponse response = dynamo.getItem(r -> r.tableName(table).key(key("missing")).consistentRead(true));

        assertThat(response.hasItem()).isFalse();
    }

    @Test
    void getItem_shouldReturnOnlyTheProjectedAttributes() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "keep", n(1), "drop", n(2),
                "m", map("in", s("x"), "out", s("y")))));

        GetItemResponse response = dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)
                .projectionExpression("keep, m.#in")
                .expressionAttributeNames(Map.of("#in", "in")));

        assertThat(response.item()).isEqualTo(item("keep", n(1), "m", map("in", s("x"))));
    }

    @Test
    void getItem_shouldProjectListElements_asAListOfThoseElements() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "letters", list(s("x"), s("y"), s("z")))));

        GetItemResponse response = dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)
                .projectionExpression("letters[2], letters[0], absent"));

        assertThat(response.item()).isEqualTo(item("letters", list(s("x"), s("z"))));
    }

    @Test
    void getItem_shouldRefuse_aKeyWithAnAttributeThatIsNotPartOfIt() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.getItem(r -> r.tableName(table).key(item("pk", s("a"), "extra", s("b")))));
    }

    @Test
    void getItem_shouldRefuse_aKeyWithoutItsSortKey() {
        String table = Tables.hashAndSortKeyTable(dynamo, ScalarAttributeType.N);

        invalid(() -> dynamo.getItem(r -> r.tableName(table).key(key("a"))));
    }

    @Test
    void getItem_shouldRefuse_aKeyOfTheWrongType() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.getItem(r -> r.tableName(table).key(item("pk", n(1)))));
    }

    @Test
    void getItem_shouldRefuseWithResourceNotFound_whenTheTableDoesNotExist() {
        refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> dynamo.getItem(r -> r.tableName(EngineExtension.newTableName()).key(key("a"))));
    }
}
