package nhssm.local.stream;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import nhssm.local.lambda.FunctionInvoker;
import nhssm.local.lambda.Invocation;
import nhssm.local.template.StreamSource;

/**
 * What a mapping does with a batch, as Lambda does: invokes the function, then checkpoints past it, retries
 * it (from the first failed record with ReportBatchItemFailures), splits it (BisectBatchOnFunctionError) or
 * discards it after MaximumRetryAttempts, logging one line per batch.
 */
final class BatchDelivery {

    private final String function;
    private final StreamSource source;
    private final FunctionInvoker invoker;
    private final StreamPump.Options options;
    /** Whether the mapping is still running (a failed invocation while stopping is abandoned, not retried). */
    private final BooleanSupplier running;

    BatchDelivery(String function, StreamSource source, FunctionInvoker invoker, StreamPump.Options options,
                  BooleanSupplier running) {
        this.function = function;
        this.source = source;
        this.invoker = invoker;
        this.options = options;
        this.running = running;
    }

    /** Invokes the function with {@code batch} and acts on the outcome: done, retried, split or discarded. */
    void deliver(ShardState shard, Batch batch) {
        long started = System.nanoTime();
        Invocation invocation;
        try {
            invocation = invoker.invoke(function, batch.event());
            if (invocation == null) {
                throw new IllegalStateException("the invoker gave no result");
            }
        } catch (RuntimeException e) {
            // Lambda could not invoke the function: retried, and not counted as a retry attempt.
            shard.retries.addFirst(batch);
            shard.notBeforeNanos = System.nanoTime() + MappingPoller.ERROR_PAUSE.toNanos();
            String outcome = running.getAsBoolean()
                    ? "could not invoke the function (" + e.getClass().getSimpleName() + ") → will retry, not counted"
                    : "abandoned as the pump stopped (" + e.getClass().getSimpleName() + "); not checkpointed";
            log(shard, batch, outcome, started);
            return;
        }
        switch (invocation) {
            case Invocation.Returned returned when !source.reportBatchItemFailures() -> log(shard, batch, "ok", started);
            case Invocation.Returned returned -> {
                switch (BatchResponse.parse(returned.payloadJson(), batch.sequenceNumbers())) {
                    case BatchResponse.Success success -> log(shard, batch, "ok", started);
                    case BatchResponse.Partial partial -> partialFailure(shard, batch, partial, started);
                    case BatchResponse.Invalid invalid ->
                            failure(shard, batch, "batch failed: " + invalid.reason(), false, started);
                }
            }
            case Invocation.Failed failed -> failure(shard, batch,
                    "function error " + Objects.requireNonNullElse(failed.errorType(), "(no type)"), true, started);
            case Invocation.TimedOut timedOut -> failure(shard, batch,
                    "timed out after " + timedOut.after().toMillis() + " ms", true, started);
        }
    }

    private void partialFailure(ShardState shard, Batch batch, BatchResponse.Partial partial, long started) {
        // Retry from the failed record with the lowest sequence number; records before it are done.
        // Its retries are counted from the first time it heads a batch.
        int retries = partial.firstFailed() == 0 ? batch.retries() + 1 : 1;
        Batch rest = batch.from(partial.firstFailed(), retries);
        retryOrDiscard(shard, batch, rest, partial.reported() + " failed", started);
    }

    private void failure(ShardState shard, Batch batch, String reason, boolean functionError, long started) {
        if (functionError && source.bisectBatchOnFunctionError() && batch.size() > 1) {
            // Splitting does not consume the retry quota (Lambda developer guide).
            Batch first = batch.firstHalf();
            Batch second = batch.secondHalf();
            shard.retries.addFirst(second);
            shard.retries.addFirst(first);
            log(shard, batch, reason + " → split into " + first.size() + " + " + second.size(), started);
            return;
        }
        retryOrDiscard(shard, batch, batch.withRetries(batch.retries() + 1), reason, started);
    }

    /** {@code next} is what would be delivered again, with the number of the retry it would be. */
    private void retryOrDiscard(ShardState shard, Batch delivered, Batch next, String reason, long started) {
        int maximum = source.maximumRetryAttempts();
        if (maximum >= 0 && next.retries() > maximum) {
            int retried = next.retries() - 1;
            log(shard, delivered, reason + " → discarded " + count(next.size()) + " after " + retried
                    + (retried == 1 ? " retry" : " retries") + " (MaximumRetryAttempts " + maximum
                    + "), sequence numbers " + String.join(", ", next.sequenceNumbers())
                    + "; on AWS they would go to the event source mapping's on-failure destination", started);
            return;
        }
        shard.retries.addFirst(next);
        shard.notBeforeNanos = System.nanoTime() + retryDelay(next.retries()).toNanos();
        log(shard, delivered, reason + " → retry " + next.retries() + (maximum >= 0 ? " of " + maximum : "")
                + " from " + next.items().getFirst().sequenceNumber(), started);
    }

    /** The delay before retry number {@code retry}: the first delay, doubled for each further one, capped. */
    Duration retryDelay(int retry) {
        Duration delay = options.retryDelay();
        for (int i = 1; i < retry && delay.compareTo(options.maxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(options.maxRetryDelay()) > 0 ? options.maxRetryDelay() : delay;
    }

    private void log(ShardState shard, Batch batch, String outcome, long startedNanos) {
        long ms = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        options.log().accept("stream " + function + " shard " + shard.shortId() + ": " + count(batch.size()) + ", "
                + outcome + " (" + ms + " ms)");
    }

    private static String count(int records) {
        return records + (records == 1 ? " record" : " records");
    }
}
