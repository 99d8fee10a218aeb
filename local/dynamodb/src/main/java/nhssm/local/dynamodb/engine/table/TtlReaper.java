package nhssm.local.dynamodb.engine.table;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * Deletes items whose TTL attribute (a number of epoch seconds) has passed, as the service does in the
 * background: through the commit path, reported as deleted by the service ({@code byTtl}). Like the
 * service, it ignores a TTL more than five years in the past, and an attribute that is not a number.
 */
public final class TtlReaper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TtlReaper.class.getName());
    private static final Duration IGNORED_AFTER = Duration.ofDays(5 * 365);

    private final Database database;
    private final Optional<ScheduledExecutorService> executor;

    private TtlReaper(Database database, Optional<ScheduledExecutorService> executor) {
        this.database = database;
        this.executor = executor;
    }

    /** Sweeps every {@code interval}, or (empty) only when {@link #sweep()} is called. */
    public static TtlReaper start(Database database, Optional<Duration> interval) {
        if (interval.isEmpty()) {
            return new TtlReaper(database, Optional.empty());
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-engine-ttl");
            thread.setDaemon(true);
            return thread;
        });
        TtlReaper reaper = new TtlReaper(database, Optional.of(executor));
        long millis = interval.get().toMillis();
        executor.scheduleWithFixedDelay(reaper::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
        return reaper;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "TTL sweep failed; it runs again at the next interval", e);
        }
    }

    /** One pass over every table with TTL enabled. */
    public void sweep() {
        for (Table table : database.catalog().tables()) {
            Optional<String> attribute = table.ttlAttribute();
            if (attribute.isEmpty() || table.deleted()) {
                continue;
            }
            for (Map.Entry<StoredKey, StoredItem> entry : table.items().entrySet()) {
                if (expired(entry.getValue(), attribute.get())) {
                    delete(table, entry.getKey(), attribute.get());
                }
            }
        }
    }

    private void delete(Table table, StoredKey key, String attribute) {
        try {
            database.locked(List.of(new ItemRef(table, key)), () -> {
                Optional<StoredItem> current = table.get(key);
                // Read again under the lock: a write since the sweep saw it may have renewed it.
                if (current.isPresent() && expired(current.get(), attribute)) {
                    database.commit(List.of(new PendingWrite(table, key, current, Optional.empty())), true);
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (!table.deleted()) {
                throw e;
            }
        }
    }

    private boolean expired(StoredItem item, String attribute) {
        if (!(item.attributes().get(attribute) instanceof AttributeValue.N n)) {
            return false;
        }
        Instant now = database.clock().instant();
        BigDecimal nowSeconds = BigDecimal.valueOf(now.getEpochSecond());
        return n.value().compareTo(nowSeconds) <= 0
                && n.value().compareTo(BigDecimal.valueOf(now.minus(IGNORED_AFTER).getEpochSecond())) >= 0;
    }

    @Override
    public void close() {
        executor.ifPresent(ScheduledExecutorService::shutdownNow);
    }
}
