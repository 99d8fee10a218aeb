package nhssm.local.dynamodb.engine.table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import nhssm.local.dynamodb.engine.stream.Streams;

/**
 * One table's items and its global secondary indexes, kept in key order. Changed only through
 * {@link #apply} by the commit path, which holds the item's lock; read without locks (each stored item is
 * immutable, so a reader sees an item whole, before or after a write).
 */
public final class Table {

    private final TableDefinition definition;
    private final Instant created;
    private final String tableId;
    private final ConcurrentSkipListMap<StoredKey, StoredItem> items = new ConcurrentSkipListMap<>();
    private final Map<String, ConcurrentSkipListMap<StoredKey, StoredItem>> indexes = new LinkedHashMap<>();
    private final Map<String, AtomicLong[]> indexCounters = new LinkedHashMap<>();
    private final AtomicLong itemCount = new AtomicLong();
    private final AtomicLong sizeBytes = new AtomicLong();
    // Item writes hold the read lock, DeleteTable the write lock: no write lands in a deleted table.
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final Optional<Streams.StreamHandle> stream;
    private volatile Optional<String> ttlAttribute = Optional.empty();
    private volatile boolean deleted;

    public Table(TableDefinition definition, Instant created, Optional<Streams.StreamHandle> stream) {
        this.definition = definition;
        this.created = created;
        // Derived from what was logged, so a replayed table keeps its id.
        this.tableId = UUID.nameUUIDFromBytes((definition.name() + "@" + created).getBytes()).toString();
        this.stream = stream;
        for (IndexDefinition index : definition.indexes()) {
            indexes.put(index.name(), new ConcurrentSkipListMap<>());
            indexCounters.put(index.name(), new AtomicLong[] {new AtomicLong(), new AtomicLong()});
        }
    }

    public String name() {
        return definition.name();
    }

    public TableDefinition definition() {
        return definition;
    }

    public KeySchema keySchema() {
        return definition.keySchema();
    }

    public Instant created() {
        return created;
    }

    public String tableId() {
        return tableId;
    }

    public Optional<Streams.StreamHandle> stream() {
        return stream;
    }

    public Optional<String> ttlAttribute() {
        return ttlAttribute;
    }

    public void ttlAttribute(Optional<String> attribute) {
        this.ttlAttribute = attribute;
    }

    public ReentrantReadWriteLock gate() {
        return gate;
    }

    public boolean deleted() {
        return deleted;
    }

    void markDeleted() {
        deleted = true;
    }

    public Optional<StoredItem> get(StoredKey key) {
        return Optional.ofNullable(items.get(key));
    }

    /** Every item, in the table's order. */
    public NavigableMap<StoredKey, StoredItem> items() {
        return items;
    }

    /** An index's entries (projected items), in the index's order. */
    public NavigableMap<StoredKey, StoredItem> index(String indexName) {
        return indexes.get(indexName);
    }

    public long itemCount() {
        return itemCount.get();
    }

    public long sizeBytes() {
        return sizeBytes.get();
    }

    public long indexItemCount(String indexName) {
        return indexCounters.get(indexName)[0].get();
    }

    public long indexSizeBytes(String indexName) {
        return indexCounters.get(indexName)[1].get();
    }

    /** Replaces the item at {@code key} (before → after), keeping the indexes and counts in step. */
    void apply(StoredKey key, Optional<StoredItem> before, Optional<StoredItem> after) {
        for (IndexDefinition index : definition.indexes()) {
            ConcurrentSkipListMap<StoredKey, StoredItem> entries = indexes.get(index.name());
            AtomicLong[] counters = indexCounters.get(index.name());
            before.flatMap(b -> index.indexKey(b.attributes(), key)).ifPresent(indexKey -> {
                StoredItem removed = entries.remove(indexKey);
                if (removed != null) {
                    counters[0].decrementAndGet();
                    counters[1].addAndGet(-removed.size());
                }
            });
            after.ifPresent(a -> index.indexKey(a.attributes(), key).ifPresent(indexKey -> {
                StoredItem projected = StoredItem.of(index.project(a.attributes(), definition.keySchema()));
                entries.put(indexKey, projected);
                counters[0].incrementAndGet();
                counters[1].addAndGet(projected.size());
            }));
        }
        before.ifPresent(b -> {
            itemCount.decrementAndGet();
            sizeBytes.addAndGet(-b.size());
        });
        if (after.isPresent()) {
            items.put(key, after.get());
            itemCount.incrementAndGet();
            sizeBytes.addAndGet(after.get().size());
        } else {
            items.remove(key);
        }
    }
}
