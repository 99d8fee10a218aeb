package nhssm.local.dynamodb.engine.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.engine.stream.ItemChange;

/** What a replay handed back, as records in order. */
final class WalEntries implements WriteAheadLog.Replay {

    sealed interface Entry {
    }

    record TableOperation(String operation, JsonNode request, Instant at) implements Entry {
    }

    record Items(String tableName, Instant at, List<ItemChange> changes, boolean byTtl) implements Entry {
    }

    final List<Entry> entries = new ArrayList<>();

    static List<Entry> of(WriteAheadLog log) {
        WalEntries replay = new WalEntries();
        log.replay(replay);
        return replay.entries;
    }

    @Override
    public void tableOperation(String operation, JsonNode request, Instant at) {
        entries.add(new TableOperation(operation, request, at));
    }

    @Override
    public void items(String tableName, Instant at, List<ItemChange> changes, boolean byTtl) {
        entries.add(new Items(tableName, at, changes, byTtl));
    }
}
