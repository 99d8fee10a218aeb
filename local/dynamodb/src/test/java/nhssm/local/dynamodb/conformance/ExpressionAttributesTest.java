package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Refusals.message;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** ExpressionAttributeNames and ExpressionAttributeValues: the service refuses unused and undefined ones. */
class ExpressionAttributesTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void expressions_shouldRefuse_anUnusedAttributeValue() {
        String table = tableWithItem();

        var error = invalid(() -> dynamo.updateItem(r -> r.tableName(table).key(key("a"))
                .updateExpression("SET v = :used")
                .expressionAttributeValues(Map.of(":used", n(1), ":unused", n(2)))));

        assertThat(message(error)).contains("ExpressionAttributeValues").contains(":unused");
    }

    @Test
    void expressions_shouldRefuse_anUnusedAttributeName() {
        String table = tableWithItem();

        var error = invalid(() -> dynamo.updateItem(r -> r.tableName(table).key(key("a"))
                .updateExpression("SET #used = :v")
                .expressionAttributeNames(Map.of("#used", "v", "#unused", "w"))
                .expressionAttributeValues(Map.of(":v", n(1)))));

        assertThat(message(error)).contains("ExpressionAttributeNames").contains("#unused");
    }

    @Test
    void expressions_shouldRefuse_anUndefinedAttributeValue() {
        String table = tableWithItem();

        var error = invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a")))
                .conditionExpression("v = :missing")
                .expressionAttributeValues(Map.of(":other", n(1)))));

        assertThat(message(error)).contains(":missing");
    }

    @Test
    void expressions_shouldRefuse_anUndefinedAttributeName() {
        String table = tableWithItem();

        var error = invalid(() -> dynamo.getItem(r -> r.tableName(table).key(key("a"))
                .projectionExpression("#missing")));

        assertThat(message(error)).contains("#missing");
    }

    @Test
    void expressions_shouldRefuse_valuesWhenNoExpressionUsesThem() {
        String table = tableWithItem();

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a")))
                .expressionAttributeValues(Map.of(":v", n(1)))));
    }

    @Test
    void expressions_shouldRefuse_namesWhenNoExpressionUsesThem() {
        String table = tableWithItem();

        invalid(() -> dynamo.getItem(r -> r.tableName(table).key(key("a"))
                .expressionAttributeNames(Map.of("#n", "v"))));
    }

    @Test
    void expressions_shouldRefuse_aValuePlaceholderWithoutItsColon() {
        String table = tableWithItem();

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a")))
                .conditionExpression("v = :v")
                .expressionAttributeValues(Map.of(":v", n(1), "v2", n(2)))));
    }

    @Test
    void expressions_shouldRefuse_aNamePlaceholderWithoutItsHash() {
        String table = tableWithItem();

        invalid(() -> dynamo.getItem(r -> r.tableName(table).key(key("a"))
                .projectionExpression("#n")
                .expressionAttributeNames(Map.of("#n", "v", "n2", "w"))));
    }

    @Test
    void expressions_shouldRefuse_anUnusedValue_inAQueryToo() {
        String table = tableWithItem();

        var error = invalid(() -> dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a"), ":unused", n(1)))));

        assertThat(message(error)).contains(":unused");
    }

    @Test
    void expressions_shouldLeaveTheItemUnchanged_whenRefused() {
        String table = tableWithItem();

        invalid(() -> dynamo.updateItem(r -> r.tableName(table).key(key("a"))
                .updateExpression("SET v = :used")
                .expressionAttributeValues(Map.of(":used", n(9), ":unused", n(2)))));

        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).item())
                .isEqualTo(item("pk", s("a"), "v", n(0)));
    }

    private String tableWithItem() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(0))));
        return table;
    }
}
