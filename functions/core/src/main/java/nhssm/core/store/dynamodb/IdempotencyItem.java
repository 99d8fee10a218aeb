package nhssm.core.store.dynamodb;

import static nhssm.core.store.dynamodb.Attributes.instant;
import static nhssm.core.store.dynamodb.Attributes.n;
import static nhssm.core.store.dynamodb.Attributes.s;

import java.util.HashMap;
import java.util.Map;
import nhssm.core.store.IdempotencyRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps an idempotency record to its item, which DynamoDB's TTL removes once it expires. */
final class IdempotencyItem {

    static final String SORT = "IDEMP";

    private IdempotencyItem() {
    }

    static String partition(String keyHash) {
        return "IDEMP#" + keyHash;
    }

    static Map<String, AttributeValue> toItem(IdempotencyRecord r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(partition(r.keyHash())));
        item.put(Keys.SK, s(SORT));
        item.put("type", s("IDEMPOTENCY"));
        item.put("fingerprint", s(r.fingerprint()));
        item.put("statusCode", n(r.statusCode()));
        item.put("location", s(r.location()));
        item.put("body", s(r.body()));
        item.put("expiresAt", instant(r.expiresAt()));
        item.put("ttl", n(r.expiresAt().getEpochSecond()));
        return item;
    }

    static IdempotencyRecord fromItem(Map<String, AttributeValue> item) {
        String pk = Attributes.string(item, Keys.PK);
        return new IdempotencyRecord(
                pk.substring("IDEMP#".length()),
                Attributes.string(item, "fingerprint"),
                (int) Attributes.number(item, "statusCode"),
                Attributes.string(item, "location"),
                Attributes.string(item, "body"),
                Attributes.instant(item, "expiresAt"));
    }
}
