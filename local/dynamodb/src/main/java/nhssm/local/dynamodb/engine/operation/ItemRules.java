package nhssm.local.dynamodb.engine.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;
import nhssm.local.dynamodb.engine.expression.Condition;
import nhssm.local.dynamodb.engine.expression.ExpressionInputs;
import nhssm.local.dynamodb.engine.expression.Expressions;
import nhssm.local.dynamodb.engine.expression.Update;
import nhssm.local.dynamodb.engine.table.IndexDefinition;
import nhssm.local.dynamodb.engine.table.StoredItem;
import nhssm.local.dynamodb.engine.table.StoredKey;
import nhssm.local.dynamodb.engine.table.Table;
import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.AttributeValueJson;
import nhssm.local.dynamodb.engine.value.ItemSize;

/** What every write checks and answers alike: the new item's size and index keys, conditions, capacity. */
public final class ItemRules {

    public static final List<String> RETURN_VALUES = List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
    public static final List<String> ON_CONDITION_FAILURE = List.of("ALL_OLD", "NONE");
    public static final List<String> ITEM_COLLECTION_METRICS = List.of("SIZE", "NONE");

    private ItemRules() {
    }

    /** Refuses an item the table cannot hold: over 400 KB, or an index key of the wrong type or empty. */
    public static StoredItem checkNewItem(Table table, Map<String, AttributeValue> item, boolean update) {
        StoredItem stored = StoredItem.of(item);
        if (stored.size() > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbError.validation(update
                    ? "Item size to update has exceeded the maximum allowed size"
                    : "Item size has exceeded the maximum allowed size");
        }
        for (IndexDefinition index : table.definition().indexes()) {
            index.checkItem(item);
        }
        return stored;
    }

    /**
     * Parses a single-item write's expressions, its refusals in the service's "1 validation error detected"
     * envelope, as PutItem, UpdateItem and DeleteItem give them (transactions, Query and Scan give them bare).
     */
    public static <T> T singleItem(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (DynamoDbError e) {
            throw Expressions.enveloped(e);
        }
    }

    /** The request's ConditionExpression, if any. */
    public static Optional<Condition> condition(Request request, ExpressionInputs inputs) {
        return request.string("ConditionExpression")
                .map(expression -> Expressions.condition("ConditionExpression", expression, inputs));
    }

    public static boolean passes(Optional<Condition> condition, Optional<StoredItem> current) {
        return condition.isEmpty() || condition.get().test(current.map(StoredItem::attributes).orElse(Map.of()));
    }

    /** The service's ConditionalCheckFailedException, with the item when ALL_OLD asked for it. */
    public static DynamoDbError conditionFailed(Optional<StoredItem> current, String returnOnFailure) {
        Map<String, JsonNode> details = current.isPresent() && returnOnFailure.equals("ALL_OLD")
                ? Map.of("Item", AttributeValueJson.toJson(current.get().attributes())) : Map.of();
        return new DynamoDbError(ErrorType.CONDITIONAL_CHECK_FAILED, "The conditional request failed", details);
    }

    /** A write's units on the table and on each index whose entry it changed. */
    public static void chargeWrite(Capacity capacity, Table table, StoredKey key, Optional<StoredItem> before,
            Optional<StoredItem> after, double factor) {
        int size = Math.max(before.map(StoredItem::size).orElse(0), after.map(StoredItem::size).orElse(0));
        capacity.write(Capacity.writeUnits(size) * factor);
        for (IndexDefinition index : table.definition().indexes()) {
            Optional<StoredKey> was = before.flatMap(b -> index.indexKey(b.attributes(), key));
            Optional<StoredKey> is = after.flatMap(a -> index.indexKey(a.attributes(), key));
            if (was.isEmpty() && is.isEmpty()) {
                continue;
            }
            Optional<Map<String, AttributeValue>> wasProjected = before.filter(b -> was.isPresent())
                    .map(b -> index.project(b.attributes(), table.keySchema()));
            Optional<Map<String, AttributeValue>> isProjected = after.filter(a -> is.isPresent())
                    .map(a -> index.project(a.attributes(), table.keySchema()));
            if (wasProjected.equals(isProjected)) {
                continue;
            }
            int indexSize = Math.max(wasProjected.map(ItemSize::of).orElse(0), isProjected.map(ItemSize::of).orElse(0));
            // A changed index key is a deletion and an insertion in the index.
            int writes = was.isPresent() && is.isPresent() && was.get().compareTo(is.get()) != 0 ? 2 : 1;
            capacity.indexWrite(index.name(), Capacity.writeUnits(indexSize) * writes * factor);
        }
    }

    /** The item after the update, checked as any item to write. */
    public static StoredItem updated(Table table, Map<String, AttributeValue> key, Optional<StoredItem> current,
            Optional<Update> update) {
        Map<String, AttributeValue> base = current.map(StoredItem::attributes).orElse(key);
        Map<String, AttributeValue> result = update.map(u -> u.apply(base, table.keySchema().names())).orElse(base);
        return ItemRules.checkNewItem(table, result, true);
    }
}
