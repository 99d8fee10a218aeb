package nhssm.local.dynamodb.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nhssm.local.dynamodb.engine.stream.ItemChange;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/** A large log folded on open: the same tables, items and recent history replayed, in less. */
class LogCompactionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant OLD = NOW.minus(Duration.ofDays(3));
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static JsonNode table(String name) {
        return JSON.createObjectNode().put("TableName", name);
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", new AttributeValue.S(pk));
    }

    private static Map<String, AttributeValue> item(String pk, int n) {
        return Map.of("pk", new AttributeValue.S(pk), "n", new AttributeValue.N(BigDecimal.valueOf(n)));
    }

    private static ItemChange put(String pk, Optional<Integer> before, int n) {
        return new ItemChange(key(pk), before.map(b -> item(pk, b)), Optional.of(item(pk, n)));
    }

    private static ItemChange delete(String pk, int before) {
        return new ItemChange(key(pk), Optional.of(item(pk, before)), Optional.empty());
    }

    /** What replaying a log builds: each table's creation time, TTL request and items. */
    static final class State implements WriteAheadLog.Replay {
        final Map<String, Instant> created = new LinkedHashMap<>();
        final Map<String, JsonNode> ttl = new LinkedHashMap<>();
        final Map<String, Map<Map<String, AttributeValue>, Map<String, AttributeValue>>> items = new LinkedHashMap<>();

        @Override
        public void tableOperation(String operation, JsonNode request, Instant at) {
            String name = request.get("TableName").asText();
            switch (operation) {
                case "CreateTable" -> {
                    created.put(name, at);
                    items.put(name, new LinkedHashMap<>());
                }
                case "DeleteTable" -> {
                    created.remove(name);
                    items.remove(name);
                    ttl.remove(name);
                }
                default -> ttl.put(name, request);
            }
        }

        @Override
        public void items(String tableName, Instant at, List<ItemChange> changes, boolean byTtl) {
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> table = items.get(tableName);
            if (table != null) {
                changes.forEach(c -> c.newImage().ifPresentOrElse(i -> table.put(c.keys(), i), () -> table.remove(c.keys())));
            }
        }

        static State of(WriteAheadLog log) {
            State state = new State();
            log.replay(state);
            return state;
        }
    }

    private void writeHistory() {
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            log.appendTableOperation("CreateTable", table("A"), OLD);
            log.appendTableOperation("UpdateTimeToLive", table("A"), OLD.plusSeconds(1));
            for (int round = 0; round < 50; round++) {
                for (int i = 0; i < 20; i++) {
                    log.appendItems("A", OLD.plusSeconds(2), List.of(put("a" + i, round == 0 ? Optional.empty() : Optional.of(round - 1), round)), false);
                }
            }
            log.appendItems("A", OLD.plusSeconds(3), List.of(delete("a19", 49)), true);
            log.appendTableOperation("CreateTable", table("B"), OLD.plusSeconds(4));
            log.appendItems("B", OLD.plusSeconds(5), List.of(put("b", Optional.empty(), 1)), false);
            log.appendTableOperation("DeleteTable", table("B"), OLD.plusSeconds(6));
            log.appendTableOperation("CreateTable", table("C"), OLD.plusSeconds(7));
            LinkedHashMap<String, List<ItemChange>> transaction = new LinkedHashMap<>();
            transaction.put("C", List.of(put("c", Optional.empty(), 1)));
            transaction.put("A", List.of(put("a0", Optional.of(49), 50)));
            log.appendItems(OLD.plusSeconds(8), transaction, false);
            // The last day's history, copied as it is.
            log.appendItems("A", NOW.minusSeconds(60), List.of(put("a1", Optional.of(49), 51)), false);
            log.appendTableOperation("CreateTable", table("D"), NOW.minusSeconds(30));
        }
    }

    @Test
    void aLargeOldLogIsFoldedIntoTheStateItLeftKeepingTheLastDayAsItWas() throws IOException {
        writeHistory();
        Path file = dir.resolve(WriteAheadLog.FILE_NAME);
        long before = Files.size(file);
        State expected;
        List<WalEntries.Entry> expectedRecent;
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            expected = State.of(log);
            List<WalEntries.Entry> all = WalEntries.of(log);
            expectedRecent = all.subList(all.size() - 2, all.size());
        }

        try (WriteAheadLog log = WriteAheadLog.open(dir, CLOCK, 0)) {
            assertThat(log.compacted()).isTrue();
            State after = State.of(log);
            assertThat(after.items).isEqualTo(expected.items);
            assertThat(after.created).isEqualTo(expected.created).containsOnlyKeys("A", "C", "D");
            assertThat(after.ttl).isEqualTo(expected.ttl).containsOnlyKeys("A");
            List<WalEntries.Entry> entries = WalEntries.of(log);
            assertThat(entries.subList(entries.size() - 2, entries.size())).isEqualTo(expectedRecent);
            log.appendItems("C", NOW, List.of(put("c2", Optional.empty(), 2)), false);
        }
        assertThat(Files.size(file)).isLessThan(before / 5);
        try (WriteAheadLog log = WriteAheadLog.open(dir, CLOCK, 0)) {
            assertThat(State.of(log).items.get("C")).containsKey(key("c2"));
        }
    }

    @Test
    void aLogMostlyFromTheLastDayOrBelowTheSizeIsLeftAsItIs() throws IOException {
        writeHistory();
        Path file = dir.resolve(WriteAheadLog.FILE_NAME);
        long before = Files.size(file);

        try (WriteAheadLog log = WriteAheadLog.open(dir, Clock.fixed(OLD, ZoneOffset.UTC), 0)) {
            assertThat(log.compacted()).as("every entry is less than a day old by this clock").isFalse();
        }
        try (WriteAheadLog log = WriteAheadLog.open(dir, CLOCK, before)) {
            assertThat(log.compacted()).as("not over the size").isFalse();
        }
        assertThat(Files.size(file)).isEqualTo(before);
    }

    @Test
    void aCompactionCutShortLeavesTheOldLogWhole() throws IOException {
        writeHistory();
        Files.write(dir.resolve(LogCompaction.TEMP_NAME), new byte[] {1, 2, 3});
        State expected;
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            expected = State.of(log);
        }
        assertThat(Files.exists(dir.resolve(LogCompaction.TEMP_NAME))).isFalse();
        try (WriteAheadLog log = WriteAheadLog.open(dir, CLOCK, 0)) {
            assertThat(State.of(log).items).isEqualTo(expected.items);
        }
    }
}
