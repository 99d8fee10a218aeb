package nhssm.local.dynamodb.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.stream.ItemChange;
import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.Bytes;

/** The log's round trip, its recovery from a torn or corrupt tail, and concurrent appenders. */
class WriteAheadLogTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00.123456789Z");

    @TempDir
    Path dir;

    private static ItemChange insert(String pk, int n) {
        Map<String, AttributeValue> item = Map.of("pk", new AttributeValue.S(pk), "n", new AttributeValue.N(BigDecimal.valueOf(n)));
        return new ItemChange(Map.of("pk", item.get("pk")), Optional.empty(), Optional.of(item));
    }

    private static int number(WalEntries.Entry entry) {
        AttributeValue.N n = (AttributeValue.N) ((WalEntries.Items) entry).changes().getFirst().newImage().orElseThrow().get("n");
        return n.value().intValueExact();
    }

    @Test
    void everyAttributeTypeAndTableOperationComeBackInOrderAfterAReopen() {
        ObjectNode createTable = new ObjectMapper().createObjectNode().put("TableName", "T");
        createTable.putArray("KeySchema").addObject().put("AttributeName", "pk").put("KeyType", "HASH");
        Map<String, AttributeValue> old = Map.of("pk", new AttributeValue.S("a"), "gone", new AttributeValue.Bool(false));
        Map<String, AttributeValue> item = Map.ofEntries(
                Map.entry("pk", new AttributeValue.S("a")),
                Map.entry("s", new AttributeValue.S("")),
                Map.entry("n", new AttributeValue.N(new BigDecimal("-1.23456789012345678901234567890123456E-100"))),
                Map.entry("b", new AttributeValue.B(Bytes.of(new byte[] {0, -1, 127}))),
                Map.entry("ss", new AttributeValue.SS(Set.of("x", "y"))),
                Map.entry("ns", new AttributeValue.NS(Set.of(BigDecimal.ONE, new BigDecimal("2.5")))),
                Map.entry("bs", new AttributeValue.BS(Set.of(Bytes.of(new byte[] {1}), Bytes.of(new byte[0])))),
                Map.entry("m", new AttributeValue.M(Map.of("inner", new AttributeValue.L(List.of(new AttributeValue.Null()))))),
                Map.entry("l", new AttributeValue.L(List.of(new AttributeValue.Bool(true), new AttributeValue.M(Map.of())))),
                Map.entry("unicode", new AttributeValue.S("é 𝄞 \u0000 \"quoted\"\n")));
        ItemChange modify = new ItemChange(Map.of("pk", new AttributeValue.S("a")), Optional.of(old), Optional.of(item));
        ItemChange remove = new ItemChange(Map.of("pk", new AttributeValue.S("b")), Optional.of(old), Optional.empty());

        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            log.appendTableOperation("CreateTable", createTable, AT);
            log.appendItems("T", AT.plusNanos(1), List.of(modify, remove), false);
            log.appendItems("T", AT.plusSeconds(1), List.of(remove), true);
        }
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            assertThat(log.droppedBytes()).isZero();
            assertThat(WalEntries.of(log)).containsExactly(
                    new WalEntries.TableOperation("CreateTable", createTable, AT),
                    new WalEntries.Items("T", AT.plusNanos(1), List.of(modify, remove), false),
                    new WalEntries.Items("T", AT.plusSeconds(1), List.of(remove), true));
        }
    }

    @Test
    void aLastFrameCutShortIsDroppedKeptAsideAndTheLogGoesOn() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            for (int i = 1; i <= 3; i++) {
                log.appendItems("T", AT, List.of(insert("k" + i, i)), false);
            }
        }
        Path file = dir.resolve(WriteAheadLog.FILE_NAME);
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size - 5); // the third entry's last bytes never reached the disk
        }

        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            assertThat(log.droppedBytes()).isPositive();
            assertThat(WalEntries.of(log)).extracting(WriteAheadLogTest::number).containsExactly(1, 2);
            log.appendItems("T", AT, List.of(insert("k4", 4)), false);
        }
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            assertThat(WalEntries.of(log)).extracting(WriteAheadLogTest::number).containsExactly(1, 2, 4);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("engine.wal.torn-"));
        }
    }

    @Test
    void aLastFrameFailingItsChecksumOrHalfAHeaderIsDroppedNeverReplayedInPart() throws IOException {
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            log.appendItems("T", AT, List.of(insert("k1", 1)), false);
            log.appendItems("T", AT, List.of(insert("k2", 2)), false);
        }
        Path file = dir.resolve(WriteAheadLog.FILE_NAME);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = channel.size();
            channel.write(ByteBuffer.wrap(new byte[] {'X'}), size - 3); // a flipped byte inside the second payload
            channel.write(ByteBuffer.wrap(new byte[] {0, 0, 0}), size); // and the start of a frame header
        }

        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            assertThat(WalEntries.of(log)).extracting(WriteAheadLogTest::number).containsExactly(1);
        }
    }

    @Test
    void aHeaderCutShortAtCreationIsANewLogAndAnotherFileIsRefused() throws IOException {
        Files.write(dir.resolve(WriteAheadLog.FILE_NAME), new byte[] {'N', 'H'});
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            assertThat(WalEntries.of(log)).isEmpty();
            log.appendItems("T", AT, List.of(insert("k1", 1)), false);
            assertThat(WalEntries.of(log)).hasSize(1);
        }
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve(WriteAheadLog.FILE_NAME), "{\"not\":\"a log\"}\n");
        assertThatThrownBy(() -> WriteAheadLog.open(other)).hasMessageContaining("cannot open the write-ahead log")
                .rootCause().hasMessageContaining("not a write-ahead log");
    }

    @Test
    void aLogOpenInOneEngineIsRefusedToAnother() {
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            assertThatThrownBy(() -> WriteAheadLog.open(dir)).hasMessageContaining("in use by another engine");
        }
        try (WriteAheadLog again = WriteAheadLog.open(dir)) {
            assertThat(WalEntries.of(again)).isEmpty();
        }
    }

    @Test
    void concurrentAppendersAreAllDurableEachInItsOwnOrder() throws Exception {
        int threads = 8;
        int each = 150;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    for (int i = 0; i < each; i++) {
                        log.appendItems("T" + thread, AT, List.of(insert("k", i)), false);
                    }
                }));
            }
            start.countDown();
            for (Thread writer : writers) {
                writer.join();
            }
        }
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            List<WalEntries.Entry> entries = WalEntries.of(log);
            assertThat(entries).hasSize(threads * each);
            for (int t = 0; t < threads; t++) {
                String table = "T" + t;
                assertThat(entries.stream().filter(e -> ((WalEntries.Items) e).tableName().equals(table))
                        .map(WriteAheadLogTest::number).toList())
                        .as("%s's writes, in the order it made them", table)
                        .isEqualTo(java.util.stream.IntStream.range(0, each).boxed().toList());
            }
        }
    }

    @Test
    void aWriteAcrossTablesIsOneEntryReplayedPerTableAndWholeOrNotAtAll() throws IOException {
        java.util.LinkedHashMap<String, List<ItemChange>> transaction = new java.util.LinkedHashMap<>();
        transaction.put("B", List.of(insert("b1", 1), insert("b2", 2)));
        transaction.put("A", List.of(insert("a1", 3)));
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            log.appendItems(AT, transaction, false);
        }
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            assertThat(WalEntries.of(log)).containsExactly(
                    new WalEntries.Items("B", AT, transaction.get("B"), false),
                    new WalEntries.Items("A", AT, transaction.get("A"), false));
            log.appendItems(AT, transaction, false);
        }
        Path file = dir.resolve(WriteAheadLog.FILE_NAME);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 1);
        }
        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            assertThat(WalEntries.of(log)).as("the second transaction, cut short, is dropped whole").hasSize(2);
        }
    }

    @Test
    void aClosedLogRefusesAppends() {
        WriteAheadLog log = WriteAheadLog.open(dir);
        log.close();
        assertThatThrownBy(() -> log.appendItems("T", AT, List.of(insert("k", 1)), false)).hasMessageContaining("closed");
    }
}
