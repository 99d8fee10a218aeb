package nhssm.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TemplateTableTest {

    private static DynamoDbEngineServer server;

    @BeforeAll
    static void startServer() {
        server = DynamoDbEngineServer.startInMemory();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void locateTemplate_shouldFindTheProjectTemplate_fromTheModuleDirectory() {
        Path template = TemplateTable.locateTemplate();

        assertThat(template.getFileName()).hasToString("template.yaml");
        assertThat(template.getParent().resolve("pom.xml")).exists();
        assertThat(template.getParent().resolve("local/dynamodb")).isDirectory();
    }

    @Test
    void createTableRequest_shouldFollowTheTemplate() {
        var request = TemplateTable.surveyTable().createTableRequest("t");

        assertThat(request.tableName()).isEqualTo("t");
        assertThat(request.keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
        assertThat(request.attributeDefinitions()).containsExactlyInAnyOrder(
                string("pk"), string("sk"), string("gsi1pk"), string("gsi1sk"));
        assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(request.provisionedThroughput()).isNull();
        assertThat(request.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.indexName()).isEqualTo("GSI1");
            assertThat(gsi.keySchema()).containsExactly(key("gsi1pk", KeyType.HASH), key("gsi1sk", KeyType.RANGE));
            assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
        assertThat(request.streamSpecification().streamEnabled()).isTrue();
        assertThat(request.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(TemplateTable.surveyTable().timeToLive()).hasValueSatisfying(ttl -> {
            assertThat(ttl.attributeName()).isEqualTo("ttl");
            assertThat(ttl.enabled()).isTrue();
        });
    }

    @Test
    void createIn_shouldMakeTheTableTheTemplateDeclares() {
        var client = server.client();

        TemplateTable.surveyTable().createIn(client, "survey-described");

        var table = client.describeTable(r -> r.tableName("survey-described")).table();
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
        assertThat(table.attributeDefinitions()).containsExactlyInAnyOrder(
                string("pk"), string("sk"), string("gsi1pk"), string("gsi1sk"));
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.indexName()).isEqualTo("GSI1");
            assertThat(gsi.keySchema()).containsExactly(key("gsi1pk", KeyType.HASH), key("gsi1sk", KeyType.RANGE));
            assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
        assertThat(table.streamSpecification().streamEnabled()).isTrue();
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.latestStreamArn()).isNotBlank();

        var ttl = client.describeTimeToLive(r -> r.tableName("survey-described")).timeToLiveDescription();
        assertThat(ttl.attributeName()).isEqualTo("ttl");
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @Test
    void fromTemplate_shouldRefuseAMissingTable() {
        assertThatThrownBy(() -> TemplateTable.fromTemplate(TemplateTable.locateTemplate(), "NoSuchTable"))
                .isInstanceOf(LocalDynamoDbException.class)
                .hasMessageContaining("no AWS::DynamoDB::Table resource named NoSuchTable");
    }

    @Test
    void fromTemplate_shouldRefuseAnIntrinsicInTheTableProperties(@TempDir Path dir) throws IOException {
        Path template = write(dir, """
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: !If [Big, PROVISIONED, PAY_PER_REQUEST]
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                """);

        assertThatThrownBy(() -> TemplateTable.fromTemplate(template, "T"))
                .isInstanceOf(LocalDynamoDbException.class)
                .hasMessageContaining("Fn::If");
    }

    @Test
    void fromTemplate_shouldRefuseAPropertyItDoesNotKnow(@TempDir Path dir) throws IOException {
        Path template = write(dir, """
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                      SomethingNew: true
                """);

        assertThatThrownBy(() -> TemplateTable.fromTemplate(template, "T"))
                .isInstanceOf(LocalDynamoDbException.class)
                .hasMessageContaining("SomethingNew");
    }

    @Test
    void fromTemplate_shouldApplyProvisionedThroughput_andLeaveTtlOff_whenDisabled(@TempDir Path dir) throws IOException {
        Path template = write(dir, """
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub "${AWS::StackName}-t"
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}, {AttributeName: n, AttributeType: N}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                      ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 2}
                      GlobalSecondaryIndexes:
                        - IndexName: ByN
                          KeySchema: [{AttributeName: n, KeyType: HASH}]
                          Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [a, b]}
                          ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}
                      TimeToLiveSpecification: {AttributeName: ttl, Enabled: false}
                """);

        var table = TemplateTable.fromTemplate(template, "T");
        var request = table.createTableRequest("t");

        assertThat(request.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(request.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(request.globalSecondaryIndexes().getFirst().projection().nonKeyAttributes()).containsExactly("a", "b");
        assertThat(request.streamSpecification()).isNull();
        assertThat(table.timeToLive()).isEmpty();
        assertThat(table.createIn(server.client(), "provisioned").tableStatus()).isEqualTo(TableStatus.ACTIVE);
    }

    private static Path write(Path dir, String yaml) throws IOException {
        return Files.writeString(dir.resolve("template.yaml"), yaml);
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
