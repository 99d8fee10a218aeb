package nhssm.local.dynamodb.engine.expression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * Writes into an item at a document path. Values are immutable, so each write rebuilds the maps and lists
 * along its path. Every step before the last must exist with the type the path expects; a list index past
 * the end appends, as SET does in the service.
 */
final class DocumentEditor {

    private DocumentEditor() {
    }

    static DynamoDbError invalidPath() {
        return DynamoDbError.validation("The document path provided in the update expression is invalid for update");
    }

    /** The item with {@code value} at {@code path}. */
    static Map<String, AttributeValue> set(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        return edit(item, path, value);
    }

    /** The item without what is at {@code path}; a missing last step removes nothing. */
    static Map<String, AttributeValue> remove(Map<String, AttributeValue> item, Path path) {
        return edit(item, path, null);
    }

    private static Map<String, AttributeValue> edit(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        List<Path.Element> elements = path.elements();
        String attribute = path.attribute();
        Map<String, AttributeValue> result = new HashMap<>(item);
        if (elements.size() == 1) {
            put(result, attribute, value);
            return result;
        }
        AttributeValue top = item.get(attribute);
        if (top == null) {
            throw invalidPath();
        }
        result.put(attribute, editIn(top, elements, 1, value));
        return result;
    }

    /** {@code container} with its part at {@code elements[at..]} replaced (or removed, when value is null). */
    private static AttributeValue editIn(AttributeValue container, List<Path.Element> elements, int at,
            AttributeValue value) {
        boolean last = at == elements.size() - 1;
        Path.Element element = elements.get(at);
        if (element instanceof Path.Name name && container instanceof AttributeValue.M map) {
            Map<String, AttributeValue> entries = new HashMap<>(map.values());
            if (last) {
                put(entries, name.name(), value);
            } else {
                AttributeValue child = entries.get(name.name());
                if (child == null) {
                    throw invalidPath();
                }
                entries.put(name.name(), editIn(child, elements, at + 1, value));
            }
            return new AttributeValue.M(entries);
        }
        if (element instanceof Path.Index index && container instanceof AttributeValue.L list) {
            List<AttributeValue> entries = new ArrayList<>(list.values());
            int i = index.index();
            if (last) {
                if (value == null) {
                    if (i < entries.size()) {
                        entries.remove(i);
                    }
                } else if (i < entries.size()) {
                    entries.set(i, value);
                } else {
                    entries.add(value);
                }
            } else {
                if (i >= entries.size()) {
                    throw invalidPath();
                }
                entries.set(i, editIn(entries.get(i), elements, at + 1, value));
            }
            return new AttributeValue.L(entries);
        }
        throw invalidPath();
    }

    private static void put(Map<String, AttributeValue> map, String key, AttributeValue value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }
}
