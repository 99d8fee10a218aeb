package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Empty strings and binaries: allowed in non-key attributes, refused in keys. */
class EmptyValuesTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private static final AttributeValue EMPTY_BINARY = AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0]));

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void putItem_shouldStoreEmptyStringsAndBinaries_inNonKeyAttributes() {
        String table = Tables.hashKeyTable(dynamo);
        Map<String, AttributeValue> stored = item("pk", s("a"), "str", s(""), "bin", EMPTY_BINARY,
                "nested", Values.map("inner", s("")), "list", Values.list(s("")));

        dynamo.putItem(r -> r.tableName(table).item(stored));

        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).item()).isEqualTo(stored);
    }

    @Test
    void putItem_shouldRefuse_anEmptyStringPartitionKey() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("")))));
    }

    @Test
    void putItem_shouldRefuse_anEmptyStringSortKey() {
        String table = Tables.hashAndSortKeyTable(dynamo, ScalarAttributeType.S);

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("")))));
    }

    @Test
    void putItem_shouldRefuse_anEmptyBinaryKey() {
        String table = Tables.hashAndSortKeyTable(dynamo, ScalarAttributeType.B);

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", EMPTY_BINARY))));
    }

    @Test
    void getItem_shouldRefuse_anEmptyStringKey() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.getItem(r -> r.tableName(table).key(key(""))));
    }

    @Test
    void updateItem_shouldSetAnEmptyString_onANonKeyAttribute() {
        String table = Tables.hashKeyTable(dynamo);

        dynamo.updateItem(r -> r.tableName(table).key(key("a")).updateExpression("SET v = :empty")
                .expressionAttributeValues(Map.of(":empty", s(""))));

        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).item())
                .isEqualTo(item("pk", s("a"), "v", s("")));
    }

    @Test
    void putItem_shouldRefuse_anEmptyStringInAGsiKey() {
        String table = Tables.create(dynamo, b -> b
                .attributeDefinitions(Tables.attribute("pk", ScalarAttributeType.S), Tables.attribute("g", ScalarAttributeType.S))
                .globalSecondaryIndexes(i -> i.indexName("byG")
                        .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "g", s("")))));
    }
}
