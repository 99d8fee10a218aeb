package nhssm.local.dynamodb.engine.stream;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.AttributeValueJson;
import nhssm.local.dynamodb.engine.value.ItemSize;

/**
 * A stream record as GetRecords returns it: eventID, eventName, eventVersion 1.1, eventSource, awsRegion,
 * the {@code dynamodb} member with the images the stream's view type asks for (SizeBytes: the keys' and
 * images' sizes as items are measured), and for a TTL deletion the
 * service's userIdentity. The eventID is derived from the stream and sequence number, so it is unique and
 * the same record has the same id after the engine restarts from its log.
 */
final class StreamRecordJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StreamRecordJson() {
    }

    static ObjectNode record(ChangeRecord record, TableStream stream, String region) {
        ItemChange change = record.change();
        String sequenceNumber = SequenceNumbers.text(record.sequence());
        ObjectNode json = JSON.objectNode();
        json.put("eventID", eventId(stream.arn, sequenceNumber));
        json.put("eventName", change.eventName());
        json.put("eventVersion", "1.1");
        json.put("eventSource", "aws:dynamodb");
        json.put("awsRegion", region);
        ObjectNode dynamodb = json.putObject("dynamodb");
        // Epoch seconds, rounded down to the second as the service does.
        dynamodb.put("ApproximateCreationDateTime", record.at().getEpochSecond());
        dynamodb.set("Keys", AttributeValueJson.toJson(change.keys()));
        long size = ItemSize.of(change.keys());
        boolean newImage = stream.viewType.equals("NEW_IMAGE") || stream.viewType.equals("NEW_AND_OLD_IMAGES");
        boolean oldImage = stream.viewType.equals("OLD_IMAGE") || stream.viewType.equals("NEW_AND_OLD_IMAGES");
        if (newImage && change.newImage().isPresent()) {
            Map<String, AttributeValue> image = change.newImage().get();
            dynamodb.set("NewImage", AttributeValueJson.toJson(image));
            size += ItemSize.of(image);
        }
        if (oldImage && change.oldImage().isPresent()) {
            Map<String, AttributeValue> image = change.oldImage().get();
            dynamodb.set("OldImage", AttributeValueJson.toJson(image));
            size += ItemSize.of(image);
        }
        dynamodb.put("SequenceNumber", sequenceNumber);
        dynamodb.put("SizeBytes", size);
        dynamodb.put("StreamViewType", stream.viewType);
        if (record.byTtl()) {
            // The API's Identity members are capitalised; Lambda's event spells them type and principalId.
            ObjectNode identity = json.putObject("userIdentity");
            identity.put("PrincipalId", "dynamodb.amazonaws.com");
            identity.put("Type", "Service");
        }
        return json;
    }

    private static String eventId(String streamArn, String sequenceNumber) {
        UUID id = UUID.nameUUIDFromBytes((streamArn + "/" + sequenceNumber).getBytes(StandardCharsets.UTF_8));
        return id.toString().replace("-", "");
    }
}
