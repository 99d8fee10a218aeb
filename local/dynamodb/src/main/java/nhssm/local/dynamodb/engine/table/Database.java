package nhssm.local.dynamodb.engine.table;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;
import nhssm.local.dynamodb.engine.storage.WriteAheadLog;
import nhssm.local.dynamodb.engine.stream.ItemChange;
import nhssm.local.dynamodb.engine.stream.Streams;

/**
 * The tables and the one path every change takes: under the items' locks, a change that changes something
 * is written to the log (when durable) before it is applied and acknowledged, then reported to the
 * streams, in order per item. Table-level operations are logged too, and {@link #replay} rebuilds the tables
 * (and the streams) from the log.
 */
public final class Database {

    private final Catalog catalog = new Catalog();
    private final ItemLocks locks = new ItemLocks();
    private final Streams streams;
    private final Optional<WriteAheadLog> log;
    private final Clock clock;
    private final String region;
    private final String account;

    public Database(Streams streams, Optional<WriteAheadLog> log, Clock clock, String region, String account) {
        this.streams = streams;
        this.log = log;
        this.clock = clock;
        this.region = region;
        this.account = account;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Clock clock() {
        return clock;
    }

    public Streams streams() {
        return streams;
    }

    /** The table's ARN, {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME}. */
    public String tableArn(String tableName) {
        return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + tableName;
    }

    public String region() {
        return region;
    }

    // Table-level operations are rare; one at a time keeps a name's create and delete in log order.
    public synchronized Table createTable(TableDefinition definition, JsonNode request) {
        if (catalog.find(definition.name()).isPresent()) {
            throw new DynamoDbError(ErrorType.RESOURCE_IN_USE, "Table already exists: " + definition.name());
        }
        Instant at = clock.instant();
        log.ifPresent(l -> l.appendTableOperation("CreateTable", request, at));
        return create(definition, at);
    }

    private Table create(TableDefinition definition, Instant at) {
        Optional<Streams.StreamHandle> stream = definition.streamViewType().map(viewType -> streams.enable(
                definition.name(),
                definition.keySchema().attributes().stream().map(a -> new Streams.KeyElement(a.name(),
                        a.equals(definition.keySchema().partition()) ? "HASH" : "RANGE")).toList(),
                viewType, at));
        Table table = new Table(definition, at, stream);
        catalog.add(table);
        return table;
    }

    public synchronized Table deleteTable(String name, JsonNode request) {
        Instant at = clock.instant();
        Table table = catalog.remove(name, () -> log.ifPresent(l -> l.appendTableOperation("DeleteTable", request, at)));
        table.stream().ifPresent(s -> streams.disable(name, at));
        return table;
    }

    public synchronized void updateTimeToLive(Table table, Optional<String> attribute, JsonNode request) {
        Instant at = clock.instant();
        log.ifPresent(l -> l.appendTableOperation("UpdateTimeToLive", request, at));
        table.ttlAttribute(attribute);
    }

    /**
     * Runs {@code body} holding the items' locks (and their tables' gates), taken in a fixed order. The body
     * reads the items and calls {@link #commit}; refuses a table deleted meanwhile.
     */
    public <R> R locked(List<ItemRef> items, Supplier<R> body) {
        List<Table> tables = items.stream().map(ItemRef::table).distinct()
                .sorted(Comparator.comparing(Table::name)).toList();
        List<Table> entered = new ArrayList<>();
        try {
            for (Table table : tables) {
                table.gate().readLock().lock();
                entered.add(table);
                if (table.deleted()) {
                    throw new DynamoDbError(ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found");
                }
            }
            try (ItemLocks.Held held = locks.lock(items.stream()
                    .map(ref -> ItemLocks.stripe(ref.table().name(), ref.key())).toList())) {
                return body.get();
            }
        } finally {
            for (int i = entered.size() - 1; i >= 0; i--) {
                entered.get(i).gate().readLock().unlock();
            }
        }
    }

    /** Commits the writes that change something; the caller holds their locks through {@link #locked}. */
    public void commit(List<PendingWrite> writes, boolean byTtl) {
        Map<Table, List<PendingWrite>> byTable = new LinkedHashMap<>();
        for (PendingWrite write : writes) {
            if (write.changes()) {
                byTable.computeIfAbsent(write.table(), t -> new ArrayList<>()).add(write);
            }
        }
        if (byTable.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        LinkedHashMap<String, List<ItemChange>> changes = new LinkedHashMap<>();
        byTable.forEach((table, tableWrites) ->
                changes.put(table.name(), tableWrites.stream().map(w -> change(table, w)).toList()));
        if (log.isPresent()) {
            try {
                // One entry for the whole write, so a transaction across tables is replayed whole or not at all.
                log.get().appendItems(at, changes, byTtl);
            } catch (RuntimeException e) {
                throw new DynamoDbError(ErrorType.INTERNAL_SERVER_ERROR,
                        "The write could not be made durable; nothing was changed");
            }
        }
        byTable.forEach((table, tableWrites) -> {
            tableWrites.forEach(w -> table.apply(w.key(), w.before(), w.after()));
            if (table.stream().isPresent()) {
                streams.committed(table.name(), at, changes.get(table.name()), byTtl);
            }
        });
    }

    private static ItemChange change(Table table, PendingWrite write) {
        StoredItem any = write.after().or(write::before).orElseThrow();
        return new ItemChange(table.keySchema().keyOf(any.attributes()),
                write.before().map(StoredItem::attributes), write.after().map(StoredItem::attributes));
    }

    /** Rebuilds the tables and their streams from the log, as they were when it was last written. */
    public void replay(TableOperationReplay tableOperations) {
        log.ifPresent(l -> l.replay(new WriteAheadLog.Replay() {
            @Override
            public void tableOperation(String operation, JsonNode request, Instant at) {
                switch (operation) {
                    case "CreateTable" -> create(tableOperations.definition(request), at);
                    case "DeleteTable" -> catalog.find(tableOperations.tableName(request)).ifPresent(table -> {
                        catalog.remove(table.name(), () -> { });
                        table.stream().ifPresent(s -> streams.disable(table.name(), at));
                    });
                    case "UpdateTimeToLive" -> catalog.find(tableOperations.tableName(request))
                            .ifPresent(table -> table.ttlAttribute(tableOperations.timeToLive(request)));
                    default -> throw new IllegalStateException("the log holds an unknown table operation " + operation);
                }
            }

            @Override
            public void items(String tableName, Instant at, List<ItemChange> changes, boolean byTtl) {
                Optional<Table> found = catalog.find(tableName);
                if (found.isEmpty()) {
                    return;
                }
                Table table = found.get();
                for (ItemChange change : changes) {
                    StoredKey key = table.keySchema().storedKey(change.keys());
                    table.apply(key, table.get(key), change.newImage().map(StoredItem::of));
                }
                if (table.stream().isPresent()) {
                    streams.committed(tableName, at, changes, byTtl);
                }
            }
        }));
    }

    /** How a logged table operation's request is read back (the operations' own parsing). */
    public interface TableOperationReplay {
        TableDefinition definition(JsonNode createTableRequest);

        String tableName(JsonNode request);

        Optional<String> timeToLive(JsonNode updateTimeToLiveRequest);
    }
}
