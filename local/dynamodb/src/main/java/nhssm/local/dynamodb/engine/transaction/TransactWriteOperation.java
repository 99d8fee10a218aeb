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
import nhssm.local.dynamodb.engine.error.ErrorType;
import nhssm.local.dynamodb.engine.expression.Condition;
import nhssm.local.dynamodb.engine.expression.ExpressionInputs;
import nhssm.local.dynamodb.engine.expression.Expressions;
import nhssm.local.dynamodb.engine.operation.Capacity;
import nhssm.local.dynamodb.engine.operation.ItemRules;
import nhssm.local.dynamodb.engine.operation.Request;
import nhssm.local.dynamodb.engine.table.Database;
import nhssm.local.dynamodb.engine.table.ItemRef;
import nhssm.local.dynamodb.engine.table.PendingWrite;
import nhssm.local.dynamodb.engine.table.StoredItem;
import nhssm.local.dynamodb.engine.table.StoredKey;
import nhssm.local.dynamodb.engine.table.Table;
import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.AttributeValueJson;

/**
 * TransactWriteItems: up to 100 actions on distinct items, all applied or none. Every item's lock is held
 * (taken in a fixed order) while the conditions are checked and the writes committed, so no other write
 * sees or interleaves with part of it. A failed condition cancels it with the reasons in request order.
 */
public final class TransactWriteOperation {

    static final int MAX_ACTIONS = 100;
    private static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> COMMON = Set.of("TableName", "ConditionExpression", "ExpressionAttributeNames",
            "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure");

    private final Database database;
    private final IdempotencyTokens tokens;

    public TransactWriteOperation(Database database) {
        this.database = database;
        this.tokens = new IdempotencyTokens(database.clock());
    }

