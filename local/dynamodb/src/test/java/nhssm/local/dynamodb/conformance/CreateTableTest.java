package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Refusals.refused;
import static nhssm.local.dynamodb.conformance.Tables.PK;
import static nhssm.local.dynamodb.conformance.Tables.SK;
import static nhssm.local.dynamodb.conformance.Tables.attribute;
import static nhssm.local.dynamodb.conformance.Tables.hash;
import static nhssm.local.dynamodb.conformance.Tables.range;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class CreateTableTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void createTable_shouldDescribeTheNewTable_withItsKeySchemaAndAttributes() {
        String name = EngineExtension.newTableName();

        CreateTableResponse response = dynamo.createTable(r -> r.tableName(name)
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S), attribute(SK, ScalarAttributeType.N))
                .keySchema(hash(PK), range(SK))
                .billingMode(BillingMode.PAY_PER_REQUEST));

        TableDescription table = response.tableDescription();
        assertThat(table.tableName()).isEqualTo(name);
        assertThat(table.tableStatus()).isIn(TableStatus.CREATING, TableStatus.ACTIVE);
        assertThat(table.keySchema()).containsExactly(hash(PK), range(SK));
        assertThat(table.attributeDefinitions())
                .containsExactlyInAnyOrder(attribute(PK, ScalarAttributeType.S), attribute(SK, ScalarAttributeType.N));
        assertThat(table.tableArn()).startsWith("arn:aws:dynamodb:eu-west-2:").endsWith(":table/" + name);
        assertThat(table.creationDateTime()).isNotNull();
        assertThat(Tables.awaitActive(dynamo, name).tableStatus()).isEqualTo(TableStatus.ACTIVE);
    }

    @Test
    void createTable_shouldAcceptPayPerRequest_andReportItsBillingMode() {
        String name = Tables.create(dynamo, b -> b.billingMode(BillingMode.PAY_PER_REQUEST));

        TableDescription table = dynamo.describeTable(r -> r.tableName(name)).table();

        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void createTable_shouldAcceptProvisioned_andReportItsThroughput() {
        String name = Tables.create(dynamo, b -> b.billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(3L).writeCapacityUnits(2L).build()));

        TableDescription table = dynamo.describeTable(r -> r.tableName(name)).table();

        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(3L);
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(2L);
    }

    @Test
    void createTable_shouldDefaultToProvisioned_whenNoBillingModeIsGiven() {
        String name = Tables.create(dynamo, b -> b.billingMode((BillingMode) null)
                .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(1L).writeCapacityUnits(1L).build()));

        TableDescription table = dynamo.describeTable(r -> r.tableName(name)).table();

        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(1L);
        assertThat(table.billingModeSummary() == null
                || table.billingModeSummary().billingMode() == BillingMode.PROVISIONED).isTrue();
    }

    @Test
    void createTable_shouldRefuseProvisioned_withoutThroughput() {
        invalid(() -> dynamo.createTable(r -> r.tableName(EngineExtension.newTableName())
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S))
                .keySchema(hash(PK))
                .billingMode(BillingMode.PROVISIONED)));
    }

    @Test
    void createTable_shouldRefusePayPerRequest_withThroughput() {
        invalid(() -> dynamo.createTable(r -> r.tableName(EngineExtension.newTableName())
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S))
                .keySchema(hash(PK))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(1L).writeCapacityUnits(1L).build())));
    }

    @Test
    void createTable_shouldDescribeEachGsiProjectionType() {
        String name = Tables.create(dynamo, b -> b
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S), attribute("g", ScalarAttributeType.S))
                .globalSecondaryIndexes(
                        gsi("all", Projection.builder().projectionType(ProjectionType.ALL).build()),
                        gsi("keys", Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()),
                        gsi("include", Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("kept").build())));

        TableDescription table = dynamo.describeTable(r -> r.tableName(name)).table();

        assertThat(table.globalSecondaryIndexes()).hasSize(3);
        assertThat(table.globalSecondaryIndexes()).allSatisfy(index -> {
            assertThat(index.keySchema()).containsExactly(hash("g"));
            assertThat(index.indexStatusAsString()).isEqualTo("ACTIVE");
            assertThat(index.indexArn()).endsWith(":table/" + name + "/index/" + index.indexName());
        });
        assertThat(table.globalSecondaryIndexes()).anySatisfy(index -> {
            assertThat(index.indexName()).isEqualTo("include");
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
            assertThat(index.projection().nonKeyAttributes()).containsExactly("kept");
        });
        assertThat(table.globalSecondaryIndexes()).anySatisfy(index -> {
            assertThat(index.indexName()).isEqualTo("keys");
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        });
        assertThat(table.globalSecondaryIndexes()).anySatisfy(index -> {
            assertThat(index.indexName()).isEqualTo("all");
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
    }

    @Test
    void createTable_shouldDescribeItsStream_whenStreamSpecificationEnablesOne() {
        String name = Tables.create(dynamo, b -> b.streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));

        TableDescription table = dynamo.describeTable(r -> r.tableName(name)).table();

        assertThat(table.streamSpecification().streamEnabled()).isTrue();
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.latestStreamArn()).startsWith(table.tableArn() + "/stream/");
        assertThat(table.latestStreamLabel()).isNotBlank();
        assertThat(table.latestStreamArn()).endsWith("/stream/" + table.latestStreamLabel());
    }

    @Test
    void createTable_shouldRefuseAStream_withoutAViewType() {
        invalid(() -> dynamo.createTable(r -> r.tableName(EngineExtension.newTableName())
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S))
                .keySchema(hash(PK))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true))));
    }

    @Test
    void createTable_shouldRefuse_whenAnAttributeDefinitionIsUnused() {
        invalid(() -> dynamo.createTable(r -> r.tableName(EngineExtension.newTableName())
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S), attribute("unused", ScalarAttributeType.S))
                .keySchema(hash(PK))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    void createTable_shouldRefuse_whenAKeyAttributeIsNotDefined() {
        invalid(() -> dynamo.createTable(r -> r.tableName(EngineExtension.newTableName())
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S))
                .keySchema(hash(PK), range(SK))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    void createTable_shouldRefuse_aKeyTypeOtherThanStringNumberOrBinary() {
        invalid(() -> dynamo.createTable(r -> r.tableName(EngineExtension.newTableName())
                .attributeDefinitions(AttributeDefinition.builder().attributeName(PK).attributeType("BOOL").build())
                .keySchema(hash(PK))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    void createTable_shouldRefuse_twoHashKeys() {
        invalid(() -> dynamo.createTable(r -> r.tableName(EngineExtension.newTableName())
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S), attribute(SK, ScalarAttributeType.S))
                .keySchema(hash(PK), hash(SK))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    void createTable_shouldRefuse_aKeySchemaStartingWithTheSortKey() {
        invalid(() -> dynamo.createTable(r -> r.tableName(EngineExtension.newTableName())
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S), attribute(SK, ScalarAttributeType.S))
                .keySchema(range(SK), hash(PK))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    void createTable_shouldRefuse_aTableNameTooShortOrWithInvalidCharacters() {
        invalid(() -> dynamo.createTable(r -> r.tableName("ab")
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S))
                .keySchema(hash(PK))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
        invalid(() -> dynamo.createTable(r -> r.tableName("has space")
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S))
                .keySchema(hash(PK))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    void createTable_shouldAccept255CharacterNames_andRefuseLonger() {
        String longest = "t".repeat(255);
        Tables.create(dynamo, b -> b.tableName(longest));

        invalid(() -> dynamo.createTable(r -> r.tableName("t".repeat(256))
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S))
                .keySchema(hash(PK))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    void createTable_shouldRefuse_anIndexNameShorterThan3Characters() {
        invalid(() -> dynamo.createTable(r -> r.tableName(EngineExtension.newTableName())
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S), attribute("g", ScalarAttributeType.S))
                .keySchema(hash(PK))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(gsi("ab", Projection.builder().projectionType(ProjectionType.ALL).build()))));
    }

    @Test
    void createTable_shouldRefuse_aKeyAttributeNameOver255Characters() {
        String longName = "k".repeat(256);

        invalid(() -> dynamo.createTable(r -> r.tableName(EngineExtension.newTableName())
                .attributeDefinitions(attribute(longName, ScalarAttributeType.S))
                .keySchema(hash(longName))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    void createTable_shouldRefuse_aGsiKeyWithoutAnAttributeDefinition() {
        invalid(() -> dynamo.createTable(r -> r.tableName(EngineExtension.newTableName())
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S))
                .keySchema(hash(PK))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(gsi("byG", Projection.builder().projectionType(ProjectionType.ALL).build()))));
    }

    @Test
    void createTable_shouldRefuseWithResourceInUse_whenTheTableExists() {
        String name = Tables.hashKeyTable(dynamo);

        refused(ResourceInUseException.class, "ResourceInUseException", () -> dynamo.createTable(r -> r.tableName(name)
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S))
                .keySchema(hash(PK))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    void createTable_shouldRefuse_twoIndexesWithTheSameName() {
        invalid(() -> dynamo.createTable(r -> r.tableName(EngineExtension.newTableName())
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S), attribute("g", ScalarAttributeType.S))
                .keySchema(hash(PK))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(
                        gsi("same", Projection.builder().projectionType(ProjectionType.ALL).build()),
                        gsi("same", Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()))));
    }

    @Test
    void createTable_shouldRefuse_nonKeyAttributesOnAProjectionOtherThanInclude() {
        invalid(() -> dynamo.createTable(r -> r.tableName(EngineExtension.newTableName())
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S), attribute("g", ScalarAttributeType.S))
                .keySchema(hash(PK))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(gsi("all", Projection.builder().projectionType(ProjectionType.ALL)
                        .nonKeyAttributes("kept").build()))));
    }

    private static GlobalSecondaryIndex gsi(String name, Projection projection) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(b -> b.attributeName("g").keyType(KeyType.HASH))
                .projection(projection)
                .build();
    }
}
