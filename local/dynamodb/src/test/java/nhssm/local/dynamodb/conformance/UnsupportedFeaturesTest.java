package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.message;
import static nhssm.local.dynamodb.conformance.Refusals.refused;
import static nhssm.local.dynamodb.conformance.Tables.attribute;
import static nhssm.local.dynamodb.conformance.Tables.hash;
import static nhssm.local.dynamodb.conformance.Tables.range;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import java.util.Map;

/**
 * What the engine leaves out (LSIs, PartiQL, backups, the legacy parameters) it refuses by name rather
 * than ignore, so code that relies on them fails here as it would behave differently on AWS. The service
 * implements all of these, so this class is the engine's alone: tagged, for a run against the service
 * to exclude.
 */
@Tag("engine-only")
class UnsupportedFeaturesTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void createTable_shouldRefuseLocalSecondaryIndexes_byName() {
        var error = refused(DynamoDbException.class, "ValidationException", () -> dynamo.createTable(r -> r
                .tableName(EngineExtension.newTableName())
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S),
                        attribute("l", ScalarAttributeType.S))
                .keySchema(hash("pk"), range("sk"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .localSecondaryIndexes(i -> i.indexName("local")
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("l").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));

        assertThat(message(error)).contains("LocalSecondaryIndexes");
    }

    @Test
    void executeStatement_shouldBeRefused_asAnUnknownOperation() {
        refused(DynamoDbException.class, "UnknownOperationException",
                () -> dynamo.executeStatement(r -> r.statement("SELECT * FROM anything")));
    }

    @Test
    void createBackup_shouldBeRefused_asAnUnknownOperation() {
        String table = Tables.hashKeyTable(dynamo);

        refused(DynamoDbException.class, "UnknownOperationException",
                () -> dynamo.createBackup(r -> r.tableName(table).backupName("backup")));
    }

    @Test
    void getItem_shouldRefuseTheLegacyAttributesToGet_byName() {
        String table = Tables.hashKeyTable(dynamo);

        var error = refused(DynamoDbException.class, "ValidationException",
                () -> dynamo.getItem(r -> r.tableName(table).key(key("a")).attributesToGet("pk")));

        assertThat(message(error)).contains("AttributesToGet");
    }

    @Test
    void putItem_shouldRefuseTheLegacyExpected_byName() {
        String table = Tables.hashKeyTable(dynamo);

        var error = refused(DynamoDbException.class, "ValidationException",
                () -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a")))
                        .expected(Map.of("pk", ExpectedAttributeValue
                                .builder().exists(false).build()))));

        assertThat(message(error)).contains("Expected");
        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).hasItem()).isFalse();
    }
}
