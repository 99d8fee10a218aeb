package nhssm.local.dynamodb.engine.operation;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.expression.Condition;
import nhssm.local.dynamodb.engine.expression.Projection;
import nhssm.local.dynamodb.engine.table.StoredItem;
import nhssm.local.dynamodb.engine.table.StoredKey;
import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.AttributeValueJson;

/**
 * One page of a Query or Scan: entries read in order up to Limit or 1 MB (both counted before the
 * filter), the filter then applied, the projection or Select COUNT, Count, ScannedCount and the
 * LastEvaluatedKey when the page stopped early.
 */
final class ReadPage {

    static final long MAX_PAGE_BYTES = 1024 * 1024;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ReadPage() {
    }

    /**
     * @param entries the range to read, in the order to read it, after any ExclusiveStartKey
     * @param inRange which entries the read includes at all (a Query's sort key condition); others are not read
     */
    static ObjectNode read(ReadSource source, NavigableMap<StoredKey, StoredItem> entries, Predicate<StoredItem> inRange,
            Optional<Condition> filter, Optional<Projection> projection, String select, Optional<Long> limit,
            boolean consistent, String capacityMode) {
        ObjectNode response = JSON.objectNode();
        ArrayNode items = select.equals("COUNT") ? null : response.putArray("Items");
        long count = 0;
        long scanned = 0;
        long bytes = 0;
        StoredItem last = null;
        boolean stopped = false;
        for (StoredItem item : entries.values()) {
            if (!inRange.test(item)) {
                continue;
            }
            if (limit.isPresent() && scanned == limit.get() || scanned > 0 && bytes + item.size() > MAX_PAGE_BYTES) {
                stopped = true;
                break;
            }
            scanned++;
            bytes += item.size();
            last = item;
            if (filter.isPresent() && !filter.get().test(item.attributes())) {
                continue;
            }
            count++;
            if (items != null) {
                Map<String, AttributeValue> attributes = projection.map(p -> p.apply(item.attributes())).orElse(item.attributes());
                items.add(AttributeValueJson.toJson(attributes));
            }
        }
        // The service gives a LastEvaluatedKey whenever Limit stopped the read, even if nothing follows.
        if (limit.isPresent() && scanned == limit.get() && last != null) {
            stopped = true;
        }
        response.put("Count", count);
        response.put("ScannedCount", scanned);
        if (stopped && last != null) {
            response.set("LastEvaluatedKey", AttributeValueJson.toJson(source.lastEvaluatedKey(last)));
        }
        source.capacity(bytes, consistent).json(capacityMode).ifPresent(c -> response.set("ConsumedCapacity", c));
        return response;
    }
}
