package nhssm.local.dynamodb.engine.table;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;

/** The tables by name. One database is shared by every access key and region, as the project's local tools expect. */
public final class Catalog {

    private final ConcurrentHashMap<String, Table> tables = new ConcurrentHashMap<>();

    /** Adds the table, refusing a name in use as the service does. */
    public void add(Table table) {
        if (tables.putIfAbsent(table.name(), table) != null) {
            throw new DynamoDbError(ErrorType.RESOURCE_IN_USE, "Table already exists: " + table.name());
        }
    }

    public Optional<Table> find(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** The table, or the service's ResourceNotFoundException. */
    public Table get(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw notFound(name);
        }
        return table;
    }

    /** The table an item operation names, or the service's ResourceNotFoundException as item operations give it. */
    public Table forItems(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw new DynamoDbError(ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found");
        }
        return table;
    }

    public static DynamoDbError notFound(String name) {
        return new DynamoDbError(ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Table: " + name + " not found");
    }

    /**
     * Removes the table; no write reaches it afterwards (its gate is held while it is marked).
     * {@code beforeRemoval} runs under the gate first (the log's record of the deletion).
     */
    public Table remove(String name, Runnable beforeRemoval) {
        Table table = get(name);
        table.gate().writeLock().lock();
        try {
            if (table.deleted()) {
                throw notFound(name);
            }
            beforeRemoval.run();
            table.markDeleted();
            tables.remove(name, table);
            return table;
        } finally {
            table.gate().writeLock().unlock();
        }
    }

    /** Every table name, in order. */
    public List<String> names() {
        return tables.keySet().stream().sorted().toList();
    }

    public List<Table> tables() {
        return List.copyOf(tables.values());
    }
}
