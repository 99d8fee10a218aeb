package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Refusals.message;
import static nhssm.local.dynamodb.conformance.Refusals.refused;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

class DeleteItemTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void deleteItem_shouldRemoveTheItem() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"))));

        DeleteItemResponse response = dynamo.deleteItem(r -> r.tableName(table).key(key("a")));

        assertThat(response.hasAttributes()).isFalse();
        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).hasItem()).isFalse();
    }

    @Test
    void deleteItem_shouldSucceed_whenNoItemHasTheKey() {
        String table = Tables.hashKeyTable(dynamo);

        DeleteItemResponse response = dynamo.deleteItem(r -> r.tableName(table).key(key("missing"))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(response.hasAttributes()).isFalse();
    }

    @Test
    void deleteItem_shouldReturnTheDeletedItem_withReturnValuesAllOld() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(1))));

        DeleteItemResponse response = dynamo.deleteItem(r -> r.tableName(table).key(key("a"))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).isEqualTo(item("pk", s("a"), "v", n(1)));
    }

    @Test
    void deleteItem_shouldRefuse_returnValuesOtherThanNoneOrAllOld() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"))));

        var error = invalid(() -> dynamo.deleteItem(r -> r.tableName(table).key(key("a"))
                .returnValues(ReturnValue.ALL_NEW)));

        assertThat(message(error)).isEqualTo("Return values set to invalid value");
        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).hasItem()).isTrue();
    }

    @Test
    void deleteItem_shouldRefuseWithConditionalCheckFailed_andKeepTheItem_whenTheConditionFails() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(1))));

        var error = refused(ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                () -> dynamo.deleteItem(r -> r.tableName(table).key(key("a"))
                        .conditionExpression("v = :two")
                        .expressionAttributeValues(Map.of(":two", n(2)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertThat(message(error)).isEqualTo("The conditional request failed");
        assertThat(error.item()).isEqualTo(item("pk", s("a"), "v", n(1)));
        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).hasItem()).isTrue();
    }

    @Test
    void deleteItem_shouldRefuseWithConditionalCheckFailed_whenAnExistenceConditionMeetsNoItem() {
        String table = Tables.hashKeyTable(dynamo);

        var error = refused(ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                () -> dynamo.deleteItem(r -> r.tableName(table).key(key("missing"))
                        .conditionExpression("attribute_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertThat(error.hasItem()).isFalse();
    }
}
