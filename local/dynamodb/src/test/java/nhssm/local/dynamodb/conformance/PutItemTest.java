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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class PutItemTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void putItem_shouldStoreTheItem_replacingAnyWithTheSameKey() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "old", s("gone"))));

        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "new", n(1))));

        assertThat(get(table, key("a"))).isEqualTo(item("pk", s("a"), "new", n(1)));
    }

    @Test
    void putItem_shouldReturnNothing_byDefaultAndWithReturnValuesNone() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(1))));

        PutItemResponse byDefault = dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(2))));
        PutItemResponse none = dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(3)))
                .returnValues(ReturnValue.NONE));

        assertThat(byDefault.hasAttributes()).isFalse();
        assertThat(none.hasAttributes()).isFalse();
    }

    @Test
    void putItem_shouldReturnTheReplacedItem_withReturnValuesAllOld() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(1))));

        PutItemResponse response = dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(2)))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).isEqualTo(item("pk", s("a"), "v", n(1)));
    }

    @Test
    void putItem_shouldReturnNoAttributes_withAllOld_whenNothingWasReplaced() {
        String table = Tables.hashKeyTable(dynamo);

        PutItemResponse response = dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a")))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(response.hasAttributes()).isFalse();
    }

    @Test
    void putItem_shouldRefuse_returnValuesOtherThanNoneOrAllOld() {
        String table = Tables.hashKeyTable(dynamo);

        for (ReturnValue refusedValue : new ReturnValue[] {ReturnValue.ALL_NEW, ReturnValue.UPDATED_OLD, ReturnValue.UPDATED_NEW}) {
            var error = invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a")))
                    .returnValues(refusedValue)));
            assertThat(message(error)).isEqualTo("Return values set to invalid value");
        }
        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).hasItem()).isFalse();
    }

    @Test
    void putItem_shouldRefuseWithConditionalCheckFailed_andKeepTheItem_whenTheConditionFails() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(1))));

        var error = refused(ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                () -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(2)))
                        .conditionExpression("attribute_not_exists(pk)")));

        assertThat(message(error)).isEqualTo("The conditional request failed");
        assertThat(error.hasItem()).isFalse();
        assertThat(get(table, key("a"))).isEqualTo(item("pk", s("a"), "v", n(1)));
    }

    @Test
    void putItem_shouldReturnTheCurrentItem_onConditionFailure_withReturnValuesOnConditionCheckFailureAllOld() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(1))));

        var error = refused(ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                () -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(2)))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertThat(error.item()).isEqualTo(item("pk", s("a"), "v", n(1)));
    }

    @Test
    void putItem_shouldWrite_whenTheConditionHolds() {
        String table = Tables.hashKeyTable(dynamo);

        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(1)))
                .conditionExpression("attribute_not_exists(pk)"));

        assertThat(get(table, key("a"))).isEqualTo(item("pk", s("a"), "v", n(1)));
    }

    @Test
    void putItem_shouldRefuse_anItemWithoutItsKey() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("other", s("a")))));
    }

    @Test
    void putItem_shouldRefuse_anEmptyAttributeName() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "", s("nameless")))));
    }

    @Test
    void putItem_shouldAcceptLongAttributeNames_butNotOf64KBOrMore() {
        String table = Tables.hashKeyTable(dynamo);
        String longName = Values.ascii(60_000);

        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), longName, s("v"))));

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("b"), Values.ascii(70_000), s("v")))));
        assertThat(get(table, key("a"))).containsKey(longName);
    }

    @Test
    void putItem_shouldRefuse_aKeyOfTheWrongType() {
        String table = Tables.hashKeyTable(dynamo);

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", n(1)))));
    }

    @Test
    void putItem_shouldRefuse_anItemMissingItsSortKey() {
        String table = Tables.hashAndSortKeyTable(dynamo, ScalarAttributeType.S);

        invalid(() -> dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a")))));
    }

    @Test
    void putItem_shouldRefuseWithResourceNotFound_whenTheTableDoesNotExist() {
        var error = refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> dynamo.putItem(r -> r.tableName(EngineExtension.newTableName()).item(item("pk", s("a")))));

        assertThat(message(error)).startsWith("Requested resource not found");
    }

    private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        return dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
    }
}
