package nhssm.local.dynamodb.engine.stream;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * One committed change to one item, as the table's stream sees it: the item's key attributes and its
 * images before and after. A put of a new item has no old image, a deletion no new image. The engine
 * reports only changes that changed the item (a put of an identical item is no change).
 */
public record ItemChange(
        Map<String, AttributeValue> keys,
        Optional<Map<String, AttributeValue>> oldImage,
        Optional<Map<String, AttributeValue>> newImage) {

    public ItemChange {
        keys = Map.copyOf(keys);
        oldImage = oldImage.map(Map::copyOf);
        newImage = newImage.map(Map::copyOf);
        if (oldImage.isEmpty() && newImage.isEmpty()) {
            throw new IllegalArgumentException("a change has an old image, a new image or both");
        }
        Objects.requireNonNull(keys);
    }

    /** INSERT, MODIFY or REMOVE, as the stream record's {@code eventName}. */
    public String eventName() {
        if (oldImage.isEmpty()) {
            return "INSERT";
        }
        return newImage.isEmpty() ? "REMOVE" : "MODIFY";
    }
}
