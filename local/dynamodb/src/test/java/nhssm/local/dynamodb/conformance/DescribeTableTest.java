package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.message;
import static nhssm.local.dynamodb.conformance.Refusals.refused;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class DescribeTableTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void describeTable_shouldDescribeAnActiveTable() {
        String name = Tables.hashAndSortKeyTable(dynamo, ScalarAttributeType.B);

        TableDescription table = dynamo.describeTable(r -> r.tableName(name)).table();

        assertThat(table.tableName()).isEqualTo(name);
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.keySchema()).containsExactly(Tables.hash(Tables.PK), Tables.range(Tables.SK));
        assertThat(table.attributeDefinitions()).containsExactlyInAnyOrder(
                Tables.attribute(Tables.PK, ScalarAttributeType.S), Tables.attribute(Tables.SK, ScalarAttributeType.B));
        assertThat(table.tableArn()).endsWith(":table/" + name);
        assertThat(table.tableId()).isNotBlank();
        assertThat(table.itemCount()).isNotNull();
        assertThat(table.tableSizeBytes()).isNotNull();
    }

    @Test
    void describeTable_shouldNotDescribeAStream_whenTheTableHasNone() {
        String name = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(name).item(item("pk", s("a"))));

        TableDescription table = dynamo.describeTable(r -> r.tableName(name)).table();

        assertThat(table.latestStreamArn()).isNull();
        assertThat(table.latestStreamLabel()).isNull();
    }

    @Test
    void describeTable_shouldRefuseWithResourceNotFound_whenTheTableDoesNotExist() {
        var error = refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> dynamo.describeTable(r -> r.tableName(EngineExtension.newTableName())));

        assertThat(message(error)).startsWith("Requested resource not found");
    }
}
