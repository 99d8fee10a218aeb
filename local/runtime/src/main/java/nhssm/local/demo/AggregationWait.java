package nhssm.local.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.store.StoredResponse;
import nhssm.core.store.TrustRecordStore;

/**
 * Waits for the aggregate function to catch up with what was seeded: every trust with responses has
 * its record, computed from all of them. A record's watermark is the number of changes it was computed
 * from (each create and each replace of a response adds one version), so a trust's record has caught
 * up once its watermark reaches the sum of its responses' versions, read after the last change.
 */
public final class AggregationWait {

    /** As often as Lambda's event source mapping polls the stream. */
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final TrustRecordStore store;
    private final String round;

    public AggregationWait(TrustRecordStore store, String round) {
        this.store = store;
        this.round = round;
    }

    /** By ODS code, the watermark each trust's record must reach; read once no response will change any more. */
    public Map<String, Long> targets(Collection<String> odsCodes) {
        Map<String, Long> targets = new LinkedHashMap<>();
        for (String ods : odsCodes) {
            long changes = store.responsesOf(round, ods).stream().mapToLong(StoredResponse::version).sum();
            if (changes > 0) {
                targets.put(ods, changes);
            }
        }
        return targets;
    }

    /**
     * Polls the round's records until every trust of {@code targets} has one at its target watermark,
     * then returns all the round's records.
     *
     * @throws DemoFailedException when {@code limit} passes first, saying how many trusts had caught up
     */
    public List<TrustRecord> await(Map<String, Long> targets, Duration limit, PrintStream progress) {
        Instant deadline = Instant.now().plus(limit);
        Instant nextReport = Instant.now().plus(PROGRESS_EVERY);
        while (true) {
            List<TrustRecord> records = store.recordsOf(round);
            Map<String, Long> watermarks = records.stream()
                    .collect(Collectors.toMap(TrustRecord::odsCode, TrustRecord::watermark));
            List<String> behind = targets.entrySet().stream()
                    .filter(t -> watermarks.getOrDefault(t.getKey(), 0L) < t.getValue())
                    .map(Map.Entry::getKey)
                    .toList();
            int done = targets.size() - behind.size();
            if (behind.isEmpty()) {
                return records;
            }
            Instant now = Instant.now();
            if (!now.isBefore(deadline)) {
                throw new DemoFailedException("aggregation did not finish within " + limit.toSeconds() + " s: "
                        + done + " of " + targets.size() + " trusts have a record of all their responses; still "
                        + "waiting for " + String.join(", ", behind.subList(0, Math.min(5, behind.size())))
                        + (behind.size() > 5 ? " and " + (behind.size() - 5) + " more" : ""));
            }
            if (!now.isBefore(nextReport)) {
                progress.printf("aggregated %d of %d trusts%n", done, targets.size());
                nextReport = now.plus(PROGRESS_EVERY);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailedException("interrupted while waiting for aggregation", e);
        }
    }
}
