package nhssm.local.dynamodb.engine.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;

/**
 * One table's stream (one label): its shards, oldest first, only the newest open. Thread-safe; every method
 * holds the stream's lock only to touch its shards, never to render a record. Decisions to rotate and trim
 * on a write use the write's own time, so replaying a log rebuilds the same shards and sequence numbers.
 */
final class TableStream {

    final String arn;
    final String label;
    final String tableName;
    final List<Streams.KeyElement> keySchema;
    final String viewType;
    final Instant createdAt;
    private final StreamSettings settings;

    private final List<StreamShard> shards = new ArrayList<>();
    /** The counter of the next record's sequence number. */
    private long nextSequence = 1;
    private long lastShardMillis = Long.MIN_VALUE;
    private int shardsCreated;
    private Instant disabledAt;

    TableStream(String arn, String label, String tableName, List<Streams.KeyElement> keySchema, String viewType,
                Instant createdAt, StreamSettings settings) {
        this.arn = arn;
        this.label = label;
        this.tableName = tableName;
        this.keySchema = List.copyOf(keySchema);
        this.viewType = viewType;
        this.createdAt = createdAt;
        this.settings = settings;
        openShard(Optional.empty(), createdAt);
    }

    /** A shard as DescribeStream lists it, copied out of the lock. */
    record ShardView(String id, Optional<String> parentId, long starting, Optional<Long> ending) {
    }

    /** What DescribeStream needs of the stream at one moment. */
    record View(boolean enabled, List<ShardView> shards) {
    }

    /** Records read from one position, and where the next read starts (empty: the closed shard is read). */
    record Read(List<ChangeRecord> records, long position, boolean closed, long end) {
    }

    synchronized void append(Instant at, List<ItemChange> changes, boolean byTtl) {
        if (disabledAt != null) {
            return;
        }
        for (ItemChange change : changes) {
            StreamShard open = shards.getLast();
            boolean full = open.size() >= settings.shardMaxRecords();
            boolean old = open.size() > 0 && !at.isBefore(open.createdAt.plus(settings.shardMaxAge()));
            if (full || old) {
                open.close(at);
                open = openShard(Optional.of(open.id), at);
            }
            open.add(new ChangeRecord(nextSequence++, at, change, byTtl));
        }
        trim(at);
    }

    synchronized void disable(Instant at) {
        if (disabledAt == null) {
            disabledAt = at;
            StreamShard open = shards.getLast();
            open.close(at);
            if (open.size() == 0) {
                nextSequence++; // the empty shard's ending number is its start: never given to a record
            }
        }
    }

    synchronized boolean enabled() {
        return disabledAt == null;
    }

    /** A disabled stream is gone once the retention has passed since it was disabled. */
    synchronized boolean expired(Instant now) {
        return disabledAt != null && disabledAt.isBefore(now.minus(settings.retention()));
    }

    synchronized View view(Instant now) {
        trim(now);
        List<ShardView> views = new ArrayList<>(shards.size());
        for (StreamShard shard : shards) {
            views.add(new ShardView(shard.id, shard.parentId, shard.start,
                    shard.closed() ? Optional.of(shard.ending()) : Optional.empty()));
        }
        return new View(disabledAt == null, views);
    }

    /** The position a new iterator of {@code type} starts at; see GetShardIterator. */
    synchronized long position(Instant now, String shardId, String type, Optional<Long> sequence, String given) {
        trim(now);
        StreamShard shard = shard(shardId);
        return switch (type) {
            case "TRIM_HORIZON" -> shard.horizon();
            case "LATEST" -> shard.end();
            case "AT_SEQUENCE_NUMBER" -> checked(shard, sequence, given);
            case "AFTER_SEQUENCE_NUMBER" -> checked(shard, sequence, given) + 1;
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static long checked(StreamShard shard, Optional<Long> sequence, String given) {
        long last = shard.closed() ? shard.ending() : shard.end() - 1;
        if (sequence.isEmpty() || sequence.get() < shard.start || sequence.get() > last) {
            throw DynamoDbError.validation("Invalid SequenceNumber: " + given + " is not a sequence number of shard "
                    + shard.id + " (it holds " + SequenceNumbers.text(shard.start)
                    + (last >= shard.start ? " to " + SequenceNumbers.text(last) : ", no record yet") + ")");
        }
        if (sequence.get() < shard.horizon()) {
            throw trimmed(shard);
        }
        return sequence.get();
    }

    synchronized Read read(Instant now, String shardId, long position, int limit) {
        trim(now);
        StreamShard shard = shards.stream().filter(s -> s.id.equals(shardId)).findFirst()
                .orElseThrow(() -> new DynamoDbError(ErrorType.TRIMMED_DATA_ACCESS,
                        "The shard " + shardId + " has been trimmed: its records are older than the trim horizon"));
        if (position < shard.horizon()) {
            throw trimmed(shard);
        }
        return new Read(shard.from(position, limit), position, shard.closed(), shard.end());
    }

    private static DynamoDbError trimmed(StreamShard shard) {
        return new DynamoDbError(ErrorType.TRIMMED_DATA_ACCESS, "The operation attempted to read past the oldest"
                + " stream record in a shard: the oldest record of shard " + shard.id + " is now "
                + SequenceNumbers.text(shard.horizon()));
    }

    private StreamShard shard(String shardId) {
        for (StreamShard shard : shards) {
            if (shard.id.equals(shardId)) {
                return shard;
            }
        }
        throw new DynamoDbError(ErrorType.RESOURCE_NOT_FOUND,
                "Requested resource not found: Shard does not exist: " + shardId + " in stream " + arn);
    }

    private StreamShard openShard(Optional<String> parent, Instant at) {
        // The digits are the creation time in milliseconds, kept increasing so that ids sort in creation order.
        long millis = Math.max(at.toEpochMilli(), lastShardMillis + 1);
        lastShardMillis = millis;
        CRC32 crc = new CRC32();
        crc.update((arn + "#" + shardsCreated++).getBytes(StandardCharsets.UTF_8));
        String id = "shardId-%020d-%08x".formatted(millis, crc.getValue());
        StreamShard shard = new StreamShard(id, parent, nextSequence, at);
        shards.add(shard);
        return shard;
    }

    /** Drops records older than the retention, and closed shards left with nothing for as long. */
    private void trim(Instant now) {
        Instant cutoff = now.minus(settings.retention());
        for (Iterator<StreamShard> it = shards.iterator(); it.hasNext(); ) {
            StreamShard shard = it.next();
            if (!shard.trimBefore(cutoff)) {
                return; // the shards after it are newer
            }
            if (shard.closedBefore(cutoff)) {
                it.remove();
            }
        }
    }
}
