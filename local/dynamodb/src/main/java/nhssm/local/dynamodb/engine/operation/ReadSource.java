package nhssm.local.dynamodb.engine.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.table.IndexDefinition;
import nhssm.local.dynamodb.engine.table.KeyAttribute;
import nhssm.local.dynamodb.engine.table.KeySchema;
import nhssm.local.dynamodb.engine.table.StoredItem;
import nhssm.local.dynamodb.engine.table.StoredKey;
import nhssm.local.dynamodb.engine.table.Table;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * What a Query or Scan reads: the table, or one of its global secondary indexes (IndexName), with the
 * rules that differ between them (its key, ConsistentRead, Select, the shape of LastEvaluatedKey).
 */
record ReadSource(Table table, Optional<IndexDefinition> index) {

    static ReadSource of(Request request, Table table) {
        Optional<String> indexName = request.string("IndexName");
        indexName.ifPresent(name -> request.checkedName("IndexName", name));
        Optional<IndexDefinition> index = indexName.map(name -> table.definition().index(name).orElseThrow(
                () -> DynamoDbError.validation("The table does not have the specified index: " + name)));
        ReadSource source = new ReadSource(table, index);
        if (index.isPresent() && request.bool("ConsistentRead").orElse(false)) {
            throw DynamoDbError.validation("Consistent reads are not supported on global secondary indexes");
        }
        return source;
    }

    KeySchema keySchema() {
        return index.map(IndexDefinition::keySchema).orElse(table.keySchema());
    }

    NavigableMap<StoredKey, StoredItem> entries() {
        return index.map(i -> table.index(i.name())).orElse(table.items());
    }

    /**
     * The Select in force, refusing the combinations the service refuses: ProjectionExpression only with
     * SPECIFIC_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES only on an index, ALL_ATTRIBUTES on an index only if it
     * projects everything.
     */
    String select(Request request) {
        boolean projection = request.has("ProjectionExpression");
        String fallback = projection ? "SPECIFIC_ATTRIBUTES" : index.isPresent() ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        String select = request.enumeration("Select",
                List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"), fallback);
        if (projection && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Select type " + select
                    + " cannot be combined with ProjectionExpression; ProjectionExpression requires SPECIFIC_ATTRIBUTES");
        }
        if (!projection && select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Select type SPECIFIC_ATTRIBUTES "
                    + "requires a ProjectionExpression");
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index.isEmpty()) {
            throw DynamoDbError.validation("One or more parameter values were invalid: ALL_PROJECTED_ATTRIBUTES can be "
                    + "used only when Querying using an IndexName");
        }
        if (select.equals("ALL_ATTRIBUTES") && index.isPresent() && !index.get().projectionType().equals("ALL")) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not "
                    + "supported for global secondary index " + index.get().name()
                    + " because its projection type is not ALL");
        }
        return select;
    }

    /** The ExclusiveStartKey as a position: the table's key, and for an index the index's key as well. */
    Optional<StoredKey> exclusiveStart(Request request) {
        return request.optionalItem("ExclusiveStartKey").map(start -> {
            List<KeyAttribute> expected = new java.util.ArrayList<>(table.keySchema().attributes());
            index.ifPresent(i -> i.keySchema().attributes().stream().filter(a -> !expected.contains(a)).forEach(expected::add));
            if (start.size() != expected.size()) {
                throw invalidStart();
            }
            for (KeyAttribute attribute : expected) {
                AttributeValue value = start.get(attribute.name());
                if (value == null || !value.type().equals(attribute.type())) {
                    throw invalidStart();
                }
                if (value instanceof AttributeValue.S text && text.value().isEmpty()
                        || value instanceof AttributeValue.B bytes && bytes.value().length() == 0) {
                    throw DynamoDbError.validation("The provided starting key is invalid: One or more parameter values "
                            + "are not valid. The AttributeValue for a key attribute cannot contain an empty "
                            + (value instanceof AttributeValue.S ? "string" : "binary") + " value. Key: " + attribute.name());
                }
            }
            StoredKey tableKey = table.keySchema().storedKey(start);
            return index.map(i -> i.indexKey(start, tableKey).orElseThrow()).orElse(tableKey);
        });
    }

    private static DynamoDbError invalidStart() {
        return DynamoDbError.validation("The provided starting key is invalid: The provided key element does not match the schema");
    }

    /** LastEvaluatedKey for a stored entry: the table's key, and for an index the index's key too. */
    Map<String, AttributeValue> lastEvaluatedKey(StoredItem item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>(table.keySchema().keyOf(item.attributes()));
        index.ifPresent(i -> key.putAll(i.keySchema().keyOf(item.attributes())));
        return key;
    }

    /** The capacity a read of {@code bytes} consumed, counted to the index if it read one. */
    Capacity capacity(long bytes, boolean consistent) {
        Capacity capacity = new Capacity(table.name());
        double units = Capacity.readUnits(bytes, consistent);
        return index.isPresent() ? capacity.indexRead(index.get().name(), units) : capacity.read(units);
    }
}
