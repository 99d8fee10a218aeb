package nhssm.local.dynamodb.conformance;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Tables as the tests need them, created and awaited until ACTIVE (the service takes a moment). */
public final class Tables {

    public static final String PK = "pk";
    public static final String SK = "sk";
    private static final Duration ACTIVE_WITHIN = Duration.ofSeconds(120);

    private Tables() {
    }

    /** A PAY_PER_REQUEST table keyed by the string {@code pk} alone. */
    public static String hashKeyTable(DynamoDbClient dynamo) {
        return create(dynamo, b -> { });
    }

    /** A PAY_PER_REQUEST table keyed by the string {@code pk} and a sort key {@code sk} of the given type. */
    public static String hashAndSortKeyTable(DynamoDbClient dynamo, ScalarAttributeType sortKeyType) {
        return create(dynamo, b -> b
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S), attribute(SK, sortKeyType))
                .keySchema(hash(PK), range(SK)));
    }

    /**
     * A new table: by default PAY_PER_REQUEST keyed by the string {@code pk}; {@code customize} changes
     * what it needs. Returns the table's name once it is ACTIVE.
     */
    public static String create(DynamoDbClient dynamo, Consumer<CreateTableRequest.Builder> customize) {
        CreateTableRequest.Builder builder = CreateTableRequest.builder()
                .tableName(EngineExtension.newTableName())
                .attributeDefinitions(attribute(PK, ScalarAttributeType.S))
                .keySchema(hash(PK))
                .billingMode(BillingMode.PAY_PER_REQUEST);
        customize.accept(builder);
        CreateTableRequest request = builder.build();
        dynamo.createTable(request);
        awaitActive(dynamo, request.tableName());
        return request.tableName();
    }

    /** Polls DescribeTable until the table and its indexes are ACTIVE. */
    public static TableDescription awaitActive(DynamoDbClient dynamo, String tableName) {
        return Poll.until(ACTIVE_WITHIN, "table " + tableName + " ACTIVE", () -> {
            TableDescription table = dynamo.describeTable(r -> r.tableName(tableName)).table();
            boolean indexesActive = !table.hasGlobalSecondaryIndexes() || table.globalSecondaryIndexes().stream()
                    .allMatch(index -> "ACTIVE".equals(index.indexStatusAsString()));
            return table.tableStatus() == TableStatus.ACTIVE && indexesActive
                    ? Optional.of(table) : Optional.empty();
        });
    }

    public static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    public static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    public static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
