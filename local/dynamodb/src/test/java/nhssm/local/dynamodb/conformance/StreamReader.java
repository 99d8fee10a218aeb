package nhssm.local.dynamodb.conformance;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a stream the way a consumer does: every shard from TRIM_HORIZON, following NextShardIterator,
 * until the records expected have arrived (the service publishes them shortly after the write).
 */
public final class StreamReader {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    private StreamReader() {
    }

    /** At least {@code count} records of the stream, in sequence-number order. */
    public static List<Record> atLeast(DynamoDbStreamsClient streams, String streamArn, int count) {
        return Poll.until(WITHIN, count + " records on " + streamArn, () -> {
            List<Record> records = all(streams, streamArn);
            return records.size() >= count ? Optional.of(records) : Optional.empty();
        });
    }

    /** Every record now readable on the stream, in sequence-number order. */
    public static List<Record> all(DynamoDbStreamsClient streams, String streamArn) {
        List<Record> records = new ArrayList<>();
        byShard(streams, streamArn).forEach(shard -> records.addAll(shard.records()));
        records.sort(Comparator.comparing(r -> new BigInteger(r.dynamodb().sequenceNumber())));
        return records;
    }

    /** Each shard's records now readable, from TRIM_HORIZON. */
    public static List<ShardRecords> byShard(DynamoDbStreamsClient streams, String streamArn) {
        List<ShardRecords> result = new ArrayList<>();
        for (Shard shard : shards(streams, streamArn)) {
            String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            result.add(new ShardRecords(shard.shardId(), drain(streams, iterator)));
        }
        return result;
    }

    /** The records read from one shard, in the shard's order. */
    public record ShardRecords(String shardId, List<Record> records) {
    }

    /** The records from {@code iterator} on, following NextShardIterator while pages come back non-empty. */
    public static List<Record> drain(DynamoDbStreamsClient streams, String iterator) {
        List<Record> records = new ArrayList<>();
        String next = iterator;
        // An open shard always returns a next iterator; an empty page means nothing more for now.
        for (int page = 0; next != null && page < 100; page++) {
            String current = next;
            var response = streams.getRecords(r -> r.shardIterator(current));
            records.addAll(response.records());
            next = response.nextShardIterator();
            if (response.records().isEmpty()) {
                break;
            }
        }
        return records;
    }

    public static List<Shard> shards(DynamoDbStreamsClient streams, String streamArn) {
        return streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards();
    }
}
