package nhssm.local.dynamodb.engine.table;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.ValueOrder;

/**
 * Where an item sits in a table or index: ordered by a hash of its partition key (so a Scan sees
 * partitions in no meaningful order and segments are ranges of the hash), then by partition key, then by
 * sort key; an index entry then by the item's table key. A {@code bound} of -1 or +1 makes the key sort
 * before or after every key sharing its leading parts, to ask for a partition's or a segment's range.
 */
public record StoredKey(long hash, AttributeValue partition, AttributeValue sort, int bound, StoredKey tableKey)
        implements Comparable<StoredKey> {

    /** The number of distinct hashes: segments divide this range. */
    public static final long HASH_SPACE = 1L << 32;

    public static StoredKey of(AttributeValue partition, AttributeValue sort) {
        return new StoredKey(hash(partition), partition, sort, 0, null);
    }

    public static StoredKey ofIndex(AttributeValue partition, AttributeValue sort, StoredKey tableKey) {
        return new StoredKey(hash(partition), partition, sort, 0, tableKey);
    }

    /** Before or after ({@code bound} -1 or +1) every key of the partition. */
    public static StoredKey partitionBound(AttributeValue partition, int bound) {
        return new StoredKey(hash(partition), partition, null, bound, null);
    }

    /** Before every key whose hash is at least {@code hash}. */
    public static StoredKey hashBound(long hash) {
        return new StoredKey(hash, null, null, -1, null);
    }

    @Override
    public int compareTo(StoredKey other) {
        int c = Long.compare(hash, other.hash);
        if (c != 0) {
            return c;
        }
        if (partition == null || other.partition == null) {
            return Integer.compare(bound, other.bound);
        }
        c = ValueOrder.KEYS.compare(partition, other.partition);
        if (c != 0) {
            return c;
        }
        if (bound != 0 || other.bound != 0) {
            return Integer.compare(bound, other.bound);
        }
        if (sort != null && other.sort != null) {
            c = ValueOrder.KEYS.compare(sort, other.sort);
            if (c != 0) {
                return c;
            }
        }
        if (tableKey == null || other.tableKey == null) {
            return 0;
        }
        return tableKey.compareTo(other.tableKey);
    }

    /** A stable unsigned 32-bit hash of a key value (the same after a restart, so replay orders alike). */
    static long hash(AttributeValue value) {
        CRC32 crc = new CRC32();
        crc.update(value.type().getBytes(StandardCharsets.US_ASCII));
        switch (value) {
            case AttributeValue.S s -> crc.update(s.value().getBytes(StandardCharsets.UTF_8));
            case AttributeValue.N n -> crc.update(n.text().getBytes(StandardCharsets.US_ASCII));
            case AttributeValue.B b -> crc.update(b.value().toArray());
            default -> throw new IllegalArgumentException("a key is S, N or B, not " + value.type());
        }
        return crc.getValue();
    }
}
