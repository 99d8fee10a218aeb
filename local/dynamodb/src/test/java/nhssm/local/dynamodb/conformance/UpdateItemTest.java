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
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

class UpdateItemTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void updateItem_shouldCreateTheItem_whenNoneHasTheKey() {
        String table = Tables.hashKeyTable(dynamo);

        dynamo.updateItem(r -> r.tableName(table).key(key("a"))
                .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n(1))));

        assertThat(get(table, "a")).isEqualTo(item("pk", s("a"), "v", n(1)));
    }

    @Test
    void updateItem_shouldReturnNothing_withReturnValuesNone() {
        String table = storedItem();

        UpdateItemResponse response = update(table, ReturnValue.NONE);

        assertThat(response.hasAttributes()).isFalse();
    }

    @Test
    void updateItem_shouldReturnTheWholeItemBefore_withReturnValuesAllOld() {
        String table = storedItem();

        UpdateItemResponse response = update(table, ReturnValue.ALL_OLD);

        assertThat(response.attributes()).isEqualTo(item("pk", s("a"), "changed", n(1), "kept", s("k")));
    }

    @Test
    void updateItem_shouldReturnTheUpdatedAttributesBefore_withReturnValuesUpdatedOld() {
        String table = storedItem();

        UpdateItemResponse response = update(table, ReturnValue.UPDATED_OLD);

        // "added" did not exist before, so only "changed" had an old value.
        assertThat(response.attributes()).isEqualTo(item("changed", n(1)));
    }

    @Test
    void updateItem_shouldReturnTheWholeItemAfter_withReturnValuesAllNew() {
        String table = storedItem();

        UpdateItemResponse response = update(table, ReturnValue.ALL_NEW);

        assertThat(response.attributes())
                .isEqualTo(item("pk", s("a"), "changed", n(2), "kept", s("k"), "added", s("new")));
    }

    @Test
    void updateItem_shouldReturnTheUpdatedAttributesAfter_withReturnValuesUpdatedNew() {
        String table = storedItem();

        UpdateItemResponse response = update(table, ReturnValue.UPDATED_NEW);

        assertThat(response.attributes()).isEqualTo(item("changed", n(2), "added", s("new")));
    }

    @Test
    void updateItem_shouldReturnOnlyTheNestedPathsUpdated_withReturnValuesUpdatedNew() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"),
                "doc", Values.map("changed", n(1), "kept", n(2)), "letters", Values.list(s("x"), s("y")))));

        UpdateItemResponse response = dynamo.updateItem(r -> r.tableName(table).key(key("a"))
                .updateExpression("SET doc.changed = :v, letters[1] = :w")
                .expressionAttributeValues(Map.of(":v", n(5), ":w", s("z")))
                .returnValues(ReturnValue.UPDATED_NEW));

        assertThat(response.attributes()).isEqualTo(item("doc", Values.map("changed", n(5)), "letters", Values.list(s("z"))));
    }

    @Test
    void updateItem_shouldRefuseWithConditionalCheckFailed_andLeaveTheItem_whenTheConditionFails() {
        String table = storedItem();

        var error = refused(ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                () -> dynamo.updateItem(r -> r.tableName(table).key(key("a"))
                        .updateExpression("SET changed = :two")
                        .conditionExpression("changed = :two")
                        .expressionAttributeValues(Map.of(":two", n(2)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertThat(message(error)).isEqualTo("The conditional request failed");
        assertThat(error.item()).isEqualTo(item("pk", s("a"), "changed", n(1), "kept", s("k")));
        assertThat(get(table, "a")).isEqualTo(item("pk", s("a"), "changed", n(1), "kept", s("k")));
    }

    @Test
    void updateItem_shouldNotReturnTheItem_onConditionFailure_withReturnValuesOnConditionCheckFailureNone() {
        String table = storedItem();

        var error = refused(ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                () -> dynamo.updateItem(r -> r.tableName(table).key(key("a"))
                        .updateExpression("SET changed = :two")
                        .conditionExpression("attribute_not_exists(pk)")
                        .expressionAttributeValues(Map.of(":two", n(2)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE)));

        assertThat(error.hasItem()).isFalse();
    }

    @Test
    void updateItem_shouldNotCreateTheItem_whenAnExistenceConditionFails() {
        String table = Tables.hashKeyTable(dynamo);

        refused(ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                () -> dynamo.updateItem(r -> r.tableName(table).key(key("missing"))
                        .updateExpression("SET v = :v").conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":v", n(1)))));

        assertThat(get(table, "missing")).isEmpty();
    }

    @Test
    void updateItem_shouldRefuse_changingAKeyAttribute() {
        String table = storedItem();

        invalid(() -> dynamo.updateItem(r -> r.tableName(table).key(key("a"))
                .updateExpression("SET pk = :b").expressionAttributeValues(Map.of(":b", s("b")))));

        assertThat(get(table, "a")).containsEntry("pk", s("a"));
    }

    @Test
    void updateItem_shouldRefuse_anUpdateExpressionThatDoesNotParse() {
        String table = storedItem();

        invalid(() -> dynamo.updateItem(r -> r.tableName(table).key(key("a"))
                .updateExpression("SET = :v").expressionAttributeValues(Map.of(":v", n(1)))));
    }

    @Test
    void updateItem_shouldRefuseWithResourceNotFound_whenTheTableDoesNotExist() {
        refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> dynamo.updateItem(r -> r.tableName(EngineExtension.newTableName()).key(key("a"))
                        .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n(1)))));
    }

    /** A table holding {@code {pk: "a", changed: 1, kept: "k"}}. */
    private String storedItem() {
        String table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "changed", n(1), "kept", s("k"))));
        return table;
    }

    private UpdateItemResponse update(String table, ReturnValue returnValue) {
        return dynamo.updateItem(r -> r.tableName(table).key(key("a"))
                .updateExpression("SET changed = :two, added = :new")
                .expressionAttributeValues(Map.of(":two", n(2), ":new", s("new")))
                .returnValues(returnValue));
    }

    private Map<String, AttributeValue> get(String table, String pk) {
        return dynamo.getItem(r -> r.tableName(table).key(key(pk)).consistentRead(true)).item();
    }
}
