package nhssm.local.stream;

import static nhssm.local.stream.StreamFixtures.EVENT;
import static nhssm.local.stream.StreamFixtures.FUNCTION;
import static nhssm.local.stream.StreamFixtures.TABLE;
import static nhssm.local.stream.StreamFixtures.await;
import static nhssm.local.stream.StreamFixtures.batchItemFailures;
import static nhssm.local.stream.StreamFixtures.functionError;
import static nhssm.local.stream.StreamFixtures.put;
import static nhssm.local.stream.StreamFixtures.sequenceNumber;
import static nhssm.local.stream.StreamFixtures.sk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.LocalDynamoDbExtension;
import nhssm.local.dynamodb.StreamEventJson;
import nhssm.local.lambda.FunctionInvoker;
import nhssm.local.lambda.Invocation;
import nhssm.local.stream.StreamFixtures.Log;
import nhssm.local.stream.StreamFixtures.RecordingInvoker;
import nhssm.local.stream.StreamFixtures.Source;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** The event source mapping's delivery rules, on real stream records of the DynamoDB engine. */
class StreamPumpTest {

    private static final String THREAD = "stream-pump-" + FUNCTION + "-" + EVENT;

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private String table;
    private final Log log = new Log();

    @BeforeEach
    void newTable() {
        table = DYNAMO.dynamo().newTable();
    }

    private StreamPump pump(Source source, FunctionInvoker invoker) {
        return StreamPump.start(source.template(), Map.of(TABLE, table), DYNAMO.dynamo().client(),
                DYNAMO.dynamo().streamsClient(), invoker, log.options());
    }

    private void write(String... sks) {
        for (String sk : sks) {
            put(DYNAMO.dynamo().client(), table, sk);
        }
    }

