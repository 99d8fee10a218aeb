package nhssm.aggregate;

import java.util.List;
import java.util.Optional;
import nhssm.core.reconcile.Reconciliation;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.store.StoredResponse;
import nhssm.core.store.TrustKey;
import nhssm.core.store.TrustRecordStore;
import nhssm.core.store.TrustRecordStore.VersionedRecord;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;

/**
 * Recomputes one trust's record from all of its current responses, never by increments, so a
 * duplicated, redelivered or reordered stream record changes nothing. The write is conditional on the
 * record's version read before the responses: if another computation wrote in between, this one read
 * older data and starts again, so an older computation never replaces a newer one.
 */
final class TrustRecomputation {

    /** Concurrent recomputations of one trust are rare (one shard per trust); a few attempts settle them. */
    static final int ATTEMPTS = 5;

    private final TrustRecordStore store;

    TrustRecomputation(TrustRecordStore store) {
        this.store = store;
    }

    /** Returns the record written. */
    TrustRecord recompute(TrustKey trust) {
        SurveyDefinition definition = SurveyDefinitions.forRound(trust.round())
                .orElseThrow(() -> new UnknownRoundException(trust.round()));
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<VersionedRecord> stored = store.findRecord(trust.round(), trust.odsCode());
            long version = stored.map(VersionedRecord::version).orElse(0L);
            List<StoredResponse> responses = store.responsesOf(trust.round(), trust.odsCode());
            TrustRecord record = Reconciliation.reconcile(definition, trust.round(), trust.odsCode(), responses,
                    watermark(responses));
            // A redelivered batch finds the record it would write already there: nothing to write.
            if (stored.map(VersionedRecord::record).filter(record::equals).isPresent()
                    || store.putRecord(record, version)) {
                return record;
            }
        }
        throw new RecomputationContendedException(trust, ATTEMPTS);
    }

    /** How many changes the record reflects: every create and every replace adds one version. */
    static long watermark(List<StoredResponse> responses) {
        return responses.stream().mapToLong(StoredResponse::version).sum();
    }
}
