package nhssm.local.stream;

import nhssm.local.dynamodb.StreamEventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.lambda.FunctionInvoker;
import nhssm.local.template.StreamSource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One event source mapping (a function × one of its DynamoDB stream sources), run by one thread: finds the
 * stream's shards, reads each in order from the starting position, a child shard only once its parent is
 * finished, and delivers batches to the function as Lambda does.
 */
final class MappingPoller implements Runnable {

    /** Lambda's limit for a synchronous invocation's payload; a batch is cut before it. */
    static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
    /** GetRecords returns at most 1,000 records. */
    private static final int MAX_GET_RECORDS = 1000;
    private static final Duration SHARD_REFRESH = Duration.ofSeconds(10);
    static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

    private final String function;
    private final StreamSource source;
    private final String streamArn;
    private final EventFilter filter;
    private final DynamoDbStreamsClient streams;
    private final FunctionInvoker invoker;
    private final StreamPump.Options options;
    /** A stream record as a record of the event: {@link StreamEventJson#record}. */
    private final BiFunction<Record, String, ObjectNode> recordJson;
    private final ShardPositions positions;
    private final BatchDelivery delivery;

    /** Shards known and not finished, in the order DescribeStream lists them. */
    private final Map<String, ShardState> shards = new LinkedHashMap<>();
    private final Set<String> finishedShards = new HashSet<>();
    private final Object wake = new Object();
    private volatile boolean running = true;
    private long nextRefreshNanos;
    private boolean refreshNeeded;
    private String lastError;

    MappingPoller(String function, StreamSource source, String streamArn, EventFilter filter,
                  DynamoDbStreamsClient streams, FunctionInvoker invoker, StreamPump.Options options,
                  BiFunction<Record, String, ObjectNode> recordJson) {
        this.function = function;
        this.source = source;
        this.streamArn = streamArn;
        this.filter = filter;
        this.streams = streams;
        this.invoker = invoker;
        this.options = options;
        this.recordJson = recordJson;
        this.positions = new ShardPositions(streams, streamArn, "stream " + function + " shard ", options.log());
        this.delivery = new BatchDelivery(function, source, invoker, options, () -> running);
    }

    String function() {
        return function;
    }

    String threadName() {
        return "stream-pump-" + function + "-" + source.eventLogicalId();
    }

    /**
     * Lists the stream's shards the first time, before the thread starts: with LATEST, the open shards'
     * iterators are taken now, so that every record written after {@link StreamPump#start} returns is seen.
     */
    void discoverInitialShards() {
        discover(true);
        nextRefreshNanos = System.nanoTime() + SHARD_REFRESH.toNanos();
    }

    /** Asks the thread to stop after the batch in flight, if any; wakes it if it is waiting. */
    void stop() {
        synchronized (wake) {
            running = false;
            wake.notifyAll();
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (refreshNeeded || System.nanoTime() - nextRefreshNanos >= 0) {
                    discover(false);
                    refreshNeeded = false;
                    nextRefreshNanos = System.nanoTime() + SHARD_REFRESH.toNanos();
                }
                boolean worked = false;
                long wait = options.pollInterval().toNanos();
                for (ShardState shard : new ArrayList<>(shards.values())) {
                    if (!running) {
                        break;
                    }
                    if (!ready(shard)) {
                        continue;
                    }
                    long untilAllowed = shard.notBeforeNanos - System.nanoTime();
                    if (untilAllowed > 0) {
                        wait = Math.min(wait, untilAllowed);
                        continue;
                    }
                    worked |= step(shard);
                    if (shard.finished()) {
                        shards.remove(shard.shardId);
                        finishedShards.add(shard.shardId);
                        refreshNeeded = true;
                    }
                }
                // A round without a failure ends the repeat: the next failure, even the same one, is logged again.
                lastError = null;
                if (!worked) {
                    pause(wait);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                logError(e);
                pause(ERROR_PAUSE.toNanos());
            }
        }
    }

    // ---- shards ---------------------------------------------------------------------------------