    private static List<String> numbered(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("%s%02d", prefix, i)).toList();
    }

    // ---- batching -------------------------------------------------------------------------------

    @Test
    void batchSize_shouldBeRespected_andEveryRecordDeliveredOnceInOrder() {
        List<String> written = numbered("RESP#", 25);
        write(written.toArray(String[]::new));
        var invoker = RecordingInvoker.succeeding();

        try (StreamPump pump = pump(Source.defaults().batchSize(10), invoker)) {
            await("25 records are delivered", () -> invoker.recordCount() >= 25);
        }

        assertThat(invoker.batches()).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 10));
        assertThat(invoker.batches()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(invoker.batches().stream().flatMap(List::stream).toList()).containsExactlyElementsOf(written);
        assertThat(log.lines).filteredOn(l -> l.contains(" ok ")).hasSize(invoker.batches().size())
                .allSatisfy(l -> assertThat(l).matches("stream AggregateFunction shard \\S+: \\d+ records?, ok \\(\\d+ ms\\)"));
    }

    @Test
    void batchingWindow_shouldGatherRecordsThatTrickleIn() {
        var invoker = RecordingInvoker.succeeding();

        try (StreamPump pump = pump(Source.defaults().batchSize(10).window(Duration.ofSeconds(3)), invoker)) {
            for (String sk : numbered("RESP#", 4)) {
                write(sk);
            }
            await("4 records are delivered", () -> invoker.recordCount() >= 4);
        }

        assertThat(invoker.batches()).containsExactly(numbered("RESP#", 4));
    }

    @Test
    void latest_shouldDeliverOnlyRecordsWrittenAfterStart() {
        write("RESP#before1", "RESP#before2");
        var invoker = RecordingInvoker.succeeding();

        try (StreamPump pump = pump(Source.defaults().latest(), invoker)) {
            write("RESP#after1", "RESP#after2");
            await("2 records are delivered", () -> invoker.recordCount() >= 2);
        }

        assertThat(invoker.records()).extracting(StreamFixtures::sk).containsExactly("RESP#after1", "RESP#after2");
    }

    // ---- filtering ------------------------------------------------------------------------------

    @Test
    void filterCriteria_shouldDeliverOnlyMatchingRecords() {
        var invoker = RecordingInvoker.succeeding();
        Source source = Source.defaults().filter("{\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"prefix\":\"RESP#\"}]}}}}");

        try (StreamPump pump = pump(source, invoker)) {
            write("REV#a#0000000001", "RESP#a", "OFFICIAL", "REV#a#0000000002", "RESP#b", "AGG");
            DYNAMO.dynamo().client().deleteItem(r -> r.tableName(table).key(StreamFixtures.key("REV#a#0000000001")));
            write("RESP#last");
            await("RESP#last is delivered", () -> invoker.records().stream().anyMatch(r -> sk(r).equals("RESP#last")));
        }

        assertThat(invoker.records()).extracting(StreamFixtures::sk).containsExactly("RESP#a", "RESP#b", "RESP#last");
    }

    // ---- results --------------------------------------------------------------------------------

    @Test
    void batchItemFailure_shouldRedeliverFromTheFailedRecord_notTheRecordsBeforeIt() {
        write(numbered("RESP#", 5).toArray(String[]::new));
        List<String> processed = new CopyOnWriteArrayList<>();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        // Processes records in order and reports the first it cannot take (RESP#03, the first time only).
        var invoker = new RecordingInvoker(records -> {
            for (JsonNode record : records) {
                if (sk(record).equals("RESP#03") && failedOnce.add(sk(record))) {
                    return batchItemFailures(sequenceNumber(record));
                }
                processed.add(sk(record));
            }
            return new Invocation.Returned("{\"batchItemFailures\":[]}");
        });

        try (StreamPump pump = pump(Source.defaults(), invoker)) {
            await("all 5 are processed", () -> processed.size() >= 5);
        }

        assertThat(invoker.batches()).containsExactly(
                numbered("RESP#", 5),
                List.of("RESP#03", "RESP#04", "RESP#05"));
        assertThat(processed).containsExactlyElementsOf(numbered("RESP#", 5));
        assertThat(log.lines).anyMatch(l -> l.contains("5 records, 1 failed → retry 1 from "));
    }

    @Test
    void batchItemFailures_shouldRetryFromTheLowestSequenceNumberReported() {
        write(numbered("RESP#", 5).toArray(String[]::new));
        var invoker = new RecordingInvoker(records -> records.size() == 5
                ? batchItemFailures(sequenceNumber(records.get(3)), sequenceNumber(records.get(1)))
                : new Invocation.Returned(null));

        try (StreamPump pump = pump(Source.defaults(), invoker)) {
            await("the retry is delivered", () -> invoker.events.size() >= 2);
        }

        assertThat(invoker.batches()).containsExactly(
                numbered("RESP#", 5),
                List.of("RESP#02", "RESP#03", "RESP#04", "RESP#05"));
    }

    @Test
    void invalidItemIdentifier_shouldFailTheWholeBatch() {
        write("RESP#1", "RESP#2");
        var invoker = new RecordingInvoker(records -> new Invocation.Returned(
                records.size() == 2 && log.lines.stream().noneMatch(l -> l.contains("batch failed"))
                        ? "{\"batchItemFailures\":[{\"itemIdentifier\":\"not-a-sequence-number\"}]}"
                        : "{}"));

        try (StreamPump pump = pump(Source.defaults(), invoker)) {
            await("the batch is delivered again", () -> invoker.events.size() >= 2);
        }

        assertThat(invoker.batches()).containsExactly(List.of("RESP#1", "RESP#2"), List.of("RESP#1", "RESP#2"));
        assertThat(log.lines).anyMatch(l -> l.contains("batch failed: an itemIdentifier is not the sequence number"));
    }

    @Test
    void withoutReportBatchItemFailures_aReturnedBatchIsDone_whateverItSays() {
        write("RESP#1", "RESP#2");
        var invoker = new RecordingInvoker(records -> batchItemFailures(sequenceNumber(records.getFirst())));

        try (StreamPump pump = pump(Source.defaults().reportBatchItemFailures(false), invoker)) {
            await("the batch is delivered", () -> invoker.events.size() >= 1);
            write("RESP#3");
            await("the next record is delivered", () -> invoker.recordCount() >= 3);
        }

        assertThat(invoker.batches().stream().flatMap(List::stream).toList())
                .containsExactly("RESP#1", "RESP#2", "RESP#3");
    }

    @Test
    void functionError_shouldDeliverTheSameBatchAgain() {
        write("RESP#1", "RESP#2", "RESP#3");
        var invoker = new RecordingInvoker(records -> log.lines.stream().anyMatch(l -> l.contains("function error"))
                ? new Invocation.Returned(null)
                : functionError());

        try (StreamPump pump = pump(Source.defaults(), invoker)) {
            await("the batch is delivered again", () -> invoker.events.size() >= 2);
        }

        List<String> first = invoker.records().subList(0, 3).stream().map(StreamFixtures::sequenceNumber).toList();
        List<String> second = invoker.records().subList(3, 6).stream().map(StreamFixtures::sequenceNumber).toList();
        assertThat(second).isEqualTo(first);
        assertThat(log.lines).anyMatch(l -> l.contains("3 records, function error java.lang.IllegalStateException → retry 1 from "))
                .noneMatch(l -> l.contains("a record it cannot take"));
    }

    @Test
    void timeout_shouldDeliverTheSameBatchAgain() {
        write("RESP#1");
        var invoker = new RecordingInvoker(records -> log.lines.stream().anyMatch(l -> l.contains("timed out"))
                ? new Invocation.Returned(null)
                : new Invocation.TimedOut(Duration.ofSeconds(30)));

        try (StreamPump pump = pump(Source.defaults(), invoker)) {
            await("the batch is delivered again", () -> invoker.events.size() >= 2);
        }

        assertThat(invoker.batches()).containsExactly(List.of("RESP#1"), List.of("RESP#1"));
        assertThat(log.lines).anyMatch(l -> l.contains("1 record, timed out after 30000 ms → retry 1 from "));
    }

    @Test
    void maximumRetryAttempts_shouldDiscardAnAlwaysFailingRecordAfterItsRetries_andLaterRecordsStillFlow() {
        List<String> processed = new CopyOnWriteArrayList<>();
        List<String> badSequenceNumbers = new CopyOnWriteArrayList<>();
        var invoker = new RecordingInvoker(records -> {
            for (JsonNode record : records) {
                if (sk(record).equals("RESP#bad")) {
                    badSequenceNumbers.add(sequenceNumber(record));
                    return batchItemFailures(sequenceNumber(record));
                }
                processed.add(sk(record));
            }
            return new Invocation.Returned(null);
        });

        try (StreamPump pump = pump(Source.defaults().maximumRetryAttempts(1), invoker)) {
            write("RESP#bad");
            await("the bad record is discarded", () -> log.contains("discarded"));
            write("RESP#good1", "RESP#good2");
            await("later records are processed", () -> processed.size() >= 2);
        }

        assertThat(badSequenceNumbers).hasSize(2).containsOnly(badSequenceNumbers.getFirst());
        assertThat(processed).containsExactly("RESP#good1", "RESP#good2");
        assertThat(log.lines).filteredOn(l -> l.contains("discarded")).singleElement().satisfies(line -> assertThat(line)
                .startsWith("stream " + FUNCTION + " shard ")
                .contains("1 failed → discarded 1 record after 1 retry (MaximumRetryAttempts 1), sequence numbers "
                        + badSequenceNumbers.getFirst())
                .contains("on AWS they would go to the event source mapping's on-failure destination"));
    }

    @Test
    void aRecordThatCannotBeRead_shouldHoldItsShard_backingOff_loggedOnce_neverSkipped() {
        write("RESP#1", "RESP#2", "RESP#3", "RESP#4");
        List<Long> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean readable = new AtomicBoolean();
        BiFunction<Record, String, ObjectNode> recordJson = (record, streamArn) -> {
            if (record.dynamodb().keys().get("sk").s().equals("RESP#3") && !readable.get()) {
                attempts.add(System.nanoTime());
                throw new IllegalArgumentException("a record this test cannot read");
            }
            return StreamEventJson.record(record, streamArn);
        };
        var invoker = RecordingInvoker.succeeding();

        try (StreamPump pump = StreamPump.start(Source.defaults().template(), Map.of(TABLE, table),
                DYNAMO.dynamo().client(), DYNAMO.dynamo().streamsClient(), invoker, log.options(), recordJson)) {
            await("the records before it are delivered, and it is tried 6 times",
                    () -> invoker.recordCount() >= 2 && attempts.size() >= 6);
            assertThat(invoker.records()).extracting(StreamFixtures::sk).containsExactly("RESP#1", "RESP#2");
            readable.set(true);
            await("it and the records after it are delivered", () -> invoker.recordCount() >= 4);
        }

        assertThat(invoker.records()).extracting(StreamFixtures::sk)
                .containsExactly("RESP#1", "RESP#2", "RESP#3", "RESP#4");
        // The retry delays of Log.options(): 10 ms doubling to at most 50 ms, so never a hot loop.
        for (int i = 1; i < 6; i++) {
            long expectedMs = Math.min(10L << (i - 1), 50);
            assertThat(Duration.ofNanos(attempts.get(i) - attempts.get(i - 1)))
                    .as("the wait before try %d", i + 1).isGreaterThanOrEqualTo(Duration.ofMillis(expectedMs - 1));
        }
        assertThat(log.lines).filteredOn(l -> l.contains("cannot read record")).singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("(INSERT, keys {pk:S sk:S}, new image {pk:S sk:S}): IllegalArgumentException")
                        .doesNotContain("RESP#").doesNotContain("RXX"));
        assertThat(log.lines).filteredOn(l -> l.contains("is read at last")).hasSize(1);
    }

    @Test
    void maximumRetryAttemptsZero_shouldDiscardAFailedBatchAtOnce() {
        write("RESP#1", "RESP#2");
        var invoker = new RecordingInvoker(records -> functionError());

        try (StreamPump pump = pump(Source.defaults().maximumRetryAttempts(0), invoker)) {
            await("the batch is discarded", () -> log.contains("discarded"));
        }

        assertThat(invoker.batches()).containsExactly(List.of("RESP#1", "RESP#2"));
        assertThat(log.lines).anyMatch(l -> l.contains("function error java.lang.IllegalStateException → discarded "
                + "2 records after 0 retries (MaximumRetryAttempts 0)"));
    }

    @Test
    void bisectBatchOnFunctionError_shouldSplitTheBatchUntilTheBadRecordIsAlone() {
        write(numbered("RESP#", 4).toArray(String[]::new));
        var invoker = new RecordingInvoker(records -> records.stream().anyMatch(r -> sk(r).equals("RESP#03"))
                ? functionError()
                : new Invocation.Returned(null));

        try (StreamPump pump = pump(Source.defaults().reportBatchItemFailures(false).maximumRetryAttempts(1).bisecting(),
                invoker)) {
            await("RESP#04 is delivered alone", () -> invoker.batches().contains(List.of("RESP#04")));
        }

        // Splitting does not use the retry quota: RESP#03 alone is tried, retried once, then discarded.
        assertThat(invoker.batches()).containsExactly(
                List.of("RESP#01", "RESP#02", "RESP#03", "RESP#04"),
                List.of("RESP#01", "RESP#02"),
                List.of("RESP#03", "RESP#04"),
                List.of("RESP#03"),
                List.of("RESP#03"),
                List.of("RESP#04"));
        assertThat(log.lines).anyMatch(l -> l.contains("4 records, function error java.lang.IllegalStateException → split into 2 + 2"))
                .anyMatch(l -> l.contains("2 records, function error java.lang.IllegalStateException → split into 1 + 1"))
                .anyMatch(l -> l.contains("discarded 1 record after 1 retry"));
    }

    @Test
    void invokerException_shouldBeRetriedWithoutUsingTheRetryQuota() {
        write("RESP#1");
        List<Integer> calls = new CopyOnWriteArrayList<>();
        FunctionInvoker invoker = (function, event) -> {
            calls.add(1);
            if (calls.size() == 1) {
                throw new IllegalStateException("the function's JVM did not start");
            }
            return new Invocation.Returned(null);
        };

        try (StreamPump pump = pump(Source.defaults().maximumRetryAttempts(0), invoker)) {
            await("the batch is delivered again", () -> calls.size() >= 2 && log.contains(" ok "));
        }

        assertThat(log.lines).anyMatch(l -> l.contains("could not invoke the function (IllegalStateException)"))
                .noneMatch(l -> l.contains("discarded"));
    }

    // ---- start and close ------------------------------------------------------------------------

    @Test
    void close_shouldStopThePollerThreads() {
        var invoker = RecordingInvoker.succeeding();
        StreamPump pump = pump(Source.defaults(), invoker);
        assertThat(pump.threadNames()).containsExactly(THREAD);
        assertThat(StreamFixtures.threadAlive(THREAD)).isTrue();

        pump.close();

        assertThat(StreamFixtures.threadAlive(THREAD)).isFalse();
        pump.close(); // twice is harmless
    }

    @Test
    void close_shouldFinishTheBatchInFlight_andStartNoOther() throws Exception {
        write("RESP#1", "RESP#2");
        CountDownLatch invoked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var invoker = new RecordingInvoker(records -> {
            invoked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Invocation.Returned(null);
        });
        StreamPump pump = pump(Source.defaults().batchSize(1), invoker);
        assertThat(invoked.await(20, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(pump::close, "closer");
        closer.start();
        await("close() waits for the batch in flight", Duration.ofSeconds(10),
                () -> closer.getState() == Thread.State.TIMED_WAITING || closer.getState() == Thread.State.WAITING,
                () -> "(close() is " + closer.getState() + ")");
        assertThat(closer.isAlive()).isTrue();
        release.countDown();
        closer.join(Duration.ofSeconds(20));

        assertThat(closer.isAlive()).isFalse();
        assertThat(StreamFixtures.threadAlive(THREAD)).isFalse();
        assertThat(invoker.batches()).containsExactly(List.of("RESP#1"));
        assertThat(log.lines).anyMatch(l -> l.contains("1 record, ok"));
    }

    @Test
    void close_shouldAbandonABatchInFlightPastItsTimeout() {
        write("RESP#1");
        CountDownLatch invoked = new CountDownLatch(1);
        FunctionInvoker invoker = (function, event) -> {
            invoked.countDown();
            try {
                new CountDownLatch(1).await(60, TimeUnit.SECONDS);
                return new Invocation.Returned(null);
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted", e);
            }
        };
        StreamPump pump = StreamPump.start(Source.defaults().template(), Map.of(TABLE, table), DYNAMO.dynamo().client(),
                DYNAMO.dynamo().streamsClient(), invoker, log.options().withCloseTimeout(Duration.ofMillis(200)));
        await("the function is invoked", () -> invoked.getCount() == 0);

        pump.close();

        assertThat(StreamFixtures.threadAlive(THREAD)).isFalse();
        assertThat(log.lines).anyMatch(l -> l.contains("batch in flight abandoned after 200 ms"))
                .anyMatch(l -> l.contains("abandoned as the pump stopped"));
    }

    @Test
    void start_shouldRefuseAnUnsupportedFilterOperator_beforeStartingAnything() {
        Source source = Source.defaults().filter("{\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"wildcard\":\"RESP#*\"}]}}}}");

        assertThatThrownBy(() -> pump(source, RecordingInvoker.succeeding()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(FUNCTION + " event " + EVENT + ": FilterCriteria pattern 1: at dynamodb.Keys.sk.S: "
                        + "unsupported operator \"wildcard\" (supported: exact values, prefix, suffix, "
                        + "equals-ignore-case, anything-but (values or prefix), numeric, exists, $or)");
        assertThat(StreamFixtures.threadAlive(THREAD)).isFalse();
    }

    @Test
    void start_shouldRefuseATableItDoesNotKnow() {
        assertThatThrownBy(() -> StreamPump.start(Source.defaults().template(), Map.of("OtherTable", table),
                DYNAMO.dynamo().client(), DYNAMO.dynamo().streamsClient(), RecordingInvoker.succeeding(), log.options()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no local table for " + TABLE);
        assertThatThrownBy(() -> StreamPump.start(Source.defaults().template(), Map.of(TABLE, "NoSuchTable"),
                DYNAMO.dynamo().client(), DYNAMO.dynamo().streamsClient(), RecordingInvoker.succeeding(), log.options()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table NoSuchTable (" + TABLE + ") does not exist");
    }

    @Test
    void log_shouldNeverContainRecordContents() {
        put(DYNAMO.dynamo().client(), table, "RESP#1", Map.of("freeText",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("my manager is Jane Doe")));
        var invoker = new RecordingInvoker(records -> functionError());

        try (StreamPump pump = pump(Source.defaults().maximumRetryAttempts(1), invoker)) {
            await("the batch is discarded", () -> log.contains("discarded"));
        }

        List<String> lines = new ArrayList<>(log.lines);
        assertThat(lines).isNotEmpty().noneMatch(l -> l.contains("Jane Doe") || l.contains("RESP#1")
                || l.contains("ROUND#"));
    }
}
