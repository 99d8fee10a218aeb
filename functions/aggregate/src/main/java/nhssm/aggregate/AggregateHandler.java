package nhssm.aggregate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nhssm.core.store.TrustKey;
import nhssm.core.store.TrustRecordStore;
import nhssm.core.store.dynamodb.DynamoDbConnection;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.telemetry.EmbeddedMetrics;
import nhssm.telemetry.FunctionLog;
import nhssm.telemetry.Metric;

/**
 * Lambda entry point of the aggregate function, fed by the table's stream (response items only, by
 * the event source's filter): recomputes the record of every trust the batch touches, once per trust,
 * and reports the records of any trust it could not recompute as batch item failures, so that only
 * those are delivered again.
 */
public final class AggregateHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    static {
        FunctionLog.install();
    }

    private static final System.Logger LOG = System.getLogger(AggregateHandler.class.getName());
    private static final EmbeddedMetrics METRICS = EmbeddedMetrics.of("aggregate");

    private final TrustRecomputation recomputation;

    /** Used by the Lambda runtime: the store is built once per container, from the environment. */
    public AggregateHandler() {
        this(new DynamoDbTrustRecordStore(DynamoDbConnection.fromEnvironment(System.getenv()),
                DynamoDbConnection.tableName(System.getenv())));
    }

    /** Used by tests, which supply a store on the DynamoDB engine. */
    public AggregateHandler(TrustRecordStore store) {
        this.recomputation = new TrustRecomputation(store);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        StreamBatch batch = StreamBatch.of(records);
        List<BatchItemFailure> failures = new ArrayList<>();
        batch.unusable().forEach(sequence -> failures.add(new BatchItemFailure(sequence)));
        int failedTrusts = 0;
        for (Map.Entry<TrustKey, List<String>> trust : batch.trusts().entrySet()) {
            try {
                recomputation.recompute(trust.getKey());
            } catch (RuntimeException e) {
                // One trust failing is no reason to fail the others: its records alone are retried.
                LOG.log(System.Logger.Level.WARNING, "recomputing " + trust.getKey().odsCode() + " in round "
                        + trust.getKey().round() + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                trust.getValue().forEach(sequence -> failures.add(new BatchItemFailure(sequence)));
                failedTrusts++;
            }
        }
        LOG.log(System.Logger.Level.INFO, "batch of " + records.size() + " records: "
                + (batch.trusts().size() - failedTrusts) + " trusts recomputed, " + failures.size() + " records failed");
        METRICS.emit(List.of(Metric.count("Recomputations", batch.trusts().size() - failedTrusts),
                Metric.count("RecomputationFailures", failedTrusts),
                Metric.count("UnusableRecords", batch.unusable().size())));
        return new StreamsEventResponse(failures);
    }
}
