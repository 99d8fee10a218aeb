package nhssm.local.dynamodb.engine.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.stream.ItemChange;
import nhssm.local.dynamodb.engine.value.AttributeValueJson;

/**
 * One entry of the log as JSON (UTF-8): a table operation with its request, or a committed write with
 * each table's items, their keys and images in DynamoDB JSON. Times are ISO-8601 instants, exact to the nanosecond.
 */
final class LogEntryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LogEntryJson() {
    }

    static byte[] tableOperation(String operation, JsonNode request, Instant at) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("kind", "table");
        entry.put("operation", operation);
        entry.put("at", at.toString());
        entry.set("request", request);
        return bytes(entry);
    }

    /** One write: the changes of each table it touched, in the order given (one entry, so all or none). */
    static byte[] items(Instant at, Map<String, List<ItemChange>> changesByTable, boolean byTtl) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("kind", "items");
        entry.put("at", at.toString());
        entry.put("byTtl", byTtl);
        ArrayNode tables = entry.putArray("tables");
        changesByTable.forEach((tableName, changes) -> {
            ObjectNode table = tables.addObject();
            table.put("table", tableName);
            ArrayNode list = table.putArray("changes");
            for (ItemChange change : changes) {
                ObjectNode json = list.addObject();
                json.set("keys", AttributeValueJson.toJson(change.keys()));
                change.oldImage().ifPresent(image -> json.set("old", AttributeValueJson.toJson(image)));
                change.newImage().ifPresent(image -> json.set("new", AttributeValueJson.toJson(image)));
            }
        });
        return bytes(entry);
    }

    /** Hands the entry to {@code target}; fails with IllegalArgumentException if it is not one this wrote. */
    static void replay(byte[] bytes, WriteAheadLog.Replay target) {
        JsonNode entry;
        try {
            entry = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("a log entry is not JSON", e);
        }
        Instant at = Instant.parse(entry.path("at").asText());
        switch (entry.path("kind").asText()) {
            case "table" -> target.tableOperation(entry.path("operation").asText(), entry.get("request"), at);
            case "items" -> {
                for (JsonNode table : entry.path("tables")) {
                    List<ItemChange> changes = new ArrayList<>();
                    for (JsonNode change : table.path("changes")) {
                        changes.add(new ItemChange(AttributeValueJson.item(change.get("keys"), "keys"),
                                Optional.ofNullable(change.get("old")).map(image -> AttributeValueJson.item(image, "old")),
                                Optional.ofNullable(change.get("new")).map(image -> AttributeValueJson.item(image, "new"))));
                    }
                    target.items(table.path("table").asText(), at, changes, entry.path("byTtl").asBoolean());
                }
            }
            default -> throw new IllegalArgumentException("unknown log entry kind " + entry.path("kind"));
        }
    }

    private static byte[] bytes(ObjectNode entry) {
        try {
            return MAPPER.writeValueAsBytes(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
