package nhssm.local.stream;

import java.util.function.Consumer;

import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Where a mapping's reading of a shard starts and starts again: its starting position, after the last record
 * read once an iterator expired, or from the oldest record when what it wanted was trimmed. A shard that no
 * longer exists (trimmed whole: every record older than 24 hours, the shard closed as long) is finished, so
 * that its children are read: without that the mapping would wait for it, and them, for ever.
 */
final class ShardPositions {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String logPrefix;
    private final Consumer<String> log;

    ShardPositions(DynamoDbStreamsClient streams, String streamArn, String logPrefix, Consumer<String> log) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.logPrefix = logPrefix;
        this.log = log;
    }

    /** At the shard's starting position (TRIM_HORIZON or LATEST). */
    void open(ShardState shard) {
        try {
            position(shard, iterator(shard, shard.startingPosition, null));
        } catch (ResourceNotFoundException e) {
            gone(shard);
        }
        // Only once it has a position: after any other failure it is opened again.
        shard.opened = true;
    }

    /** After the last record read (its iterator expired), or at the start if it has read none. */
    void reopenAfterLastRead(ShardState shard) {
        if (shard.lastReadSequenceNumber == null) {
            open(shard);
            return;
        }
        try {
            position(shard, iterator(shard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, shard.lastReadSequenceNumber));
        } catch (TrimmedDataAccessException e) {
            fromTrimHorizon(shard);
        } catch (ResourceNotFoundException e) {
            gone(shard);
        }
    }

    /** From the oldest record still kept, after records were trimmed before they were read. */
    void fromTrimHorizon(ShardState shard) {
        log.accept(logPrefix + shard.shortId()
                + ": records were trimmed from the stream before they were read; continuing from the oldest");
        try {
            position(shard, iterator(shard, ShardIteratorType.TRIM_HORIZON, null));
        } catch (ResourceNotFoundException e) {
            gone(shard);
        }
    }

    /** The shard no longer exists: there is nothing left in it to read. */
    void gone(ShardState shard) {
        log.accept(logPrefix + shard.shortId() + ": the shard no longer exists (trimmed); going on with its children");
        shard.iterator = null;
        shard.exhausted = true;
    }

    /** An iterator at {@code sequenceNumber} itself. */
    String at(ShardState shard, String sequenceNumber) {
        return iterator(shard, ShardIteratorType.AT_SEQUENCE_NUMBER, sequenceNumber);
    }

    private String iterator(ShardState shard, ShardIteratorType type, String sequenceNumber) {
        return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId)
                .shardIteratorType(type).sequenceNumber(sequenceNumber)).shardIterator();
    }

    private static void position(ShardState shard, String iterator) {
        shard.iterator = iterator;
        shard.exhausted = iterator == null;
    }
}
