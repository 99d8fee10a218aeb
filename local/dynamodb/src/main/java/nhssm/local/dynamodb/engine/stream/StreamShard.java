package nhssm.local.dynamodb.engine.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One shard of a stream: a run of consecutive sequence numbers from {@link #start}, open until it closes
 * (its stream rotates to a child or is disabled). Records older than the retention are trimmed from the
 * front. Not thread-safe: its {@link TableStream} guards it.
 */
final class StreamShard {

    final String id;
    final Optional<String> parentId;
    /** The sequence number of its first record (or of the one it would have had). */
    final long start;
    final Instant createdAt;

    /** Record i has sequence number start + i; those before {@link #firstKept} are trimmed (null). */
    private final List<ChangeRecord> records = new ArrayList<>();
    private int firstKept;
    private Instant closedAt;

    StreamShard(String id, Optional<String> parentId, long start, Instant createdAt) {
        this.id = id;
        this.parentId = parentId;
        this.start = start;
        this.createdAt = createdAt;
    }

    int size() {
        return records.size();
    }

    void add(ChangeRecord record) {
        if (closedAt != null) {
            throw new IllegalStateException("shard " + id + " is closed");
        }
        records.add(record);
    }

    void close(Instant at) {
        closedAt = at;
    }

    boolean closed() {
        return closedAt != null;
    }

    /** One past the last sequence number written: where LATEST reads from. */
    long end() {
        return start + records.size();
    }

    /** EndingSequenceNumber of a closed shard: its last record's, or its start if it never had one. */
    long ending() {
        return records.isEmpty() ? start : end() - 1;
    }

    /** The oldest sequence number still readable: TRIM_HORIZON. */
    long horizon() {
        return start + firstKept;
    }

    /** Trims the records written before {@code cutoff}; true if none is left. */
    boolean trimBefore(Instant cutoff) {
        while (firstKept < records.size() && records.get(firstKept).at().isBefore(cutoff)) {
            records.set(firstKept, null);
            firstKept++;
        }
        return firstKept == records.size();
    }

    boolean closedBefore(Instant cutoff) {
        return closedAt != null && closedAt.isBefore(cutoff);
    }

    /** Up to {@code limit} records from {@code position} on (at or after the horizon, at most the end). */
    List<ChangeRecord> from(long position, int limit) {
        int from = Math.toIntExact(position - start);
        int to = (int) Math.min(records.size(), (long) from + limit);
        return from >= to ? List.of() : List.copyOf(records.subList(from, to));
    }
}
