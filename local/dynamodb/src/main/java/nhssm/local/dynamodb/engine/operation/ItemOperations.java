package nhssm.local.dynamodb.engine.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.expression.Condition;
import nhssm.local.dynamodb.engine.expression.ExpressionInputs;
import nhssm.local.dynamodb.engine.expression.Expressions;
import nhssm.local.dynamodb.engine.expression.Projection;
import nhssm.local.dynamodb.engine.table.Database;
import nhssm.local.dynamodb.engine.table.ItemRef;
import nhssm.local.dynamodb.engine.table.PendingWrite;
import nhssm.local.dynamodb.engine.table.StoredItem;
import nhssm.local.dynamodb.engine.table.StoredKey;
import nhssm.local.dynamodb.engine.table.Table;
import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.AttributeValueJson;

/** PutItem, GetItem and DeleteItem: one item, its write atomic and its condition checked against the current item. */
final class ItemOperations {

    static final Set<String> PUT = Set.of("TableName", "Item", "ConditionExpression", "ExpressionAttributeNames",
            "ExpressionAttributeValues", "ReturnValues", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics",
            "ReturnValuesOnConditionCheckFailure");
    static final Set<String> DELETE = Set.of("TableName", "Key", "ConditionExpression", "ExpressionAttributeNames",
            "ExpressionAttributeValues", "ReturnValues", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics",
            "ReturnValuesOnConditionCheckFailure");
    static final Set<String> GET = Set.of("TableName", "Key", "ProjectionExpression", "ExpressionAttributeNames",
            "ConsistentRead", "ReturnConsumedCapacity");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Database database;

    ItemOperations(Database database) {
        this.database = database;
    }

    ObjectNode putItem(JsonNode body) {
        Request request = Request.of("PutItem", body, PUT);
        Table table = database.catalog().forItems(request.tableName());
        Map<String, AttributeValue> item = request.item("Item");
        StoredKey key = table.keySchema().checkItem(item);
        StoredItem stored = ItemRules.checkNewItem(table, item, false);
        return write(request, table, key, Optional.of(stored));
    }

    ObjectNode deleteItem(JsonNode body) {
        Request request = Request.of("DeleteItem", body, DELETE);
        Table table = database.catalog().forItems(request.tableName());
        StoredKey key = table.keySchema().checkKey(request.item("Key"));
        return write(request, table, key, Optional.empty());
    }

    private ObjectNode write(Request request, Table table, StoredKey key, Optional<StoredItem> after) {
        String returnValues = request.enumeration("ReturnValues", ItemRules.RETURN_VALUES, "NONE");
        if (!returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw DynamoDbError.validation("Return values set to invalid value");
        }
        String onFailure = request.enumeration("ReturnValuesOnConditionCheckFailure", ItemRules.ON_CONDITION_FAILURE, "NONE");
        String capacityMode = request.enumeration("ReturnConsumedCapacity", Capacity.MODES, "NONE");
        request.enumeration("ReturnItemCollectionMetrics", ItemRules.ITEM_COLLECTION_METRICS, "NONE");
        Optional<Condition> condition = ItemRules.singleItem(() -> {
            ExpressionInputs inputs = request.expressionInputs();
            Optional<Condition> parsed = ItemRules.condition(request, inputs);
            inputs.requireAllUsed();
            return parsed;
        });

        Capacity capacity = new Capacity(table.name());
        Optional<StoredItem> before = database.locked(List.of(new ItemRef(table, key)), () -> {
            Optional<StoredItem> current = table.get(key);
            if (!ItemRules.passes(condition, current)) {
                throw ItemRules.conditionFailed(current, onFailure);
            }
            database.commit(List.of(new PendingWrite(table, key, current, after)), false);
            ItemRules.chargeWrite(capacity, table, key, current, after, 1);
            return current;
        });
        ObjectNode response = JSON.objectNode();
        if (returnValues.equals("ALL_OLD")) {
            before.ifPresent(b -> response.set("Attributes", AttributeValueJson.toJson(b.attributes())));
        }
        capacity.json(capacityMode).ifPresent(c -> response.set("ConsumedCapacity", c));
        return response;
    }

    ObjectNode getItem(JsonNode body) {
        Request request = Request.of("GetItem", body, GET);
        Table table = database.catalog().forItems(request.tableName());
        StoredKey key = table.keySchema().checkKey(request.item("Key"));
        boolean consistent = request.bool("ConsistentRead").orElse(false);
        String capacityMode = request.enumeration("ReturnConsumedCapacity", Capacity.MODES, "NONE");
        Optional<Projection> projection = projection(request);

        Optional<StoredItem> item = table.get(key);
        ObjectNode response = JSON.objectNode();
        item.ifPresent(i -> response.set("Item",
                AttributeValueJson.toJson(projection.map(p -> p.apply(i.attributes())).orElse(i.attributes()))));
        new Capacity(table.name()).read(Capacity.readUnits(item.map(StoredItem::size).orElse(0), consistent))
                .json(capacityMode).ifPresent(c -> response.set("ConsumedCapacity", c));
        return response;
    }

    /** A request's ProjectionExpression with its names (read operations take no ExpressionAttributeValues). */
    static Optional<Projection> projection(Request request) {
        ExpressionInputs inputs = request.expressionInputs();
        Optional<Projection> projection = request.string("ProjectionExpression")
                .map(expression -> Expressions.projection(expression, inputs));
        inputs.requireAllUsed();
        return projection;
    }
}