    private void discover(boolean initial) {
        for (Shard shard : describeShards()) {
            String id = shard.shardId();
            if (shards.containsKey(id) || finishedShards.contains(id)) {
                continue;
            }
            ShardIteratorType position = ShardIteratorType.TRIM_HORIZON;
            if (initial && "LATEST".equals(source.startingPosition())) {
                boolean closed = shard.sequenceNumberRange() != null
                        && shard.sequenceNumberRange().endingSequenceNumber() != null;
                if (closed) {
                    // Everything in it was written before the mapping started.
                    finishedShards.add(id);
                    continue;
                }
                position = ShardIteratorType.LATEST;
            }
            ShardState state = new ShardState(id, shard.parentShardId(), position);
            if (position == ShardIteratorType.LATEST) {
                positions.open(state);
            }
            shards.put(id, state);
        }
    }

    private List<Shard> describeShards() {
        List<Shard> all = new ArrayList<>();
        String after = null;
        do {
            String exclusiveStart = after;
            DescribeStreamResponse response = streams.describeStream(r -> r.streamArn(streamArn)
                    .exclusiveStartShardId(exclusiveStart));
            all.addAll(response.streamDescription().shards());
            after = response.streamDescription().lastEvaluatedShardId();
        } while (after != null);
        return all;
    }

    /** Waiting to read a record it could not read (see {@link #holdAt}). */
    private static boolean held(ShardState shard) {
        return shard.heldAt != null && shard.notBeforeNanos - System.nanoTime() > 0;
    }

    /** A child shard is read only once its parent is finished (or no longer listed: trimmed). */
    private boolean ready(ShardState shard) {
        String parent = shard.parentShardId;
        return parent == null || finishedShards.contains(parent) || !shards.containsKey(parent);
    }

    // ---- one step on one shard ------------------------------------------------------------------

    /** Delivers one batch of {@code shard} if there is one; true if anything happened. */
    private boolean step(ShardState shard) {
        if (!shard.retries.isEmpty()) {
            delivery.deliver(shard, shard.retries.pollFirst());
            return true;
        }
        boolean read;
        try {
            read = fill(shard);
        } catch (SdkException e) {
            if (!running) {
                return false;
            }
            logError(e);
            shard.notBeforeNanos = System.nanoTime() + ERROR_PAUSE.toNanos();
            return false;
        }
        if (shard.buffer.isEmpty() || !running) {
            return read;
        }
        delivery.deliver(shard, takeBatch(shard));
        return true;
    }

    /**
     * Reads records into the shard's buffer until a batch is full or the shard is exhausted; otherwise, with
     * no batching window, until there is one matching record; with a window, until the window has passed since
     * the first record of the batch was read. With nothing to read it returns at once (the caller polls again).
     *
     * @return whether any record was read (matching or not)
     */
    private boolean fill(ShardState shard) {
        if (!shard.opened) {
            positions.open(shard);
        }
        Duration window = source.maximumBatchingWindow() == null ? Duration.ZERO : source.maximumBatchingWindow();
        long windowEnd = shard.buffer.isEmpty() ? 0 : System.nanoTime() + window.toNanos();
        boolean readAny = false;
        while (running && !shard.exhausted && shard.buffer.size() < source.batchSize() && !held(shard)) {
            boolean hadRecords = !shard.buffer.isEmpty();
            int read = read(shard, Math.min(MAX_GET_RECORDS, source.batchSize() - shard.buffer.size()));
            readAny |= read > 0;
            if (!hadRecords && !shard.buffer.isEmpty()) {
                windowEnd = System.nanoTime() + window.toNanos();
            }
            if (shard.exhausted || shard.buffer.size() >= source.batchSize() || held(shard)) {
                break;
            }
            if (shard.buffer.isEmpty()) {
                if (read == 0) {
                    break;
                }
                continue; // everything read was filtered out: read on
            }
            long left = windowEnd - System.nanoTime();
            if (left <= 0) {
                break;
            }
            if (read == 0) {
                pause(Math.min(left, options.pollInterval().toNanos()));
            }
        }
        return readAny;
    }

