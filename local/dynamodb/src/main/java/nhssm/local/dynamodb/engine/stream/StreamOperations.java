package nhssm.local.dynamodb.engine.stream;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;

/** The four operations of the DynamoDB Streams API, to its reference, over {@link Streams}' streams. */
final class StreamOperations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final Pattern STREAM_ARN = Pattern.compile("arn:aws:dynamodb:[^:]*:[^:]*:table/([a-zA-Z0-9_.-]+)/stream/(.+)");
    private static final List<String> ITERATOR_TYPES = List.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER",
            "AFTER_SEQUENCE_NUMBER");
    /** GetRecords returns at most 1 MB of records. */
    private static final long MAX_RECORDS_BYTES = 1024 * 1024;

    private final Streams streams;

    StreamOperations(Streams streams) {
        this.streams = streams;
    }

    JsonNode listStreams(JsonNode body) {
        StreamRequest request = new StreamRequest("ListStreams", body, List.of("TableName", "Limit", "ExclusiveStartStreamArn"));
        Optional<String> tableName = request.string("TableName", 3, 255, false);
        tableName.filter(name -> !TABLE_NAME.matcher(name).matches()).ifPresent(name ->
                request.refuse(name, "TableName", "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"));
        int limit = request.integer("Limit", 1, 100).orElse(100);
        Optional<String> start = request.string("ExclusiveStartStreamArn", 37, 1024, false);
        request.check();
        Optional<String> startKey = start.map(arn -> {
            Matcher m = STREAM_ARN.matcher(arn);
            if (!m.matches()) {
                throw DynamoDbError.validation("ExclusiveStartStreamArn " + arn + " is not a stream ARN"
                        + " (arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>)");
            }
            return Streams.key(m.group(1), m.group(2));
        });
        ArrayNode list = JSON.arrayNode();
        String last = null;
        boolean more = false;
        for (TableStream stream : streams.listedAfter(startKey).values()) {
            if (tableName.isPresent() && !tableName.get().equals(stream.tableName)) {
                continue;
            }
            if (list.size() == limit) {
                more = true;
                break;
            }
            list.addObject().put("StreamArn", stream.arn).put("TableName", stream.tableName).put("StreamLabel", stream.label);
            last = stream.arn;
        }
        ObjectNode response = JSON.objectNode();
        response.set("Streams", list);
        if (more) {
            response.put("LastEvaluatedStreamArn", last);
        }
        return response;
    }

    JsonNode describeStream(JsonNode body) {
        StreamRequest request = new StreamRequest("DescribeStream", body, List.of("StreamArn", "Limit", "ExclusiveStartShardId"));
        Optional<String> arn = request.string("StreamArn", 37, 1024, true);
        int limit = request.integer("Limit", 1, 100).orElse(100);
        Optional<String> start = request.string("ExclusiveStartShardId", 28, 65, false);
        request.check();
        TableStream stream = stream(arn.orElseThrow());
        TableStream.View view = stream.view(streams.now());
        ObjectNode description = JSON.objectNode();
        description.put("StreamArn", stream.arn);
        description.put("StreamLabel", stream.label);
        description.put("StreamStatus", view.enabled() ? "ENABLED" : "DISABLED");
        description.put("StreamViewType", stream.viewType);
        description.put("CreationRequestDateTime", epochSeconds(stream.createdAt));
        description.put("TableName", stream.tableName);
        ArrayNode keySchema = description.putArray("KeySchema");
        stream.keySchema.forEach(k -> keySchema.addObject().put("AttributeName", k.attributeName()).put("KeyType", k.keyType()));
        ArrayNode shards = description.putArray("Shards");
        String last = null;
        boolean more = false;
        for (TableStream.ShardView shard : view.shards()) {
            // Shard ids sort in creation order, so a page goes on after a shard trimmed in between.
            if (start.isPresent() && shard.id().compareTo(start.get()) <= 0) {
                continue;
            }
            if (shards.size() == limit) {
                more = true;
                break;
            }
            ObjectNode json = shards.addObject();
            json.put("ShardId", shard.id());
            ObjectNode range = json.putObject("SequenceNumberRange");
            range.put("StartingSequenceNumber", SequenceNumbers.text(shard.starting()));
            shard.ending().ifPresent(ending -> range.put("EndingSequenceNumber", SequenceNumbers.text(ending)));
            shard.parentId().ifPresent(parent -> json.put("ParentShardId", parent));
            last = shard.id();
        }
        if (more) {
            description.put("LastEvaluatedShardId", last);
        }
        ObjectNode response = JSON.objectNode();
        response.set("StreamDescription", description);
        return response;
    }

    JsonNode getShardIterator(JsonNode body) {
        StreamRequest request = new StreamRequest("GetShardIterator", body,
                List.of("StreamArn", "ShardId", "ShardIteratorType", "SequenceNumber"));
        Optional<String> arn = request.string("StreamArn", 37, 1024, true);
        Optional<String> shardId = request.string("ShardId", 28, 65, true);
        Optional<String> type = request.oneOf("ShardIteratorType", ITERATOR_TYPES);
        Optional<String> sequenceNumber = request.string("SequenceNumber", 21, 40, false);
        request.check();
        boolean needsNumber = type.get().endsWith("_SEQUENCE_NUMBER");
        if (needsNumber && sequenceNumber.isEmpty()) {
            throw DynamoDbError.validation("SequenceNumber is required with ShardIteratorType " + type.get());
        }
        if (!needsNumber && sequenceNumber.isPresent()) {
            throw DynamoDbError.validation("SequenceNumber is only given with AT_SEQUENCE_NUMBER or"
                    + " AFTER_SEQUENCE_NUMBER, not with ShardIteratorType " + type.get());
        }
        Optional<Long> sequence = sequenceNumber.flatMap(SequenceNumbers::counter);
        TableStream stream = stream(arn.get());
        Instant now = streams.now();
        long position = stream.position(now, shardId.get(), type.get(), sequence, sequenceNumber.orElse(""));
        ShardIterator iterator = new ShardIterator(stream.arn, shardId.get(), position, now.toEpochMilli());
        return JSON.objectNode().put("ShardIterator", iterator.encode());
    }

    JsonNode getRecords(JsonNode body) {
        StreamRequest request = new StreamRequest("GetRecords", body, List.of("ShardIterator", "Limit"));
        Optional<String> text = request.string("ShardIterator", 1, 2048, true);
        int limit = request.integer("Limit", 1, 1000).orElse(1000);
        request.check();
        ShardIterator iterator = ShardIterator.decode(text.get()).orElseThrow(() -> DynamoDbError.validation(
                "Invalid ShardIterator: it is not one that GetShardIterator or GetRecords gave"));
        Instant now = streams.now();
        long age = now.toEpochMilli() - iterator.issuedMillis();
        long lifetime = streams.settings().iteratorLifetime().toMillis();
        if (age > lifetime) {
            throw new DynamoDbError(ErrorType.EXPIRED_ITERATOR, "Iterator expired. The iterator was created at "
                    + Instant.ofEpochMilli(iterator.issuedMillis()) + " and is " + age
                    + " ms old, more than the " + lifetime + " ms it may be used for; get a new one with GetShardIterator");
        }
        TableStream stream = stream(iterator.streamArn());
        TableStream.Read read = stream.read(now, iterator.shardId(), iterator.position(), limit);
        ArrayNode records = JSON.arrayNode();
        long bytes = 0;
        int taken = 0;
        for (ChangeRecord record : read.records()) {
            ObjectNode json = StreamRecordJson.record(record, stream, streams.settings().region());
            bytes += json.get("dynamodb").get("SizeBytes").longValue();
            if (taken > 0 && bytes > MAX_RECORDS_BYTES) {
                break;
            }
            records.add(json);
            taken++;
        }
        long next = read.position() + taken;
        ObjectNode response = JSON.objectNode();
        response.set("Records", records);
        if (!(read.closed() && next >= read.end())) {
            response.put("NextShardIterator",
                    new ShardIterator(stream.arn, iterator.shardId(), next, now.toEpochMilli()).encode());
        }
        return response;
    }

    private TableStream stream(String arn) {
        return streams.byArn(arn).orElseThrow(() -> new DynamoDbError(ErrorType.RESOURCE_NOT_FOUND,
                "Requested resource not found: Stream: " + arn + " not found"));
    }

    /** Epoch seconds with the milliseconds, as the service's timestamps travel in JSON. */
    private static BigDecimal epochSeconds(Instant at) {
        return BigDecimal.valueOf(at.toEpochMilli()).movePointLeft(3);
    }
}
