package nhssm.local.stream;

import nhssm.local.dynamodb.StreamEventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.lambda.FunctionInvoker;
import nhssm.local.template.FunctionDefinition;
import nhssm.local.template.SamTemplate;
import nhssm.local.template.StreamSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The Lambda event source mapping for DynamoDB streams, locally: for every DynamoDB stream event source of
 * every function in the template, one thread reads the table's stream and invokes the function as Lambda
 * does.
 * <ul>
 *   <li>Shards are read in order from StartingPosition (TRIM_HORIZON or LATEST); a child shard only once its
 *       parent is finished (read to its end, or gone: trimmed away after 24 hours); GetRecords is polled every {@link Options#pollInterval()} when there is nothing
 *       new (Lambda polls four times a second).</li>
 *   <li>Events have the shape Lambda sends ({@link StreamEventJson}); a batch holds up to BatchSize records,
 *       waiting up to MaximumBatchingWindow (counted from the batch's first record) for more, and stays under
 *       Lambda's 6 MB payload limit.</li>
 *   <li>FilterCriteria ({@link EventFilter}): a record matching no pattern is dropped, counting as processed.</li>
 *   <li>Results: with ReportBatchItemFailures, {@code batchItemFailures} checkpoints before the failed record with
 *       the lowest sequence number, which is retried with every record after it (never the ones before); an
 *       invalid itemIdentifier fails the whole batch. A function error or timeout fails the whole batch: it is
 *       retried, or with BisectBatchOnFunctionError split in two halves that are retried in order (splitting
 *       does not consume the retry quota). After MaximumRetryAttempts retries (-1: no limit) the records are
 *       discarded with a log line naming them, as AWS would send them to the on-failure destination.</li>
 *   <li>A shard never moves past a record that has not been processed, filtered out or discarded.</li>
 *   <li>One line to the log per batch: function, shard, records, outcome, duration. Record contents (personal
 *       data) are never logged, nor the function's error messages (only their type).</li>
 * </ul>
 * Not emulated: MaximumRecordAgeInSeconds, ParallelizationFactor (one batch per shard at a time, as with the
 * default of 1), TumblingWindowInSeconds, and checkpoints across restarts: a new pump starts from
 * StartingPosition again.
 */
public final class StreamPump implements AutoCloseable {

    /**
     * How the pump runs locally.
     *
     * @param pollInterval  how long to wait before asking a shard again when it had nothing new
     * @param retryDelay    delay before the first retry of a failed batch, doubled for each further retry
     * @param maxRetryDelay the longest delay between retries
     * @param closeTimeout  how long {@link #close()} waits for a batch in flight before abandoning it
     * @param log           where the per-batch lines go
     */
    public record Options(Duration pollInterval, Duration retryDelay, Duration maxRetryDelay, Duration closeTimeout,
                          Consumer<String> log) {

        public Options {
            Objects.requireNonNull(log, "log");
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive");
            }
            if (retryDelay.isNegative() || maxRetryDelay.compareTo(retryDelay) < 0) {
                throw new IllegalArgumentException("need 0 ≤ retryDelay ≤ maxRetryDelay");
            }
            if (closeTimeout.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must not be negative");
            }
        }

        /** Lambda's polling rate (250 ms), retries after 250 ms doubling up to 5 s, 30 s to close, stdout. */
        public static Options defaults() {
            return new Options(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofSeconds(5),
                    Duration.ofSeconds(30), System.out::println);
        }

        public Options withPollInterval(Duration pollInterval) {
            return new Options(pollInterval, retryDelay, maxRetryDelay, closeTimeout, log);
        }

        public Options withRetryDelay(Duration retryDelay, Duration maxRetryDelay) {
            return new Options(pollInterval, retryDelay, maxRetryDelay, closeTimeout, log);
        }

        public Options withCloseTimeout(Duration closeTimeout) {
            return new Options(pollInterval, retryDelay, maxRetryDelay, closeTimeout, log);
        }

        public Options withLog(Consumer<String> log) {
            return new Options(pollInterval, retryDelay, maxRetryDelay, closeTimeout, log);
        }
    }

    private final List<MappingPoller> pollers;
    private final List<Thread> threads;
    private final Options options;
    private boolean closed;

    private StreamPump(List<MappingPoller> pollers, List<Thread> threads, Options options) {
        this.pollers = pollers;
        this.threads = threads;
        this.options = options;
    }

    /** {@link #start(SamTemplate, Map, DynamoDbClient, DynamoDbStreamsClient, FunctionInvoker, Options)} with
     * {@link Options#defaults()}. */
    public static StreamPump start(SamTemplate template, Map<String, String> tableNames, DynamoDbClient dynamo,
                                   DynamoDbStreamsClient streams, FunctionInvoker invoker) {
        return start(template, tableNames, dynamo, streams, invoker, Options.defaults());
    }

    /**
     * Checks every stream source of the template, finds each table's stream and its shards, then starts one
     * poller thread per function × stream source. With LATEST, records written after this returns are delivered.
     *
     * @param tableNames logical id of a table in the template → the name of the local table
     * @throws IllegalArgumentException before any thread starts, naming the function and event, if a source
     *                                  is invalid (a filter operator not supported, an unknown table, a table
     *                                  without a stream, a StartingPosition other than TRIM_HORIZON or LATEST)
     */
    public static StreamPump start(SamTemplate template, Map<String, String> tableNames, DynamoDbClient dynamo,
                                   DynamoDbStreamsClient streams, FunctionInvoker invoker, Options options) {
        return start(template, tableNames, dynamo, streams, invoker, options, StreamEventJson::record);
    }

    /** As above, with the conversion of a stream record to the event's JSON given: a test's way to break one. */
    static StreamPump start(SamTemplate template, Map<String, String> tableNames, DynamoDbClient dynamo,
                            DynamoDbStreamsClient streams, FunctionInvoker invoker, Options options,
                            BiFunction<Record, String, ObjectNode> recordJson) {
        List<MappingPoller> pollers = new ArrayList<>();
        for (FunctionDefinition function : template.functions()) {
            for (StreamSource source : function.streams()) {
                pollers.add(poller(function.logicalId(), source, tableNames, dynamo, streams, invoker, options,
                        recordJson));
            }
        }
        for (MappingPoller poller : pollers) {
            poller.discoverInitialShards();
        }
        List<Thread> threads = new ArrayList<>();
        for (MappingPoller poller : pollers) {
            Thread thread = new Thread(poller, poller.threadName());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> {
                options.log().accept("stream " + poller.function() + ": stopped by " + e.getClass().getName()
                        + "; this stream source delivers nothing more until restarted");
                e.printStackTrace();
            });
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        return new StreamPump(List.copyOf(pollers), List.copyOf(threads), options);
    }

    private static MappingPoller poller(String function, StreamSource source, Map<String, String> tableNames,
                                        DynamoDbClient dynamo, DynamoDbStreamsClient streams,
                                        FunctionInvoker invoker, Options options,
                                        BiFunction<Record, String, ObjectNode> recordJson) {
        String where = function + " event " + source.eventLogicalId() + ": ";
        if (source.batchSize() < 1 || source.batchSize() > 10_000) {
            throw new IllegalArgumentException(where + "BatchSize must be 1 to 10000, not " + source.batchSize());
        }
        if (!"TRIM_HORIZON".equals(source.startingPosition()) && !"LATEST".equals(source.startingPosition())) {
            throw new IllegalArgumentException(where + "StartingPosition must be TRIM_HORIZON or LATEST for a "
                    + "DynamoDB stream, not " + source.startingPosition());
        }
        if (source.maximumRetryAttempts() < -1) {
            throw new IllegalArgumentException(where + "MaximumRetryAttempts must be -1 or more, not "
                    + source.maximumRetryAttempts());
        }
        EventFilter filter;
        try {
            filter = EventFilter.compile(source.filterPatterns());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        String table = tableNames.get(source.tableLogicalId());
        if (table == null) {
            throw new IllegalArgumentException(where + "no local table for " + source.tableLogicalId()
                    + " (tables: " + tableNames.keySet() + ")");
        }
        TableDescription description;
        try {
            description = dynamo.describeTable(r -> r.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            throw new IllegalArgumentException(where + "table " + table + " (" + source.tableLogicalId()
                    + ") does not exist", e);
        }
        if (description.latestStreamArn() == null || description.streamSpecification() == null
                || !Boolean.TRUE.equals(description.streamSpecification().streamEnabled())) {
            throw new IllegalArgumentException(where + "table " + table + " (" + source.tableLogicalId()
                    + ") has no stream");
        }
        options.log().accept("stream " + function + " ← " + source.tableLogicalId() + " stream: "
                + source.startingPosition() + ", BatchSize " + source.batchSize()
                + (source.maximumBatchingWindow() == null || source.maximumBatchingWindow().isZero() ? ""
                        : ", window " + source.maximumBatchingWindow().toMillis() + " ms")
                + (filter.acceptsAll() ? "" : ", " + source.filterPatterns().size() + " filter pattern(s)")
                + (source.reportBatchItemFailures() ? ", ReportBatchItemFailures" : "")
                + (source.bisectBatchOnFunctionError() ? ", BisectBatchOnFunctionError" : "")
                + ", MaximumRetryAttempts " + source.maximumRetryAttempts());
        return new MappingPoller(function, source, description.latestStreamArn(), filter, streams, invoker, options,
                recordJson);
    }

    /** The names of the poller threads, one per function × stream source. */
    public List<String> threadNames() {
        return threads.stream().map(Thread::getName).toList();
    }

    /**
     * Stops every poller: no batch is started after this is called; a batch in flight is finished (its result
     * applied) if it ends within {@link Options#closeTimeout()}, else abandoned without being checkpointed.
     * Returns once the threads have ended.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pollers.forEach(MappingPoller::stop);
        long deadline = System.nanoTime() + options.closeTimeout().toNanos();
        for (int i = 0; i < threads.size(); i++) {
            Thread thread = threads.get(i);
            join(thread, Math.max(0, deadline - System.nanoTime()));
            if (thread.isAlive()) {
                options.log().accept("stream " + pollers.get(i).function() + ": batch in flight abandoned after "
                        + options.closeTimeout().toMillis() + " ms as the pump stopped; its records were not "
                        + "checkpointed");
                thread.interrupt();
                join(thread, Duration.ofSeconds(5).toNanos());
            }
        }
    }

    private static void join(Thread thread, long nanos) {
        try {
            thread.join(Duration.ofNanos(Math.max(nanos, 1_000_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
