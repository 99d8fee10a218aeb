package nhssm.local.dynamodb.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/** A {@link Streams} on a clock the test moves, driven as the tables and the API's clients drive it. */
final class StreamsFixture {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final List<Streams.KeyElement> KEY = List.of(new Streams.KeyElement("pk", "HASH"));

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00.123Z"));
    final Streams streams;

    StreamsFixture(int shardMaxRecords) {
        streams = new Streams(StreamSettings.defaults(clock, "eu-west-2", "123456789012")
                .withShardMaxRecords(shardMaxRecords));
    }

    StreamsFixture() {
        this(1000);
    }

    Streams.StreamHandle enable(String table, String viewType) {
        return streams.enable(table, KEY, viewType, clock.instant());
    }

    /** Commits {@code changes} as one write, now. */
    void commit(String table, ItemChange... changes) {
        streams.committed(table, clock.instant(), List.of(changes), false);
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", new AttributeValue.S(pk));
    }

    static Map<String, AttributeValue> item(String pk, int n) {
        return Map.of("pk", new AttributeValue.S(pk), "n", new AttributeValue.N(BigDecimal.valueOf(n)));
    }

    static ItemChange insert(String pk, int n) {
        return new ItemChange(key(pk), Optional.empty(), Optional.of(item(pk, n)));
    }

    static ItemChange modify(String pk, int from, int to) {
        return new ItemChange(key(pk), Optional.of(item(pk, from)), Optional.of(item(pk, to)));
    }

    static ItemChange remove(String pk, int n) {
        return new ItemChange(key(pk), Optional.of(item(pk, n)), Optional.empty());
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    JsonNode call(String operation, String request) {
        return streams.handle(operation, json(request));
    }

    JsonNode call(String operation, ObjectNode request) {
        return streams.handle(operation, request);
    }

    DynamoDbError error(String operation, String request) {
        DynamoDbError error = catchThrowableOfType(DynamoDbError.class, () -> call(operation, request));
        assertThat(error).as("%s %s is refused", operation, request).isNotNull();
        return error;
    }

    JsonNode describe(String arn) {
        return call("DescribeStream", MAPPER.createObjectNode().put("StreamArn", arn)).get("StreamDescription");
    }

    String iterator(String arn, String shardId, String type) {
        return call("GetShardIterator", MAPPER.createObjectNode().put("StreamArn", arn).put("ShardId", shardId)
                .put("ShardIteratorType", type)).get("ShardIterator").asText();
    }

    String iterator(String arn, String shardId, String type, String sequenceNumber) {
        return call("GetShardIterator", MAPPER.createObjectNode().put("StreamArn", arn).put("ShardId", shardId)
                .put("ShardIteratorType", type).put("SequenceNumber", sequenceNumber)).get("ShardIterator").asText();
    }

    JsonNode records(String iterator) {
        return call("GetRecords", MAPPER.createObjectNode().put("ShardIterator", iterator));
    }

    JsonNode records(String iterator, int limit) {
        return call("GetRecords", MAPPER.createObjectNode().put("ShardIterator", iterator).put("Limit", limit));
    }

    /**
     * Every record of the stream as a reader following lineage gets them: each shard after its parent, from
     * TRIM_HORIZON until a closed shard gives no NextShardIterator (an open one: until it gives nothing).
     */
    List<JsonNode> readAll(String arn, int limit) {
        List<JsonNode> all = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<JsonNode> shards = new ArrayList<>();
        describe(arn).get("Shards").forEach(shards::add);
        while (done.size() < shards.size()) {
            for (JsonNode shard : shards) {
                String id = shard.get("ShardId").asText();
                String parent = shard.path("ParentShardId").asText(null);
                boolean parentListed = shards.stream().anyMatch(s -> s.get("ShardId").asText().equals(parent));
                if (done.contains(id) || (parent != null && parentListed && !done.contains(parent))) {
                    continue;
                }
                String iterator = iterator(arn, id, "TRIM_HORIZON");
                while (iterator != null) {
                    JsonNode page = records(iterator, limit);
                    page.get("Records").forEach(all::add);
                    iterator = page.path("NextShardIterator").asText(null);
                    if (page.get("Records").isEmpty() && !shard.get("SequenceNumberRange").has("EndingSequenceNumber")) {
                        break;
                    }
                }
                done.add(id);
            }
        }
        return all;
    }

    static List<Integer> numbers(List<JsonNode> records) {
        return records.stream().map(r -> {
            JsonNode image = r.get("dynamodb").has("NewImage") ? r.get("dynamodb").get("NewImage") : r.get("dynamodb").get("OldImage");
            return Integer.parseInt(image.get("n").get("N").asText());
        }).toList();
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
