package nhssm.local.dynamodb.engine.stream;

import static nhssm.local.dynamodb.engine.stream.StreamsFixture.insert;
import static nhssm.local.dynamodb.engine.stream.StreamsFixture.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.engine.error.ErrorType;

/** GetShardIterator's four types, GetRecords' Limit and NextShardIterator, and iterators expiring. */
class ShardIteratorsTest {

    /** Shards large enough never to close here: lineage has its own test. */
    private final StreamsFixture f = new StreamsFixture(100_000);
    private String arn;
    private String shard;

    @BeforeEach
    void fiveRecords() {
        arn = f.enable("T", "NEW_IMAGE").arn();
        for (int i = 1; i <= 5; i++) {
            f.commit("T", insert("k" + i, i));
        }
        shard = f.describe(arn).get("Shards").get(0).get("ShardId").asText();
    }

    private List<JsonNode> list(JsonNode page) {
        List<JsonNode> records = new ArrayList<>();
        page.get("Records").forEach(records::add);
        return records;
    }

    private String sequenceNumberOf(int n) {
        JsonNode all = f.records(f.iterator(arn, shard, "TRIM_HORIZON"));
        return all.get("Records").get(n - 1).get("dynamodb").get("SequenceNumber").asText();
    }

    @Test
    void trimHorizonReadsFromTheOldestRecord() {
        assertThat(numbers(list(f.records(f.iterator(arn, shard, "TRIM_HORIZON"))))).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void latestReadsOnlyWhatIsWrittenAfterIt() {
        String latest = f.iterator(arn, shard, "LATEST");
        JsonNode nothingYet = f.records(latest);
        assertThat(nothingYet.get("Records")).isEmpty();
        assertThat(nothingYet.has("NextShardIterator")).as("an open shard always gives a next iterator").isTrue();

        f.commit("T", insert("k6", 6));

        assertThat(numbers(list(f.records(nothingYet.get("NextShardIterator").asText())))).containsExactly(6);
    }

    @Test
    void atAndAfterASequenceNumberStartThereAndJustAfter() {
        String third = sequenceNumberOf(3);

        assertThat(numbers(list(f.records(f.iterator(arn, shard, "AT_SEQUENCE_NUMBER", third))))).containsExactly(3, 4, 5);
        assertThat(numbers(list(f.records(f.iterator(arn, shard, "AFTER_SEQUENCE_NUMBER", third))))).containsExactly(4, 5);
        String last = sequenceNumberOf(5);
        assertThat(list(f.records(f.iterator(arn, shard, "AFTER_SEQUENCE_NUMBER", last)))).isEmpty();
    }

    @Test
    void limitPagesThroughNextShardIterators() {
        List<Integer> read = new ArrayList<>();
        String iterator = f.iterator(arn, shard, "TRIM_HORIZON");
        List<Integer> pageSizes = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            JsonNode response = f.records(iterator, 2);
            pageSizes.add(response.get("Records").size());
            read.addAll(numbers(list(response)));
            iterator = response.get("NextShardIterator").asText();
        }
        assertThat(pageSizes).containsExactly(2, 2, 1, 0);
        assertThat(read).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void anIteratorIsStillGoodAtFifteenMinutesAndExpiredAfter() {
        String iterator = f.iterator(arn, shard, "TRIM_HORIZON");
        String other = f.iterator(arn, shard, "TRIM_HORIZON");
        f.clock.advance(Duration.ofMinutes(15));
        JsonNode page = f.records(iterator, 1);
        assertThat(numbers(list(page))).containsExactly(1);

        f.clock.advance(Duration.ofSeconds(1));

        assertThat(f.error("GetRecords", "{\"ShardIterator\":\"" + other + "\"}").type())
                .isEqualTo(ErrorType.EXPIRED_ITERATOR);
        // Each NextShardIterator has its own fifteen minutes.
        assertThat(numbers(list(f.records(page.get("NextShardIterator").asText())))).containsExactly(2, 3, 4, 5);
    }

    @Test
    void anIteratorOfAnotherEngineOrMangledIsRefused() {
        String iterator = f.iterator(arn, shard, "TRIM_HORIZON");
        String mangled = iterator.substring(0, iterator.length() - 3) + (iterator.endsWith("A") ? "BBB" : "AAA");

        assertThat(f.error("GetRecords", "{\"ShardIterator\":\"" + mangled + "\"}").type()).isEqualTo(ErrorType.VALIDATION);
        assertThat(f.error("GetRecords", "{\"ShardIterator\":\"not an iterator\"}").getMessage()).contains("ShardIterator");
    }

    @Test
    void readersOnSeveralThreadsWhileWritersCommitSeeEveryRecordOnceInOrder() throws Exception {
        int writes = 2000;
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 6; i < 6 + writes; i++) {
                f.commit("T", insert("k" + i, i));
            }
        });
        List<Integer> read = new ArrayList<>();
        String iterator = f.iterator(arn, shard, "TRIM_HORIZON");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (read.size() < writes + 5 && System.nanoTime() < deadline) {
            JsonNode page = f.records(iterator, 7);
            read.addAll(numbers(list(page)));
            iterator = page.get("NextShardIterator").asText();
        }
        writer.join();
        assertThat(read).hasSize(writes + 5).isSorted().doesNotHaveDuplicates();
    }
}
