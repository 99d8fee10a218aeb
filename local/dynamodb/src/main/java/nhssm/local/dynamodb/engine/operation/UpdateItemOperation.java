package nhssm.local.dynamodb.engine.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.expression.Condition;
import nhssm.local.dynamodb.engine.expression.ExpressionInputs;
import nhssm.local.dynamodb.engine.expression.Expressions;
import nhssm.local.dynamodb.engine.expression.Update;
import nhssm.local.dynamodb.engine.table.Database;
import nhssm.local.dynamodb.engine.table.ItemRef;
import nhssm.local.dynamodb.engine.table.PendingWrite;
import nhssm.local.dynamodb.engine.table.StoredItem;
import nhssm.local.dynamodb.engine.table.StoredKey;
import nhssm.local.dynamodb.engine.table.Table;
import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.AttributeValueJson;

/**
 * UpdateItem: the update applied to the current item (or, if there is none, to an item of just the key),
 * under the item's lock, its condition checked against the current item.
 */
final class UpdateItemOperation {

    static final Set<String> PARAMETERS = Set.of("TableName", "Key", "UpdateExpression", "ConditionExpression",
            "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValues", "ReturnConsumedCapacity",
            "ReturnItemCollectionMetrics", "ReturnValuesOnConditionCheckFailure");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Database database;

    UpdateItemOperation(Database database) {
        this.database = database;
    }

    ObjectNode updateItem(JsonNode body) {
        Request request = Request.of("UpdateItem", body, PARAMETERS);
        Table table = database.catalog().forItems(request.tableName());
        Map<String, AttributeValue> key = request.item("Key");
        StoredKey storedKey = table.keySchema().checkKey(key);
        String returnValues = request.enumeration("ReturnValues", ItemRules.RETURN_VALUES, "NONE");
        String onFailure = request.enumeration("ReturnValuesOnConditionCheckFailure", ItemRules.ON_CONDITION_FAILURE, "NONE");
        String capacityMode = request.enumeration("ReturnConsumedCapacity", Capacity.MODES, "NONE");
        request.enumeration("ReturnItemCollectionMetrics", ItemRules.ITEM_COLLECTION_METRICS, "NONE");
        record Parsed(Optional<Update> update, Optional<Condition> condition) {
        }
        Parsed parsed = ItemRules.singleItem(() -> {
            ExpressionInputs inputs = request.expressionInputs();
            Optional<Update> parsedUpdate = request.string("UpdateExpression")
                    .map(expression -> Expressions.update(expression, inputs));
            Optional<Condition> parsedCondition = ItemRules.condition(request, inputs);
            inputs.requireAllUsed();
            return new Parsed(parsedUpdate, parsedCondition);
        });
        Optional<Update> update = parsed.update();
        Optional<Condition> condition = parsed.condition();

        Capacity capacity = new Capacity(table.name());
        StoredItem[] images = new StoredItem[2];
        database.locked(List.of(new ItemRef(table, storedKey)), () -> {
            Optional<StoredItem> current = table.get(storedKey);
            if (!ItemRules.passes(condition, current)) {
                throw ItemRules.conditionFailed(current, onFailure);
            }
            Optional<StoredItem> after = Optional.of(ItemRules.updated(table, key, current, update));
            database.commit(List.of(new PendingWrite(table, storedKey, current, after)), false);
            ItemRules.chargeWrite(capacity, table, storedKey, current, after, 1);
            images[0] = current.orElse(null);
            images[1] = after.get();
            return null;
        });
        ObjectNode response = JSON.objectNode();
        returned(returnValues, update, Optional.ofNullable(images[0]), images[1])
                .ifPresent(attributes -> response.set("Attributes", AttributeValueJson.toJson(attributes)));
        capacity.json(capacityMode).ifPresent(c -> response.set("ConsumedCapacity", c));
        return response;
    }

    /** What ReturnValues asks back; empty when there is nothing to return (the member is then absent). */
    private static Optional<Map<String, AttributeValue>> returned(String returnValues, Optional<Update> update,
            Optional<StoredItem> before, StoredItem after) {
        Optional<Map<String, AttributeValue>> attributes = switch (returnValues) {
            case "ALL_OLD" -> before.map(StoredItem::attributes);
            case "ALL_NEW" -> Optional.of(after.attributes());
            case "UPDATED_OLD" -> before.flatMap(b -> update.map(u -> u.updatedPartOf(b.attributes())));
            case "UPDATED_NEW" -> update.map(u -> u.updatedPartOf(after.attributes()));
            default -> Optional.empty();
        };
        return attributes.filter(a -> !a.isEmpty());
    }
}
