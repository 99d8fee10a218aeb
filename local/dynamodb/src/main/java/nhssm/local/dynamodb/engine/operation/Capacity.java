package nhssm.local.dynamodb.engine.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The capacity one request consumed on one table, as the service computes it (never enforced): a read
 * unit per 4 KB (half for an eventually consistent read), a write unit per 1 KB, at least one, twice
 * for a transaction; reads and writes of an index counted to the index.
 */
public final class Capacity {

    public static final List<String> MODES = List.of("INDEXES", "TOTAL", "NONE");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String tableName;
    private double tableRead;
    private double tableWrite;
    private final Map<String, double[]> indexes = new LinkedHashMap<>();

    public Capacity(String tableName) {
        this.tableName = tableName;
    }

    public static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    public static double writeUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / 1024.0));
    }

    public Capacity read(double units) {
        tableRead += units;
        return this;
    }

    public Capacity write(double units) {
        tableWrite += units;
        return this;
    }

    public Capacity indexRead(String index, double units) {
        indexes.computeIfAbsent(index, i -> new double[2])[0] += units;
        return this;
    }

    public Capacity indexWrite(String index, double units) {
        indexes.computeIfAbsent(index, i -> new double[2])[1] += units;
        return this;
    }

    /** The ConsumedCapacity member for ReturnConsumedCapacity {@code mode}; empty for NONE. */
    public Optional<ObjectNode> json(String mode) {
        if (mode.equals("NONE")) {
            return Optional.empty();
        }
        double read = tableRead + indexes.values().stream().mapToDouble(u -> u[0]).sum();
        double write = tableWrite + indexes.values().stream().mapToDouble(u -> u[1]).sum();
        ObjectNode node = units(JSON.objectNode().put("TableName", tableName), read, write);
        if (mode.equals("INDEXES")) {
            node.set("Table", units(JSON.objectNode(), tableRead, tableWrite));
            if (!indexes.isEmpty()) {
                ObjectNode gsis = node.putObject("GlobalSecondaryIndexes");
                indexes.forEach((name, u) -> gsis.set(name, units(JSON.objectNode(), u[0], u[1])));
            }
        }
        return Optional.of(node);
    }

    private static ObjectNode units(ObjectNode node, double read, double write) {
        node.put("CapacityUnits", read + write);
        if (read > 0) {
            node.put("ReadCapacityUnits", read);
        }
        if (write > 0) {
            node.put("WriteCapacityUnits", write);
        }
        return node;
    }
}
