package nhssm.local.stream;

import nhssm.local.dynamodb.StreamEventJson;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Records of one shard delivered together, in sequence order, and how many times this batch (or the batch
 * it was cut from) has been retried.
 */
record Batch(List<Item> items, int retries) {

    /** One stream record: its sequence number and its JSON as it goes into the event. */
    record Item(String sequenceNumber, String json, int bytes) {
        static Item of(String sequenceNumber, String json) {
            return new Item(sequenceNumber, json, json.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    Batch {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a batch has at least one record");
        }
    }

    int size() {
        return items.size();
    }

    List<String> sequenceNumbers() {
        return items.stream().map(Item::sequenceNumber).toList();
    }

    String event() {
        return StreamEventJson.event(items.stream().map(Item::json).toList());
    }

    /** The records from {@code index} on, with {@code retries}. */
    Batch from(int index, int retries) {
        return new Batch(items.subList(index, items.size()), retries);
    }

    Batch firstHalf() {
        return new Batch(items.subList(0, items.size() / 2), retries);
    }

    Batch secondHalf() {
        return new Batch(items.subList(items.size() / 2, items.size()), retries);
    }

    Batch withRetries(int retries) {
        return new Batch(items, retries);
    }
}