    /** One GetRecords call; returns the number of records read, matching the filter or not. */
    private int read(ShardState shard, int limit) {
        GetRecordsResponse response;
        try {
            String iterator = shard.iterator;
            response = streams.getRecords(r -> r.shardIterator(iterator).limit(limit));
        } catch (ExpiredIteratorException e) {
            positions.reopenAfterLastRead(shard);
            return 0;
        } catch (TrimmedDataAccessException e) {
            positions.fromTrimHorizon(shard);
            return 0;
        } catch (ResourceNotFoundException e) {
            positions.gone(shard);
            return 0;
        }
        lastError = null;
        List<ObjectNode> decoded = new ArrayList<>();
        for (Record record : response.records()) {
            try {
                decoded.add(recordJson.apply(record, streamArn));
            } catch (RuntimeException e) {
                // Repositions the shard before anything is buffered, so a failure to do so leaves it unchanged.
                holdAt(shard, record, e);
                break;
            }
        }
        if (decoded.size() == response.records().size()) {
            if (shard.heldAt != null) {
                options.log().accept("stream " + function + " shard " + shard.shortId() + ": record "
                        + shard.heldAt + " is read at last; delivering on");
                shard.heldAt = null;
                shard.holds = 0;
            }
            shard.iterator = response.nextShardIterator();
            shard.exhausted = shard.iterator == null;
        }
        for (int i = 0; i < decoded.size(); i++) {
            String sequenceNumber = response.records().get(i).dynamodb().sequenceNumber();
            shard.lastReadSequenceNumber = sequenceNumber;
            ObjectNode json = decoded.get(i);
            if (filter.matches(json)) {
                shard.buffer.addLast(Batch.Item.of(sequenceNumber, StreamEventJson.write(json)));
            }
        }
        return decoded.size();
    }

    /**
     * A record that cannot be turned into the event's JSON stops its shard there, as a batch that keeps failing
     * does on Lambda: the mapping never skips a record. The shard reads from that record again after a growing
     * delay (logged once per record, with what it is made of, never its values); other shards go on meanwhile.
     */
    private void holdAt(ShardState shard, Record record, RuntimeException e) {
        String sequenceNumber = record.dynamodb().sequenceNumber();
        String iterator = positions.at(shard, sequenceNumber);
        if (!sequenceNumber.equals(shard.heldAt)) {
            shard.heldAt = sequenceNumber;
            shard.holds = 0;
            options.log().accept("stream " + function + " shard " + shard.shortId() + ": cannot read record "
                    + sequenceNumber + " (" + shape(record) + "): " + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "; the shard waits at it and reads it again, with a growing delay");
        }
        shard.holds++;
        shard.iterator = iterator;
        shard.exhausted = iterator == null;
        shard.notBeforeNanos = System.nanoTime() + delivery.retryDelay(shard.holds).toNanos();
    }

    /** What a record is made of, for the log: its event name and each attribute's type, never a value. */
    private static String shape(Record record) {
        StreamRecord dynamodb = record.dynamodb();
        return record.eventNameAsString() + ", keys " + types(dynamodb.keys())
                + (dynamodb.hasNewImage() ? ", new image " + types(dynamodb.newImage()) : "")
                + (dynamodb.hasOldImage() ? ", old image " + types(dynamodb.oldImage()) : "");
    }

    private static String types(Map<String, AttributeValue> image) {
        return new TreeMap<>(image).entrySet().stream()
                .map(a -> a.getKey() + ":" + a.getValue().type())
                .collect(Collectors.joining(" ", "{", "}"));
    }

    /** Up to BatchSize records from the buffer, stopping before the event would pass 6 MB. */
    private Batch takeBatch(ShardState shard) {
        List<Batch.Item> items = new ArrayList<>();
        long bytes = StreamEventJson.event(List.of()).length();
        while (!shard.buffer.isEmpty() && items.size() < source.batchSize()) {
            Batch.Item next = shard.buffer.peekFirst();
            long added = next.bytes() + (items.isEmpty() ? 0 : 1);
            if (!items.isEmpty() && bytes + added > MAX_PAYLOAD_BYTES) {
                break;
            }
            items.add(shard.buffer.pollFirst());
            bytes += added;
        }
        return new Batch(items, 0);
    }

    // ---- logging and waiting --------------------------------------------------------------------

    /** Logs a failure once, not again while the same failure repeats. */
    private void logError(RuntimeException e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!message.equals(lastError)) {
            options.log().accept("stream " + function + ": "
                    + (e instanceof SdkException ? "cannot read the stream of " + source.tableLogicalId() : "error")
                    + " (" + message + "); retrying");
            lastError = message;
        }
    }

    private void pause(long nanos) {
        if (nanos <= 0) {
            return;
        }
        synchronized (wake) {
            if (!running) {
                return;
            }
            try {
                wake.wait(Math.max(1, nanos / 1_000_000), 0);
            } catch (InterruptedException e) {
                running = false;
                Thread.currentThread().interrupt();
            }
        }
    }
}
