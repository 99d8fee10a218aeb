package nhssm.local.dynamodb.engine.storage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.engine.stream.ItemChange;

/**
 * STUB to be replaced by the engine-stream branch: the durable form of a database, a log of what it
 * committed, forced to disk before a write is acknowledged, and replayed on start.
 */
public final class WriteAheadLog implements AutoCloseable {

    /** Opens (creating if need be) the log in {@code dir}. */
    public static WriteAheadLog open(Path dir) {
        throw new UnsupportedOperationException("stub");
    }

    /** A table-level operation (CreateTable, DeleteTable, UpdateTimeToLive) with its request, on disk when this returns. */
    public void appendTableOperation(String operation, JsonNode request, Instant at) {
        throw new UnsupportedOperationException("stub");
    }

    /** One committed write (an item, or a transaction's items), on disk when this returns. */
    public void appendItems(String tableName, Instant at, List<ItemChange> changes, boolean byTtl) {
        throw new UnsupportedOperationException("stub");
    }

    /** Everything logged, in order, to {@code target}. */
    public void replay(Replay target) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void close() {
    }

    /** What a replay hands back, in the order it was logged. */
    public interface Replay {
        void tableOperation(String operation, JsonNode request, Instant at);

        void items(String tableName, Instant at, List<ItemChange> changes, boolean byTtl);
    }
}
