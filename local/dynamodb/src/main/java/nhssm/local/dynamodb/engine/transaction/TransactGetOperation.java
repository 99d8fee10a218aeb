package nhssm.local.dynamodb.engine.transaction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.expression.ExpressionInputs;
import nhssm.local.dynamodb.engine.expression.Expressions;
import nhssm.local.dynamodb.engine.expression.Projection;
import nhssm.local.dynamodb.engine.operation.Capacity;
import nhssm.local.dynamodb.engine.operation.Request;
import nhssm.local.dynamodb.engine.table.Database;
import nhssm.local.dynamodb.engine.table.ItemRef;
import nhssm.local.dynamodb.engine.table.StoredItem;
import nhssm.local.dynamodb.engine.table.StoredKey;
import nhssm.local.dynamodb.engine.table.Table;
import nhssm.local.dynamodb.engine.value.AttributeValueJson;

/** TransactGetItems: up to 100 items read together under their locks, so no write is seen half done. */
public final class TransactGetOperation {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final Database database;

    public TransactGetOperation(Database database) {
        this.database = database;
    }

    private record Get(Table table, StoredKey key, Optional<Projection> projection) {
    }

    public ObjectNode transactGetItems(JsonNode body) {
        Request request = Request.of("TransactGetItems", body, Set.of("TransactItems", "ReturnConsumedCapacity"));
        String capacityMode = request.enumeration("ReturnConsumedCapacity", Capacity.MODES, "NONE");
        request.required("TransactItems");
        List<JsonNode> nodes = request.list("TransactItems");
        if (nodes.isEmpty() || nodes.size() > TransactWriteOperation.MAX_ACTIONS) {
            throw request.constraint("TransactItems", "[" + nodes.size() + " items]", nodes.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to " + TransactWriteOperation.MAX_ACTIONS);
        }
        List<Get> gets = new ArrayList<>();
        Set<ItemRef> seen = new HashSet<>();
        for (JsonNode node : nodes) {
            Request get = request.structure(node, "TransactItems", Set.of("Get"))
                    .structure("Get", Set.of("TableName", "Key", "ProjectionExpression", "ExpressionAttributeNames"));
            Table table = database.catalog().forItems(get.tableName());
            StoredKey key = table.keySchema().checkKey(get.item("Key"));
            ExpressionInputs inputs = get.expressionInputs();
            Optional<Projection> projection = get.string("ProjectionExpression")
                    .map(e -> Expressions.projection(e, inputs));
            inputs.requireAllUsed();
            if (!seen.add(new ItemRef(table, key))) {
                throw DynamoDbError.validation("Transaction request cannot include multiple operations on one item");
            }
            gets.add(new Get(table, key, projection));
        }
        List<Optional<StoredItem>> items = database.locked(
                gets.stream().map(g -> new ItemRef(g.table(), g.key())).toList(),
                () -> gets.stream().map(g -> g.table().get(g.key())).toList());

        ObjectNode response = JSON.objectNode();
        ArrayNode responses = response.putArray("Responses");
        Map<Table, Capacity> capacities = new LinkedHashMap<>();
        for (int i = 0; i < gets.size(); i++) {
            Get get = gets.get(i);
            Optional<StoredItem> item = items.get(i);
            ObjectNode entry = responses.addObject();
            item.ifPresent(found -> entry.set("Item", AttributeValueJson.toJson(
                    get.projection().map(p -> p.apply(found.attributes())).orElse(found.attributes()))));
            capacities.computeIfAbsent(get.table(), t -> new Capacity(t.name()))
                    .read(2 * Capacity.readUnits(item.map(StoredItem::size).orElse(0), true));
        }
        if (!capacityMode.equals("NONE")) {
            ArrayNode consumed = response.putArray("ConsumedCapacity");
            capacities.values().forEach(c -> c.json(capacityMode).ifPresent(consumed::add));
        }
        return response;
    }
}
