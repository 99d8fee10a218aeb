package nhssm.local.dynamodb.engine.table;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.ItemSize;

/** A global secondary index: its key, its projection (ALL, KEYS_ONLY or INCLUDE) and its throughput. */
public record IndexDefinition(String name, KeySchema keySchema, String projectionType, List<String> nonKeyAttributes,
        Optional<Throughput> throughput) {

    /**
     * Checks the index's key attributes of an item to write: where present they must be of the declared
     * type and not empty, as the service refuses them.
     */
    public void checkItem(Map<String, AttributeValue> item) {
        for (KeyAttribute attribute : keySchema.attributes()) {
            AttributeValue value = item.get(attribute.name());
            if (value == null) {
                continue;
            }
            if (!value.type().equals(attribute.type())) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                        + attribute.name() + " Expected: " + attribute.type() + " Actual: " + value.type()
                        + " IndexName: " + name);
            }
            int size = ItemSize.of(value);
            if (size == 0) {
                throw DynamoDbError.validation("One or more parameter values are not valid. A value specified for a "
                        + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain an "
                        + "empty " + (value instanceof AttributeValue.S ? "string" : "binary") + " value. IndexName: "
                        + name + ", IndexKey: " + attribute.name());
            }
            boolean partition = attribute.equals(keySchema.partition());
            if (size > (partition ? KeySchema.MAX_PARTITION_BYTES : KeySchema.MAX_SORT_BYTES)) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Size of the index key "
                        + attribute.name() + " has exceeded the maximum size limit of "
                        + (partition ? KeySchema.MAX_PARTITION_BYTES : KeySchema.MAX_SORT_BYTES) + " bytes. IndexName: " + name);
            }
        }
    }

    /** Where the item sits in the index, or empty if it lacks the index's key (it is then not in the index). */
    public Optional<StoredKey> indexKey(Map<String, AttributeValue> item, StoredKey tableKey) {
        AttributeValue partition = item.get(keySchema.partition().name());
        if (partition == null) {
            return Optional.empty();
        }
        AttributeValue sort = null;
        if (keySchema.sort().isPresent()) {
            sort = item.get(keySchema.sort().get().name());
            if (sort == null) {
                return Optional.empty();
            }
        }
        return Optional.of(StoredKey.ofIndex(partition, sort, tableKey));
    }

    /** The item as the index holds it: its projection, always with the index's and the table's keys. */
    public Map<String, AttributeValue> project(Map<String, AttributeValue> item, KeySchema tableKey) {
        if (projectionType.equals("ALL")) {
            return item;
        }
        Set<String> kept = new LinkedHashSet<>(tableKey.names());
        kept.addAll(keySchema.names());
        if (projectionType.equals("INCLUDE")) {
            kept.addAll(nonKeyAttributes);
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        for (String name : kept) {
            AttributeValue value = item.get(name);
            if (value != null) {
                projected.put(name, value);
            }
        }
        return projected;
    }
}
