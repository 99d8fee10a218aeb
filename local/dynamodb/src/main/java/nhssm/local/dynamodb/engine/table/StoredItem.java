package nhssm.local.dynamodb.engine.table;

import java.util.Map;

import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.ItemSize;

/** An item as a table or index holds it: immutable attributes and their size, computed once. */
public record StoredItem(Map<String, AttributeValue> attributes, int size) {

    public static StoredItem of(Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> copy = Map.copyOf(attributes);
        return new StoredItem(copy, ItemSize.of(copy));
    }
}
