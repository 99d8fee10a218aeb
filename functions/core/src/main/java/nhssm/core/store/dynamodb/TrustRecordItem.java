package nhssm.core.store.dynamodb;

import static nhssm.core.store.dynamodb.Attributes.n;
import static nhssm.core.store.dynamodb.Attributes.s;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nhssm.core.reconcile.FreeText;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.ResponseKind;
import nhssm.core.store.TrustRecordStore.VersionedRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a trust record to its item: {@code ROUND#r#TRUST#ods / AGG}, also under GSI1
 * ({@code ROUND#r#AGG / ods}) so that a round's records are one query. The record itself is a JSON
 * document ({@link TrustRecordJson}); {@code version} counts the writes, for optimistic concurrency.
 */
final class TrustRecordItem {

    static final String SORT = "AGG";

    /**
     * DynamoDB refuses items over 400 KB. Free text is the only part that grows without bound (30
     * staff writing 1,500 emoji each), so past this size the longest individual comments are left
     * out of the record, counted in {@code freeTextOmitted}; they stay in the responses themselves.
     */
    static final int MAX_DOCUMENT_BYTES = 350_000;

    private TrustRecordItem() {
    }

    static String roundIndexPartition(String round) {
        return "ROUND#" + round + "#AGG";
    }

    static Map<String, AttributeValue> toItem(TrustRecord record, long version) {
        String document = TrustRecordJson.encode(record);
        int omitted = 0;
        List<FreeText> kept = new ArrayList<>(record.freeText());
        while (document.getBytes(StandardCharsets.UTF_8).length > MAX_DOCUMENT_BYTES) {
            FreeText longest = kept.stream().filter(t -> t.from() == ResponseKind.INDIVIDUAL)
                    .max(Comparator.comparingInt(t -> t.text().length()))
                    .orElseThrow(() -> new IllegalStateException("trust record of " + record.odsCode()
                            + " is over " + MAX_DOCUMENT_BYTES + " bytes without any individual comment"));
            kept.remove(longest);
            omitted++;
            document = TrustRecordJson.encode(withFreeText(record, kept));
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.trustPartition(record.round(), record.odsCode())));
        item.put(Keys.SK, s(SORT));
        item.put("gsi1pk", s(roundIndexPartition(record.round())));
        item.put("gsi1sk", s(record.odsCode()));
        item.put("type", s("TRUST_RECORD"));
        item.put("version", n(version));
        item.put("watermark", n(record.watermark()));
        item.put("record", s(document));
        item.put("freeTextOmitted", n(omitted));
        return item;
    }

    private static TrustRecord withFreeText(TrustRecord r, List<FreeText> freeText) {
        return new TrustRecord(r.round(), r.odsCode(), r.definitionVersion(), r.officialSubmittedAt(),
                r.individualResponses(), r.individualRoles(), r.values(), r.distributions(), freeText,
                r.lastResponseAt(), r.watermark());
    }

    static VersionedRecord fromItem(Map<String, AttributeValue> item) {
        return new VersionedRecord(TrustRecordJson.decode(Attributes.string(item, "record")),
                Attributes.number(item, "version"));
    }
}
