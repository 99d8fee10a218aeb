package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;

class TransactGetItemsTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void transactGetItems_shouldReturnOneResponsePerGet_inRequestOrder() {
        String first = Tables.hashKeyTable(dynamo);
        String second = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(first).item(item("pk", s("a"), "v", n(1))));
        dynamo.putItem(r -> r.tableName(second).item(item("pk", s("b"), "v", n(2))));

        TransactGetItemsResponse response = dynamo.transactGetItems(r -> r.transactItems(
                get(second, "b"), get(first, "missing"), get(first, "a")));

        assertThat(response.responses()).hasSize(3);
        assertThat(response.responses().get(0).item()).isEqualTo(item("pk", s("b"), "v", n(2)));
        assertThat(response.responses().get(1).hasItem()).isFalse();
        assertThat(response.responses().get(2).item()).isEqualTo(item("pk", s("a"), "v", n(1)));
    }

    @Test
    void transactGetItems_shouldReturnOnlyTheProjectedAttributes() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "keep", n(1), "drop", n(2))));

        TransactGetItemsResponse response = dynamo.transactGetItems(r -> r.transactItems(
                TransactGetItem.builder().get(g -> g.tableName(table).key(key("a")).projectionExpression("keep")).build()));

        assertThat(response.responses().get(0).item()).isEqualTo(item("keep", n(1)));
    }

    @Test
    void transactGetItems_shouldRefuse_moreThan100Gets() {
        String table = Tables.hashKeyTable(dynamo);
        List<TransactGetItem> gets = IntStream.range(0, 101).mapToObj(i -> get(table, "k" + i)).toList();

        invalid(() -> dynamo.transactGetItems(r -> r.transactItems(gets)));
    }

    @Test
    void transactGetItems_shouldRefuse_theSameItemTwice() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.transactGetItems(r -> r.transactItems(get(table, "a"), get(table, "a"))));
    }

    @Test
    void transactGetItems_shouldRefuseWithResourceNotFound_whenATableDoesNotExist() {
        String table = Tables.hashKeyTable(dynamo);

        Refusals.refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> dynamo.transactGetItems(r -> r.transactItems(get(table, "a"), get(EngineExtension.newTableName(), "b"))));
    }

    private static TransactGetItem get(String table, String pk) {
        return TransactGetItem.builder().get(g -> g.tableName(table).key(key(pk))).build();
    }
}
