package nhssm.local.dynamodb;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * DynamoDB stream records as JSON in the shape Lambda's DynamoDB event source puts in the event:
 * <pre>{@code
 * {"Records":[{"eventID","eventName","eventVersion","eventSource","awsRegion",
 *   "dynamodb":{"Keys","NewImage","OldImage","ApproximateCreationDateTime","SequenceNumber","SizeBytes","StreamViewType"},
 *   "eventSourceARN","userIdentity"}]}
 * }</pre>
 * Attribute values are in DynamoDB JSON ({@code {"S":…}}, {@code {"N":"1.5"}}, {@code {"B":base64}},
 * {@code {"NULL":true}}, …); images appear only when the record carries them, which the stream's view
 * type decides; {@code ApproximateCreationDateTime} is in epoch seconds; {@code userIdentity} only on the
 * records that have one (deletions by TTL). An empty map is {@code {"M":{}}}, as Lambda delivers it.
 */
public final class StreamEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StreamEventJson() {
    }

    /** One record of the event's {@code Records} array. */
    public static ObjectNode record(Record record, String eventSourceArn) {
        ObjectNode json = NODES.objectNode();
        putIfPresent(json, "eventID", record.eventID());
        putIfPresent(json, "eventName", record.eventNameAsString());
        putIfPresent(json, "eventVersion", record.eventVersion());
        putIfPresent(json, "eventSource", record.eventSource());
        putIfPresent(json, "awsRegion", record.awsRegion());
        StreamRecord dynamodb = record.dynamodb();
        if (dynamodb != null) {
            json.set("dynamodb", streamRecord(dynamodb));
        }
        putIfPresent(json, "eventSourceARN", eventSourceArn);
        Identity identity = record.userIdentity();
        if (identity != null) {
            ObjectNode user = json.putObject("userIdentity");
            putIfPresent(user, "principalId", identity.principalId());
            putIfPresent(user, "type", identity.type());
        }
        return json;
    }

    /** The whole event: {@code {"Records":[…]}} with the records, already serialized, in order. */
    public static String event(List<String> recordsJson) {
        int length = 14 + recordsJson.stream().mapToInt(String::length).sum() + recordsJson.size();
        StringBuilder event = new StringBuilder(length).append("{\"Records\":[");
        for (int i = 0; i < recordsJson.size(); i++) {
            if (i > 0) {
                event.append(',');
            }
            event.append(recordsJson.get(i));
        }
        return event.append("]}").toString();
    }

    /** Compact JSON text of a node. */
    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a tree node", e);
        }
    }

    /** An attribute value in DynamoDB JSON, as stream records carry it to Lambda. */
    public static ObjectNode attributeValue(AttributeValue value) {
        ObjectNode json = NODES.objectNode();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case B -> json.put("B", base64(value.b()));
            case SS -> strings(json.putArray("SS"), value.ss());
            case NS -> strings(json.putArray("NS"), value.ns());
            case BS -> {
                ArrayNode set = json.putArray("BS");
                value.bs().forEach(b -> set.add(base64(b)));
            }
            case M -> json.set("M", image(value.m()));
            case L -> {
                ArrayNode list = json.putArray("L");
                value.l().forEach(element -> list.add(attributeValue(element)));
            }
            case BOOL -> json.put("BOOL", value.bool());
            case NUL -> json.put("NULL", true);
            // A value of no type the SDK knows: an emulator that writes an empty map as {} without its type
            // (DynamoDB writes {"M":{}}) gives this; an empty map is what it was.
            case UNKNOWN_TO_SDK_VERSION -> json.putObject("M");
        }
        return json;
    }

    private static ObjectNode streamRecord(StreamRecord record) {
        ObjectNode json = NODES.objectNode();
        if (record.hasKeys()) {
            json.set("Keys", image(record.keys()));
        }
        if (record.hasNewImage()) {
            json.set("NewImage", image(record.newImage()));
        }
        if (record.hasOldImage()) {
            json.set("OldImage", image(record.oldImage()));
        }
        Instant created = record.approximateCreationDateTime();
        if (created != null) {
            if (created.getNano() == 0) {
                json.put("ApproximateCreationDateTime", created.getEpochSecond());
            } else {
                json.put("ApproximateCreationDateTime",
                        BigDecimal.valueOf(created.getEpochSecond()).add(BigDecimal.valueOf(created.getNano(), 9)));
            }
        }
        putIfPresent(json, "SequenceNumber", record.sequenceNumber());
        if (record.sizeBytes() != null) {
            json.put("SizeBytes", record.sizeBytes());
        }
        putIfPresent(json, "StreamViewType", record.streamViewTypeAsString());
        return json;
    }

    private static ObjectNode image(Map<String, AttributeValue> image) {
        ObjectNode json = NODES.objectNode();
        image.forEach((name, value) -> json.set(name, attributeValue(value)));
        return json;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