    public ObjectNode transactWriteItems(JsonNode body) {
        Request request = Request.of("TransactWriteItems", body,
                Set.of("TransactItems", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics", "ClientRequestToken"));
        String capacityMode = request.enumeration("ReturnConsumedCapacity", Capacity.MODES, "NONE");
        request.enumeration("ReturnItemCollectionMetrics", ItemRules.ITEM_COLLECTION_METRICS, "NONE");
        Optional<String> token = request.string("ClientRequestToken");
        token.ifPresent(t -> {
            if (t.isEmpty() || t.length() > 36) {
                throw request.constraint("ClientRequestToken", t, "Member must have length less than or equal to 36");
            }
        });
        List<TransactAction> actions = actions(request);
        if (token.isEmpty()) {
            return run(actions, capacityMode);
        }
        return tokens.once(token.get(), body, () -> run(actions, capacityMode));
    }

    private List<TransactAction> actions(Request request) {
        List<JsonNode> nodes = request.list("TransactItems");
        request.required("TransactItems");
        if (nodes.isEmpty() || nodes.size() > MAX_ACTIONS) {
            throw request.constraint("TransactItems", "[" + nodes.size() + " items]", nodes.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to " + MAX_ACTIONS);
        }
        List<TransactAction> actions = new ArrayList<>();
        Set<ItemRef> items = new HashSet<>();
        long bytes = 0;
        for (JsonNode node : nodes) {
            Request item = request.structure(node, "TransactItems", Set.of("ConditionCheck", "Put", "Delete", "Update"));
            if (node.size() != 1) {
                throw DynamoDbError.validation("A TransactWriteItem must contain exactly one of ConditionCheck, Put, Delete or Update");
            }
            TransactAction action = action(item);
            if (!items.add(new ItemRef(action.table(), action.storedKey()))) {
                throw DynamoDbError.validation("Transaction request cannot include multiple operations on one item");
            }
            if (action instanceof TransactAction.Put put) {
                bytes += put.item().size();
            }
            actions.add(action);
        }
        if (bytes > MAX_BYTES) {
            throw DynamoDbError.validation("Transaction request size exceeded the maximum of 4 MB of item data");
        }
        return actions;
    }

    private TransactAction action(Request item) {
        String kind = item.has("ConditionCheck") ? "ConditionCheck" : item.has("Put") ? "Put"
                : item.has("Delete") ? "Delete" : "Update";
        Set<String> accepted = new HashSet<>(COMMON);
        accepted.add(kind.equals("Put") ? "Item" : "Key");
        if (kind.equals("Update")) {
            accepted.add("UpdateExpression");
        }
        Request action = item.structure(kind, accepted);
        Table table = database.catalog().forItems(action.tableName());
        String onFailure = action.enumeration("ReturnValuesOnConditionCheckFailure", ItemRules.ON_CONDITION_FAILURE, "NONE");
        if (kind.equals("ConditionCheck")) {
            action.required("ConditionExpression");
        }
        if (kind.equals("Update")) {
            action.required("UpdateExpression");
        }
        ExpressionInputs inputs = action.expressionInputs();
        Optional<Condition> condition = ItemRules.condition(action, inputs);
        var update = action.string("UpdateExpression").map(e -> Expressions.update(e, inputs));
        inputs.requireAllUsed();
        if (kind.equals("Put")) {
            Map<String, AttributeValue> attributes = action.item("Item");
            StoredKey key = table.keySchema().checkItem(attributes);
            StoredItem stored = ItemRules.checkNewItem(table, attributes, false);
            return new TransactAction.Put(table, key, table.keySchema().keyOf(attributes), condition, onFailure, stored);
        }
        Map<String, AttributeValue> key = action.item("Key");
        StoredKey storedKey = table.keySchema().checkKey(key);
        return switch (kind) {
            case "ConditionCheck" -> new TransactAction.Check(table, storedKey, key, condition, onFailure);
            case "Delete" -> new TransactAction.Delete(table, storedKey, key, condition, onFailure);
            default -> new TransactAction.Modify(table, storedKey, key, condition, onFailure, update.orElseThrow());
        };
    }

    private ObjectNode run(List<TransactAction> actions, String capacityMode) {
        List<ItemRef> refs = actions.stream().map(a -> new ItemRef(a.table(), a.storedKey())).toList();
        Map<Table, Capacity> capacities = new LinkedHashMap<>();
        database.locked(refs, () -> {
            List<PendingWrite> writes = new ArrayList<>();
            List<ObjectNode> reasons = new ArrayList<>();
            boolean cancelled = false;
            for (TransactAction action : actions) {
                Optional<StoredItem> current = action.table().get(action.storedKey());
                ObjectNode reason = JSON.objectNode();
                try {
                    if (!ItemRules.passes(action.condition(), current)) {
                        reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                        if (current.isPresent() && action.onConditionFailure().equals("ALL_OLD")) {
                            reason.set("Item", AttributeValueJson.toJson(current.get().attributes()));
                        }
                        cancelled = true;
                    } else {
                        after(action, current).ifPresent(after -> writes.add(
                                new PendingWrite(action.table(), action.storedKey(), current, after)));
                        reason.put("Code", "None");
                    }
                } catch (DynamoDbError e) {
                    if (e.type() != ErrorType.VALIDATION) {
                        throw e;
                    }
                    reason.put("Code", "ValidationError").put("Message", e.getMessage());
                    cancelled = true;
                }
                reasons.add(reason);
            }
            if (cancelled) {
                throw cancelled(reasons);
            }
            database.commit(writes, false);
            for (PendingWrite write : writes) {
                ItemRules.chargeWrite(capacities.computeIfAbsent(write.table(), t -> new Capacity(t.name())),
                        write.table(), write.key(), write.before(), write.after(), 2);
            }
            for (TransactAction action : actions) {
                if (action instanceof TransactAction.Check) {
                    capacities.computeIfAbsent(action.table(), t -> new Capacity(t.name())).write(2);
                }
            }
            return null;
        });
        ObjectNode response = JSON.objectNode();
        if (!capacityMode.equals("NONE")) {
            ArrayNode consumed = response.putArray("ConsumedCapacity");
            capacities.values().forEach(c -> c.json(capacityMode).ifPresent(consumed::add));
        }
        return response;
    }

    /** The item after the action: empty for a ConditionCheck (no write); a deletion of nothing writes nothing. */
    private static Optional<Optional<StoredItem>> after(TransactAction action, Optional<StoredItem> current) {
        return switch (action) {
            case TransactAction.Check check -> Optional.empty();
            case TransactAction.Put put -> Optional.of(Optional.of(put.item()));
            case TransactAction.Delete delete -> Optional.of(Optional.empty());
            case TransactAction.Modify modify -> Optional.of(Optional.of(
                    ItemRules.updated(modify.table(), modify.key(), current, Optional.of(modify.update()))));
        };
    }

    private static DynamoDbError cancelled(List<ObjectNode> reasons) {
        ArrayNode array = JSON.arrayNode();
        reasons.forEach(array::add);
        String codes = reasons.stream().map(r -> r.path("Code").asText()).toList().toString();
        return new DynamoDbError(ErrorType.TRANSACTION_CANCELED,
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes,
                Map.of("CancellationReasons", array));
    }
}
