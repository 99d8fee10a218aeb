package nhssm.core.store;

import java.util.List;
import java.util.Optional;
import nhssm.core.reconcile.TrustRecord;

/**
 * What the aggregate and report functions persist and read: one reconciled record per trust and round,
 * computed from that trust's current responses.
 */
public interface TrustRecordStore {

    /** Every current response of one trust in one round (any kind and status), read consistently. */
    List<StoredResponse> responsesOf(String round, String odsCode);

    /** The stored record and its version, if one was computed. */
    Optional<VersionedRecord> findRecord(String round, String odsCode);

    /**
     * Stores {@code record} if the stored one is still at {@code expectedVersion} (0: none stored yet).
     * Returns false, writing nothing, when another computation stored a record in between.
     */
    boolean putRecord(TrustRecord record, long expectedVersion);

    /** Every trust record of a round: one query, one item per trust, whatever the number of responses. */
    List<TrustRecord> recordsOf(String round);

    /** A stored record with its version, for optimistic concurrency. */
    record VersionedRecord(TrustRecord record, long version) {
    }
}
