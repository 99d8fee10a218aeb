package nhssm.core.store.dynamodb;

import static nhssm.core.store.dynamodb.Attributes.n;
import static nhssm.core.store.dynamodb.Attributes.s;

import java.util.HashMap;
import java.util.Map;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.store.TrustRecordStore.VersionedRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a trust record to its item: {@code ROUND#r#TRUST#ods / AGG}, also under GSI1
 * ({@code ROUND#r#AGG / ods}) so that a round's records are one query. The record itself is a JSON
 * document ({@link TrustRecordJson}); {@code version} counts the writes, for optimistic concurrency.
 */
final class TrustRecordItem {

    static final String SORT = "AGG";

    private TrustRecordItem() {
    }

    static String roundIndexPartition(String round) {
        return "ROUND#" + round + "#AGG";
    }

    static Map<String, AttributeValue> toItem(TrustRecord record, long version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.trustPartition(record.round(), record.odsCode())));
        item.put(Keys.SK, s(SORT));
        item.put("gsi1pk", s(roundIndexPartition(record.round())));
        item.put("gsi1sk", s(record.odsCode()));
        item.put("type", s("TRUST_RECORD"));
        item.put("version", n(version));
        item.put("watermark", n(record.watermark()));
        item.put("record", s(TrustRecordJson.encode(record)));
        return item;
    }

    static VersionedRecord fromItem(Map<String, AttributeValue> item) {
        return new VersionedRecord(TrustRecordJson.decode(Attributes.string(item, "record")),
                Attributes.number(item, "version"));
    }
}
