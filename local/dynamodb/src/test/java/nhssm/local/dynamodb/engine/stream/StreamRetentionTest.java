package nhssm.local.dynamodb.engine.stream;

import static nhssm.local.dynamodb.engine.stream.StreamsFixture.MAPPER;
import static nhssm.local.dynamodb.engine.stream.StreamsFixture.insert;
import static nhssm.local.dynamodb.engine.stream.StreamsFixture.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.engine.error.ErrorType;

/** Records kept 24 hours: the trim horizon moves, trimmed reads are refused, a disabled stream lasts a day. */
class StreamRetentionTest {

    private final StreamsFixture f = new StreamsFixture(3);

    private List<JsonNode> list(JsonNode page) {
        List<JsonNode> records = new ArrayList<>();
        page.get("Records").forEach(records::add);
        return records;
    }

    private String firstShard(String arn) {
        return f.describe(arn).get("Shards").get(0).get("ShardId").asText();
    }

    @Test
    void theTrimHorizonMovesPastRecordsOlderThanADay() {
        String arn = f.enable("T", "NEW_IMAGE").arn();
        f.commit("T", insert("k1", 1));
        f.clock.advance(Duration.ofHours(1));
        f.commit("T", insert("k2", 2));
        String shard = firstShard(arn);
        String firstSequenceNumber = f.records(f.iterator(arn, shard, "TRIM_HORIZON"))
                .get("Records").get(0).get("dynamodb").get("SequenceNumber").asText();
        f.clock.advance(Duration.ofHours(22).plusMinutes(55));
        String beforeTheTrim = f.iterator(arn, shard, "TRIM_HORIZON");

        f.clock.advance(Duration.ofMinutes(10));

        assertThat(numbers(list(f.records(f.iterator(arn, shard, "TRIM_HORIZON"))))).containsExactly(2);
        assertThat(f.error("GetRecords", "{\"ShardIterator\":\"" + beforeTheTrim + "\"}").type())
                .isEqualTo(ErrorType.TRIMMED_DATA_ACCESS);
        assertThat(f.error("GetShardIterator", MAPPER.createObjectNode().put("StreamArn", arn).put("ShardId", shard)
                .put("ShardIteratorType", "AT_SEQUENCE_NUMBER").put("SequenceNumber", firstSequenceNumber).toString())
                .type()).isEqualTo(ErrorType.TRIMMED_DATA_ACCESS);
    }

    @Test
    void aClosedShardIsListedForADayAfterItClosedThenNotAndItsChildKeepsItsParentId() {
        String arn = f.enable("T", "NEW_IMAGE").arn();
        for (int i = 1; i <= 3; i++) {
            f.commit("T", insert("k" + i, i));
        }
        f.clock.advance(Duration.ofHours(2));
        f.commit("T", insert("k4", 4)); // closes the first shard
        f.clock.advance(Duration.ofHours(3));
        f.commit("T", insert("k5", 5));
        JsonNode before = f.describe(arn).get("Shards");
        assertThat(before).hasSize(2);

        f.clock.advance(Duration.ofHours(20));
        assertThat(f.describe(arn).get("Shards")).as("its records are trimmed; it closed less than a day ago").hasSize(2);
        assertThat(numbers(f.readAll(arn, 100))).containsExactly(4, 5);
        f.clock.advance(Duration.ofHours(1).plusSeconds(1));

        JsonNode after = f.describe(arn).get("Shards");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("ShardId")).isEqualTo(before.get(1).get("ShardId"));
        assertThat(after.get(0).get("ParentShardId")).isEqualTo(before.get(0).get("ShardId"));
        assertThat(numbers(f.readAll(arn, 100))).containsExactly(5);
    }

    @Test
    void aDisabledStreamIsReadableForADayThenGone() {
        String arn = f.enable("T", "NEW_IMAGE").arn();
        f.commit("T", insert("k1", 1));
        f.streams.disable("T", f.clock.instant());
        f.commit("T", insert("k2", 2));

        JsonNode description = f.describe(arn);
        assertThat(description.get("StreamStatus").asText()).isEqualTo("DISABLED");
        JsonNode shard = description.get("Shards").get(0);
        assertThat(shard.get("SequenceNumberRange").has("EndingSequenceNumber")).isTrue();
        JsonNode page = f.records(f.iterator(arn, shard.get("ShardId").asText(), "TRIM_HORIZON"));
        assertThat(numbers(list(page))).containsExactly(1);
        assertThat(page.has("NextShardIterator")).isFalse();

        f.clock.advance(Duration.ofHours(24).plusSeconds(1));

        assertThat(f.call("ListStreams", "{}").get("Streams")).isEmpty();
        assertThat(f.error("DescribeStream", "{\"StreamArn\":\"" + arn + "\"}").type()).isEqualTo(ErrorType.RESOURCE_NOT_FOUND);
    }

    @Test
    void aTableCreatedAgainHasANewStreamBesideTheDisabledOne() {
        String first = f.enable("Tbl", "NEW_IMAGE").arn();
        f.commit("Tbl", insert("k1", 1));
        f.streams.disable("Tbl", f.clock.instant());
        f.clock.advance(Duration.ofSeconds(1));
        String second = f.enable("Tbl", "KEYS_ONLY").arn();
        f.commit("Tbl", insert("k2", 2));

        assertThat(second).isNotEqualTo(first);
        assertThat(f.describe(first).get("StreamStatus").asText()).isEqualTo("DISABLED");
        assertThat(f.describe(second).get("StreamStatus").asText()).isEqualTo("ENABLED");
        assertThat(f.readAll(first, 100)).hasSize(1);
        assertThat(f.readAll(second, 100)).extracting(r -> r.get("dynamodb").get("Keys").get("pk").get("S").asText())
                .containsExactly("k2");
        assertThat(f.call("ListStreams", "{\"TableName\":\"Tbl\"}").get("Streams")).hasSize(2);
    }
}
