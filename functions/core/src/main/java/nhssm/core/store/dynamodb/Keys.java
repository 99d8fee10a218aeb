package nhssm.core.store.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single table's key scheme. Everything of one trust in one round shares a partition, so a
 * token scoped to a trust can only ever address that partition.
 *
 * <pre>
 * ROUND#r#TRUST#ods  RESP#id          current state of a response (the aggregate function's input)
 * ROUND#r#TRUST#ods  REV#id#n         immutable revision n of that response
 * ROUND#r#TRUST#ods  OFFICIAL         claims the trust's single official return for the round
 * ROUND#r#TRUST#ods  LINK#id          the trust's list of tokens: a grant as issued, found by public id
 * ROUND#r#TRUST#ods  LEAD             the trust's one active lead token
 * ROUND#r#TRUST#ods  COUNT#INDIVIDUAL how many individual responses the trust has (the cap)
 * TOKEN#sha256       TOKEN            a token's grant, found by hash; its revocation and last use
 * IDEMP#sha256       IDEMP            an idempotency record
 * AUDIT#r            time#action#subj an immutable audit entry of the round
 * </pre>
 */
final class Keys {

    static final String PK = "pk";
    static final String SK = "sk";

    private Keys() {
    }

    static String trustPartition(String round, String odsCode) {
        return "ROUND#" + round + "#TRUST#" + odsCode;
    }

    static String responseSort(String id) {
        return "RESP#" + id;
    }

    /** Zero-padded so that a trust's revisions sort by version. */
    static String revisionSort(String id, long version) {
        return "REV#" + id + "#" + String.format("%010d", version);
    }

    static final String OFFICIAL_SORT = "OFFICIAL";

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, Attributes.s(pk), SK, Attributes.s(sk));
    }
}
