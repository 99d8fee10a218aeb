package nhssm.local.dynamodb.engine.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.engine.stream.ItemChange;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * Rewrites a large log, on open, so that a start does not replay every write ever made. Only entries older
 * than the streams' retention (24 hours) are folded into what they left: each live table's CreateTable,
 * its last UpdateTimeToLive, and its items as they now are. Their stream records would be trimmed on
 * replay anyway, so the tables and the readable streams replay exactly as before; everything from the
 * first recent entry on is copied byte for byte. The new log is written beside the old one, forced and
 * renamed over it, so a crash during compaction leaves the old log whole.
 */
final class LogCompaction {

    static final String TEMP_NAME = WriteAheadLog.FILE_NAME + ".compacting";
    private static final int ITEMS_PER_ENTRY = 500;

    private LogCompaction() {
    }

    /** Compacts {@code file} (valid up to {@code end}) if most of it is older than {@code cutoff}; true if it did. */
    static boolean compact(Path file, long end, Instant cutoff) throws IOException {
        Fold fold = new Fold(cutoff);
        long foldedUpTo;
        try (LogFrames.Reader reader = new LogFrames.Reader(file, end)) {
            foldedUpTo = reader.offset();
            for (byte[] payload = reader.next(); payload != null && !fold.stopped; payload = reader.next()) {
                LogEntryJson.replay(payload, fold);
                if (!fold.stopped) {
                    foldedUpTo = reader.offset();
                }
            }
        }
        if (fold.unknown || foldedUpTo < end / 2) {
            return false; // an entry it cannot fold, or too little to gain
        }
        Path temp = file.resolveSibling(TEMP_NAME);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            writeFully(out, ByteBuffer.wrap(LogFrames.HEADER));
            for (byte[] entry : fold.entries()) {
                writeFully(out, LogFrames.frame(entry));
            }
            long position = foldedUpTo;
            while (position < end) {
                position += in.transferTo(position, end - position, out);
            }
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** A table as the folded entries left it. */
    private record TableState(JsonNode create, Instant createdAt, Optional<JsonNode> ttl, Optional<Instant> ttlAt,
                              Map<Map<String, AttributeValue>, Map<String, AttributeValue>> items) {
    }

    /** Replays the old entries into table states, stopping at the first recent one. */
    private static final class Fold implements WriteAheadLog.Replay {
        private final Instant cutoff;
        private final Map<String, TableState> tables = new LinkedHashMap<>();
        private Instant lastAt = Instant.EPOCH;
        boolean stopped;
        boolean unknown;

        Fold(Instant cutoff) {
            this.cutoff = cutoff;
        }

        private boolean recent(Instant at) {
            stopped |= !at.isBefore(cutoff);
            if (!stopped) {
                lastAt = at;
            }
            return stopped;
        }

        @Override
        public void tableOperation(String operation, JsonNode request, Instant at) {
            if (recent(at)) {
                return;
            }
            String name = request.path("TableName").asText();
            switch (operation) {
                case "CreateTable" -> tables.put(name, new TableState(request, at, Optional.empty(), Optional.empty(),
                        new LinkedHashMap<>()));
                case "DeleteTable" -> tables.remove(name);
                case "UpdateTimeToLive" -> tables.computeIfPresent(name, (n, t) -> new TableState(t.create(),
                        t.createdAt(), Optional.of(request), Optional.of(at), t.items()));
                default -> {
                    unknown = true;
                    stopped = true;
                }
            }
        }

        @Override
        public void items(String tableName, Instant at, List<ItemChange> changes, boolean byTtl) {
            if (recent(at)) {
                return;
            }
            TableState table = tables.get(tableName);
            if (table == null) {
                return; // as the engine's replay does: a write to a table no longer there changes nothing
            }
            for (ItemChange change : changes) {
                change.newImage().ifPresentOrElse(image -> table.items().put(change.keys(), image),
                        () -> table.items().remove(change.keys()));
            }
        }

        /** The folded log: each table's creation, TTL setting and items, in the order the tables were created. */
        List<byte[]> entries() {
            List<byte[]> entries = new ArrayList<>();
            tables.forEach((name, table) -> {
                entries.add(LogEntryJson.tableOperation("CreateTable", table.create(), table.createdAt()));
                table.ttl().ifPresent(ttl -> entries.add(LogEntryJson.tableOperation("UpdateTimeToLive", ttl,
                        table.ttlAt().orElseThrow())));
                List<ItemChange> chunk = new ArrayList<>();
                for (Map.Entry<Map<String, AttributeValue>, Map<String, AttributeValue>> item : table.items().entrySet()) {
                    chunk.add(new ItemChange(item.getKey(), Optional.empty(), Optional.of(item.getValue())));
                    if (chunk.size() == ITEMS_PER_ENTRY) {
                        entries.add(LogEntryJson.items(lastAt, Map.of(name, chunk), false));
                        chunk = new ArrayList<>();
                    }
                }
                if (!chunk.isEmpty()) {
                    entries.add(LogEntryJson.items(lastAt, Map.of(name, chunk), false));
                }
            });
            return entries;
        }
    }
}
