package nhssm.local.dynamodb.engine.stream;

import static nhssm.local.dynamodb.engine.stream.StreamsFixture.MAPPER;
import static nhssm.local.dynamodb.engine.stream.StreamsFixture.insert;
import static nhssm.local.dynamodb.engine.stream.StreamsFixture.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Shards that close and open children, as readers following lineage must handle. */
class ShardLineageTest {

    private final StreamsFixture f = new StreamsFixture(3);

    private List<JsonNode> shards(String arn) {
        List<JsonNode> shards = new ArrayList<>();
        f.describe(arn).get("Shards").forEach(shards::add);
        return shards;
    }

    @Test
    void aFullShardClosesAndItsChildTakesTheNextRecords() {
        String arn = f.enable("T", "NEW_IMAGE").arn();
        for (int i = 1; i <= 7; i++) {
            f.commit("T", insert("k" + i, i));
        }

        List<JsonNode> shards = shards(arn);

        assertThat(shards).hasSize(3);
        assertThat(shards.get(0).has("ParentShardId")).isFalse();
        assertThat(shards.get(1).get("ParentShardId").asText()).isEqualTo(shards.get(0).get("ShardId").asText());
        assertThat(shards.get(2).get("ParentShardId").asText()).isEqualTo(shards.get(1).get("ShardId").asText());
        assertThat(shards).extracting(s -> s.get("ShardId").asText()).allMatch(id -> id.matches("shardId-[0-9]{20}-[0-9a-f]{8}"));
        assertThat(shards.get(0).get("SequenceNumberRange").has("EndingSequenceNumber")).isTrue();
        assertThat(shards.get(1).get("SequenceNumberRange").has("EndingSequenceNumber")).isTrue();
        assertThat(shards.get(2).get("SequenceNumberRange").has("EndingSequenceNumber")).as("the newest is open").isFalse();
        BigInteger end0 = new BigInteger(shards.get(0).get("SequenceNumberRange").get("EndingSequenceNumber").asText());
        BigInteger start1 = new BigInteger(shards.get(1).get("SequenceNumberRange").get("StartingSequenceNumber").asText());
        assertThat(start1).isGreaterThan(end0);
        assertThat(numbers(f.readAll(arn, 2))).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void aClosedShardReadToItsEndGivesNoNextIterator() {
        String arn = f.enable("T", "NEW_IMAGE").arn();
        for (int i = 1; i <= 4; i++) {
            f.commit("T", insert("k" + i, i));
        }
        String closed = shards(arn).getFirst().get("ShardId").asText();

        JsonNode first = f.records(f.iterator(arn, closed, "TRIM_HORIZON"), 2);
        assertThat(first.has("NextShardIterator")).isTrue();
        JsonNode rest = f.records(first.get("NextShardIterator").asText(), 2);

        assertThat(numbers(list(first))).containsExactly(1, 2);
        assertThat(numbers(list(rest))).containsExactly(3);
        assertThat(rest.has("NextShardIterator")).isFalse();
        JsonNode latest = f.records(f.iterator(arn, closed, "LATEST"));
        assertThat(latest.get("Records")).isEmpty();
        assertThat(latest.has("NextShardIterator")).isFalse();
    }

    @Test
    void anIteratorTakenOnTheOpenShardBeforeItClosesFindsTheEnd() {
        String arn = f.enable("T", "NEW_IMAGE").arn();
        f.commit("T", insert("k1", 1));
        String shard = shards(arn).getFirst().get("ShardId").asText();
        JsonNode page = f.records(f.iterator(arn, shard, "TRIM_HORIZON"));
        assertThat(page.has("NextShardIterator")).isTrue();

        for (int i = 2; i <= 5; i++) {
            f.commit("T", insert("k" + i, i));
        }
        JsonNode rest = f.records(page.get("NextShardIterator").asText());

        assertThat(numbers(list(rest))).containsExactly(2, 3);
        assertThat(rest.has("NextShardIterator")).isFalse();
    }

    @Test
    void aShardOlderThanTheMaximumAgeClosesAtTheNextWrite() {
        StreamsFixture.MovableClock clock = new StreamsFixture.MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
        Streams streams = new Streams(StreamSettings.defaults(clock, "eu-west-2", "123456789012")
                .withShardMaxAge(Duration.ofMinutes(10)));
        String arn = streams.enable("T", StreamsFixture.KEY, "KEYS_ONLY", clock.instant()).arn();
        streams.committed("T", clock.instant(), List.of(insert("a", 1)), false);
        clock.advance(Duration.ofMinutes(10));
        streams.committed("T", clock.instant(), List.of(insert("b", 2)), false);

        JsonNode shards = streams.handle("DescribeStream", MAPPER.createObjectNode().put("StreamArn", arn))
                .get("StreamDescription").get("Shards");

        assertThat(shards).hasSize(2);
        assertThat(shards.get(1).get("ParentShardId").asText()).isEqualTo(shards.get(0).get("ShardId").asText());
    }

    @Test
    void describeStreamPagesThroughShardsWithLimitAndExclusiveStartShardId() {
        String arn = f.enable("T", "KEYS_ONLY").arn();
        IntStream.rangeClosed(1, 10).forEach(i -> f.commit("T", insert("k" + i, i)));
        List<String> all = shards(arn).stream().map(s -> s.get("ShardId").asText()).toList();
        assertThat(all).hasSize(4);

        List<String> paged = new ArrayList<>();
        String start = null;
        int pages = 0;
        do {
            var request = MAPPER.createObjectNode().put("StreamArn", arn).put("Limit", 3);
            if (start != null) {
                request.put("ExclusiveStartShardId", start);
            }
            JsonNode description = f.call("DescribeStream", request).get("StreamDescription");
            description.get("Shards").forEach(s -> paged.add(s.get("ShardId").asText()));
            start = description.path("LastEvaluatedShardId").asText(null);
            pages++;
        } while (start != null);

        assertThat(pages).isEqualTo(2);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void aTransactionLargerThanAShardGoesOnInTheChild() {
        String arn = f.enable("T", "NEW_IMAGE").arn();
        f.commit("T", IntStream.rangeClosed(1, 5).mapToObj(i -> insert("k" + i, i)).toArray(ItemChange[]::new));

        assertThat(shards(arn)).hasSize(2);
        assertThat(numbers(f.readAll(arn, 1000))).containsExactly(1, 2, 3, 4, 5);
    }

    private static List<JsonNode> list(JsonNode page) {
        List<JsonNode> records = new ArrayList<>();
        page.get("Records").forEach(records::add);
        return records;
    }
}
