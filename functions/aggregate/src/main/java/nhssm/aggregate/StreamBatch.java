package nhssm.aggregate;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.core.store.TrustKey;
import nhssm.core.store.dynamodb.ResponseKeys;

/**
 * A batch of stream records read as the trusts they touch, each with the sequence numbers of its
 * records (to report as failed if its recomputation fails), and the records that name no response.
 *
 * @param trusts   in order of first appearance, each once
 * @param unusable sequence numbers of records whose keys are not a response's
 */
record StreamBatch(Map<TrustKey, List<String>> trusts, List<String> unusable) {

    static StreamBatch of(List<DynamodbStreamRecord> records) {
        Map<TrustKey, List<String>> trusts = new LinkedHashMap<>();
        List<String> unusable = new ArrayList<>();
        for (DynamodbStreamRecord record : records) {
            String sequence = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
            Optional<TrustKey> trust = trustOf(record);
            if (trust.isPresent()) {
                trusts.computeIfAbsent(trust.get(), t -> new ArrayList<>()).add(sequence);
            } else {
                unusable.add(sequence);
            }
        }
        return new StreamBatch(trusts, unusable);
    }

    private static Optional<TrustKey> trustOf(DynamodbStreamRecord record) {
        if (record.getDynamodb() == null || record.getDynamodb().getKeys() == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
        return ResponseKeys.trustOfResponse(string(keys.get("pk")), string(keys.get("sk")));
    }

    private static String string(AttributeValue value) {
        return value == null ? null : value.getS();
    }
}
