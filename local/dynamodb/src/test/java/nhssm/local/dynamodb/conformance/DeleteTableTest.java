package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.refused;
import static nhssm.local.dynamodb.conformance.Values.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class DeleteTableTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void deleteTable_shouldDescribeTheTableAsDeleting_andThenItIsGone() {
        String name = Tables.hashKeyTable(dynamo);

        DeleteTableResponse response = dynamo.deleteTable(r -> r.tableName(name));

        assertThat(response.tableDescription().tableName()).isEqualTo(name);
        assertThat(response.tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
        awaitGone(name);
        refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> dynamo.getItem(r -> r.tableName(name).key(key("a"))));
    }

    @Test
    void deleteTable_shouldRefuseWithResourceNotFound_whenTheTableDoesNotExist() {
        refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> dynamo.deleteTable(r -> r.tableName(EngineExtension.newTableName())));
    }

    @Test
    void deleteTable_shouldLetTheNameBeUsedAgain_withNoneOfTheOldItems() {
        String name = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(name).item(key("a")));
        dynamo.deleteTable(r -> r.tableName(name));
        awaitGone(name);

        Tables.create(dynamo, b -> b.tableName(name));

        assertThat(dynamo.getItem(r -> r.tableName(name).key(key("a")).consistentRead(true)).hasItem()).isFalse();
    }

    private void awaitGone(String name) {
        Poll.until(Duration.ofSeconds(120), "table " + name + " deleted", () -> {
            try {
                dynamo.describeTable(r -> r.tableName(name));
                return Optional.empty();
            } catch (ResourceNotFoundException gone) {
                return Optional.of(gone);
            }
        });
    }
}
