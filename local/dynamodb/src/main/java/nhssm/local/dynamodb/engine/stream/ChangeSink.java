package nhssm.local.dynamodb.engine.stream;

import java.time.Instant;
import java.util.List;

/**
 * Where the tables report what they committed, in commit order per table: the streams (and anything
 * else that must see every committed change). Called while the written items are still held, so the
 * order of calls for one item is the order of its writes; an implementation must be quick and must not
 * call back into the table.
 */
public interface ChangeSink {

    /**
     * One committed write of {@code tableName}: a single item, or every item of a transaction.
     *
     * @param at when it committed, the records' ApproximateCreationDateTime
     * @param byTtl whether the service deleted these items because their TTL passed (the records then carry
     *     the service's userIdentity)
     */
    void committed(String tableName, Instant at, List<ItemChange> changes, boolean byTtl);

    /** Discards nothing. */
    ChangeSink NONE = (tableName, at, changes, byTtl) -> { };
}
