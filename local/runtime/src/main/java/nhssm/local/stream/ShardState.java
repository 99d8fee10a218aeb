package nhssm.local.stream;

import java.util.ArrayDeque;
import java.util.Deque;

import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * Where the event source mapping is in one shard. Everything before the head of {@link #retries}, then of
 * {@link #buffer}, has been processed (or filtered out, or discarded); nothing is checkpointed past a record
 * that has not.
 */
final class ShardState {

    final String shardId;
    final String parentShardId;
    /** Where reading starts when the shard is opened: TRIM_HORIZON or LATEST. */
    final ShardIteratorType startingPosition;

    /** Batches to deliver again, in order, before anything in {@link #buffer}. */
    final Deque<Batch> retries = new ArrayDeque<>();
    /** Records read and matching the filter, not yet delivered. */
    final Deque<Batch.Item> buffer = new ArrayDeque<>();

    String iterator;
    boolean opened;
    /** The shard is closed and every record of it has been read. */
    boolean exhausted;
    /** The sequence number of the last record read, to resume after an expired iterator. */
    String lastReadSequenceNumber;
    /** No delivery before this {@link System#nanoTime()} (a retry's delay). */
    long notBeforeNanos;
    /** The sequence number of a record that could not be read, where the shard waits; null if none. */
    String heldAt;
    /** How many times {@link #heldAt} has failed to be read, which sets the delay before the next. */
    int holds;

    ShardState(String shardId, String parentShardId, ShardIteratorType startingPosition) {
        this.shardId = shardId;
        this.parentShardId = parentShardId;
        this.startingPosition = startingPosition;
    }

    boolean finished() {
        return exhausted && retries.isEmpty() && buffer.isEmpty();
    }

    /** The last 8 characters of the shard id, enough to tell shards apart in a log. */
    String shortId() {
        return shardId.length() <= 8 ? shardId : "…" + shardId.substring(shardId.length() - 8);
    }
}
