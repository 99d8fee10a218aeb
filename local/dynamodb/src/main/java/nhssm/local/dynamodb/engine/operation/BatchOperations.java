package nhssm.local.dynamodb.engine.operation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
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
import nhssm.local.dynamodb.engine.expression.Projection;
import nhssm.local.dynamodb.engine.table.Database;
import nhssm.local.dynamodb.engine.table.ItemRef;
import nhssm.local.dynamodb.engine.table.PendingWrite;
import nhssm.local.dynamodb.engine.table.StoredItem;
import nhssm.local.dynamodb.engine.table.StoredKey;
import nhssm.local.dynamodb.engine.table.Table;
import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.AttributeValueJson;
import nhssm.local.dynamodb.engine.value.ItemSize;

/**
 * BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 puts and deletes, each atomic on its own).
 * The whole request is checked before anything is read or written; nothing is left unprocessed.
 */
final class BatchOperations {

    private static final int MAX_GETS = 100;
    private static final int MAX_WRITES = 25;
    private static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Database database;

    BatchOperations(Database database) {
        this.database = database;
    }

    private record TableGets(Table table, List<StoredKey> keys, List<JsonNode> keyNodes, ObjectNode spec,
            Optional<Projection> projection, boolean consistent) {
    }

    ObjectNode batchGetItem(JsonNode body) {
        Request request = Request.of("BatchGetItem", body, Set.of("RequestItems", "ReturnConsumedCapacity"));
        String capacityMode = request.enumeration("ReturnConsumedCapacity", Capacity.MODES, "NONE");
        List<TableGets> gets = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, JsonNode> entry : requestItems(request)) {
            Table table = database.catalog().forItems(request.checkedName("RequestItems", entry.getKey()));
            Request keysAndAttributes = request.structure(entry.getValue(), "RequestItems." + entry.getKey(),
                    Set.of("Keys", "ProjectionExpression", "ExpressionAttributeNames", "ConsistentRead"));
            keysAndAttributes.required("Keys");
            List<JsonNode> keyNodes = keysAndAttributes.list("Keys");
            if (keyNodes.isEmpty()) {
                throw keysAndAttributes.constraint("Keys", "[]", "Member must have length greater than or equal to 1");
            }
            total += keyNodes.size();
            if (total > MAX_GETS) {
                throw DynamoDbError.validation("Too many items requested for the BatchGetItem call");
            }
            List<StoredKey> keys = new ArrayList<>();
            Set<StoredKey> seen = new HashSet<>();
            for (JsonNode keyNode : keyNodes) {
                StoredKey key = table.keySchema().checkKey(AttributeValueJson.item(keyNode, "Keys"));
                if (!seen.add(key)) {
                    throw DynamoDbError.validation("Provided list of item keys contains duplicates");
                }
                keys.add(key);
            }
            gets.add(new TableGets(table, keys, keyNodes, (ObjectNode) entry.getValue(),
                    ItemOperations.projection(keysAndAttributes), keysAndAttributes.bool("ConsistentRead").orElse(false)));
        }
        ObjectNode response = JSON.objectNode();
        ObjectNode responses = response.putObject("Responses");
        ObjectNode unprocessed = JSON.objectNode();
        ArrayNode consumed = JSON.arrayNode();
        long bytes = 0;
        for (TableGets get : gets) {
            ArrayNode items = responses.putArray(get.table().name());
            Capacity capacity = new Capacity(get.table().name());
            ArrayNode left = JSON.arrayNode();
            for (int i = 0; i < get.keys().size(); i++) {
                Optional<Map<String, AttributeValue>> item = get.table().get(get.keys().get(i)).map(found ->
                        get.projection().map(p -> p.apply(found.attributes())).orElse(found.attributes()));
                int size = item.map(ItemSize::of).orElse(0);
                // The service answers at most 16 MB and hands back the keys it did not read.
                if (bytes + size > MAX_RESPONSE_BYTES) {
                    left.add(get.keyNodes().get(i));
                    continue;
                }
                bytes += size;
                capacity.read(Capacity.readUnits(size, get.consistent()));
                item.ifPresent(found -> items.add(AttributeValueJson.toJson(found)));
            }
            if (!left.isEmpty()) {
                ObjectNode keysAndAttributes = get.spec().deepCopy();
                keysAndAttributes.set("Keys", left);
                unprocessed.set(get.table().name(), keysAndAttributes);
            }
            capacity.json(capacityMode).ifPresent(consumed::add);
        }
        response.set("UnprocessedKeys", unprocessed);
        if (!capacityMode.equals("NONE")) {
            response.set("ConsumedCapacity", consumed);
        }
        return response;
    }

    private record Write(Table table, StoredKey key, Optional<StoredItem> item) {
    }

    ObjectNode batchWriteItem(JsonNode body) {
        Request request = Request.of("BatchWriteItem", body,
                Set.of("RequestItems", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics"));
        String capacityMode = request.enumeration("ReturnConsumedCapacity", Capacity.MODES, "NONE");
        request.enumeration("ReturnItemCollectionMetrics", ItemRules.ITEM_COLLECTION_METRICS, "NONE");
        List<Write> writes = new ArrayList<>();
        Set<ItemRef> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : requestItems(request)) {
            Table table = database.catalog().forItems(request.checkedName("RequestItems", entry.getKey()));
            if (!entry.getValue().isArray() || entry.getValue().isEmpty()) {
                throw request.constraint("RequestItems", entry.getValue().toString(),
                        "Map value must satisfy constraint: [Member must have length greater than or equal to 1]");
            }
            for (JsonNode element : entry.getValue()) {
                Request writeRequest = request.structure(element, "RequestItems." + entry.getKey(),
                        Set.of("PutRequest", "DeleteRequest"));
                if (writeRequest.has("PutRequest") == writeRequest.has("DeleteRequest")) {
                    throw DynamoDbError.validation("A WriteRequest must contain exactly one of PutRequest or DeleteRequest");
                }
                Write write = writeRequest.has("PutRequest") ? put(table, writeRequest) : delete(table, writeRequest);
                if (!seen.add(new ItemRef(table, write.key()))) {
                    throw DynamoDbError.validation("Provided list of item keys contains duplicates");
                }
                writes.add(write);
                if (writes.size() > MAX_WRITES) {
                    throw DynamoDbError.validation("Too many items requested for the BatchWriteItem call");
                }
            }
        }
        Map<Table, Capacity> capacities = new LinkedHashMap<>();
        for (Write write : writes) {
            Capacity capacity = capacities.computeIfAbsent(write.table(), t -> new Capacity(t.name()));
            database.locked(List.of(new ItemRef(write.table(), write.key())), () -> {
                Optional<StoredItem> current = write.table().get(write.key());
                database.commit(List.of(new PendingWrite(write.table(), write.key(), current, write.item())), false);
                ItemRules.chargeWrite(capacity, write.table(), write.key(), current, write.item(), 1);
                return null;
            });
        }
        ObjectNode response = JSON.objectNode();
        response.putObject("UnprocessedItems");
        if (!capacityMode.equals("NONE")) {
            ArrayNode consumed = response.putArray("ConsumedCapacity");
            capacities.values().forEach(c -> c.json(capacityMode).ifPresent(consumed::add));
        }
        return response;
    }

    private static Write put(Table table, Request writeRequest) {
        Request put = writeRequest.structure("PutRequest", Set.of("Item"));
        Map<String, AttributeValue> item = put.item("Item");
        StoredKey key = table.keySchema().checkItem(item);
        return new Write(table, key, Optional.of(ItemRules.checkNewItem(table, item, false)));
    }

    private static Write delete(Table table, Request writeRequest) {
        Request delete = writeRequest.structure("DeleteRequest", Set.of("Key"));
        return new Write(table, table.keySchema().checkKey(delete.item("Key")), Optional.empty());
    }

    private static List<Map.Entry<String, JsonNode>> requestItems(Request request) {
        JsonNode items = request.required("RequestItems");
        if (!items.isObject()) {
            throw new DynamoDbError(ErrorType.SERIALIZATION,
                    "RequestItems must be a map of table names");
        }
        if (items.isEmpty()) {
            throw request.constraint("RequestItems", "{}", "Member must have length greater than or equal to 1");
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = items.fields(); fields.hasNext(); ) {
            entries.add(fields.next());
        }
        return entries;
    }
}
