package nhssm.local.dynamodb.engine.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.ItemSize;

/** A table's primary key (or an index's key): a partition key and an optional sort key, with DynamoDB's key rules. */
public record KeySchema(KeyAttribute partition, Optional<KeyAttribute> sort) {

    public static final int MAX_PARTITION_BYTES = 2048;
    public static final int MAX_SORT_BYTES = 1024;

    public List<KeyAttribute> attributes() {
        List<KeyAttribute> attributes = new ArrayList<>(List.of(partition));
        sort.ifPresent(attributes::add);
        return attributes;
    }

    public Set<String> names() {
        return sort.map(s -> Set.of(partition.name(), s.name())).orElse(Set.of(partition.name()));
    }

    /** The key attributes of an item that has them (a stored item, or one already checked). */
    public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (KeyAttribute attribute : attributes()) {
            key.put(attribute.name(), item.get(attribute.name()));
        }
        return key;
    }

    /** Where an item with these key attributes is stored. */
    public StoredKey storedKey(Map<String, AttributeValue> item) {
        return StoredKey.of(item.get(partition.name()), sort.map(s -> item.get(s.name())).orElse(null));
    }

    /** Checks the key attributes of an item to write (PutItem's Item), as the service refuses them. */
    public StoredKey checkItem(Map<String, AttributeValue> item) {
        for (KeyAttribute attribute : attributes()) {
            AttributeValue value = item.get(attribute.name());
            if (value == null) {
                throw DynamoDbError.validation(
                        "One or more parameter values were invalid: Missing the key " + attribute.name() + " in the item");
            }
            if (!value.type().equals(attribute.type())) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Type mismatch for key "
                        + attribute.name() + " expected: " + attribute.type() + " actual: " + value.type());
            }
            checkValue(attribute, value);
        }
        return storedKey(item);
    }

    /** Checks a Key parameter: exactly the key attributes, of their types. */
    public StoredKey checkKey(Map<String, AttributeValue> key) {
        if (key.size() != attributes().size()) {
            throw DynamoDbError.validation("The provided key element does not match the schema");
        }
        for (KeyAttribute attribute : attributes()) {
            AttributeValue value = key.get(attribute.name());
            if (value == null || !value.type().equals(attribute.type())) {
                throw DynamoDbError.validation("The provided key element does not match the schema");
            }
            checkValue(attribute, value);
        }
        return storedKey(key);
    }

    private void checkValue(KeyAttribute attribute, AttributeValue value) {
        int size = switch (value) {
            case AttributeValue.S s -> ItemSize.utf8Length(s.value());
            case AttributeValue.B b -> b.value().length();
            default -> -1;
        };
        if (size == 0) {
            throw DynamoDbError.validation("One or more parameter values are not valid. The AttributeValue for a key attribute "
                    + "cannot contain an empty " + (value instanceof AttributeValue.S ? "string" : "binary")
                    + " value. Key: " + attribute.name());
        }
        if (attribute.equals(partition) && ItemSize.of(value) > MAX_PARTITION_BYTES) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Size of hashkey has exceeded "
                    + "the maximum size limit of2048 bytes");
        }
        if (!attribute.equals(partition) && ItemSize.of(value) > MAX_SORT_BYTES) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Aggregated size of all range keys "
                    + "has exceeded the size limit of 1024 bytes");
        }
    }
}
