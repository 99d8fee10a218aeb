package nhssm.core.store.dynamodb;

import static nhssm.core.store.dynamodb.Attributes.instant;
import static nhssm.core.store.dynamodb.Attributes.n;
import static nhssm.core.store.dynamodb.Attributes.s;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nhssm.core.token.Revocation;
import nhssm.core.token.Scope;
import nhssm.core.token.StoredToken;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a token grant to its item ({@code TOKEN#sha256}, found by hash) and to its entry in the trust's
 * token list ({@code LINK#<public id>} in the trust's partition, which finds the hash by id). Only the hash
 * is stored; {@code ttl} lets DynamoDB delete the grant once expired. A revocation and the last use are
 * attributes of the grant, so the one read that checks a token sees them.
 */
final class TokenItem {

    static final String SORT = "TOKEN";
    static final String LINK_PREFIX = "LINK#";
    /** Set on the grant of a staff link: how many individual responses it created (the quota). */
    static final String INDIVIDUAL_RESPONSES = "individualResponses";

    private TokenItem() {
    }

    static String partition(TokenHash hash) {
        return "TOKEN#" + hash.hex();
    }

    static Map<String, AttributeValue> key(TokenHash hash) {
        return Keys.key(partition(hash), SORT);
    }

    static Map<String, AttributeValue> toItem(TokenGrant grant) {
        Map<String, AttributeValue> item = grantAttributes(grant);
        item.put(Keys.PK, s(partition(grant.hash())));
        item.put(Keys.SK, s(SORT));
        item.put("type", s("TOKEN"));
        item.put("ttl", n(grant.expiresAt().getEpochSecond()));
        return item;
    }

    /** The trust's list entry: enough to show the token and to find its grant by its public id. */
    static Map<String, AttributeValue> toLinkItem(TokenGrant grant) {
        Map<String, AttributeValue> item = grantAttributes(grant);
        item.put(Keys.PK, s(Keys.trustPartition(grant.round(), grant.odsCode())));
        item.put(Keys.SK, s(LINK_PREFIX + grant.id()));
        item.put("type", s("TOKEN_LINK"));
        item.put("tokenHash", s(grant.hash().hex()));
        return item;
    }

    static Map<String, AttributeValue> linkKey(String round, String odsCode, String tokenId) {
        return Keys.key(Keys.trustPartition(round, odsCode), LINK_PREFIX + tokenId);
    }

    private static Map<String, AttributeValue> grantAttributes(TokenGrant grant) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", s(grant.id()));
        item.put("round", s(grant.round()));
        item.put("ods", s(grant.odsCode()));
        item.put("scope", s(grant.scope().name()));
        item.put("createdAt", instant(grant.createdAt()));
        item.put("expiresAt", instant(grant.expiresAt()));
        return item;
    }

    static StoredToken fromItem(Map<String, AttributeValue> item) {
        String pk = Attributes.string(item, Keys.PK);
        TokenGrant grant = grant(new TokenHash(pk.substring("TOKEN#".length())), item);
        Optional<Revocation> revocation = Attributes.optionalInstant(item, "revokedAt").map(at -> new Revocation(at,
                Attributes.string(item, "revokedBy"),
                Revocation.Reason.valueOf(Attributes.string(item, "revocation")),
                Attributes.optionalString(item, "revocationNote").orElse("")));
        return new StoredToken(grant, revocation, Attributes.optionalInstant(item, "lastUsedAt"));
    }

    /** The grant a list entry describes, as it was issued (its state is on the grant's own item). */
    static TokenGrant fromLinkItem(Map<String, AttributeValue> item) {
        return grant(new TokenHash(Attributes.string(item, "tokenHash")), item);
    }

    private static TokenGrant grant(TokenHash hash, Map<String, AttributeValue> item) {
        return new TokenGrant(
                hash,
                Attributes.string(item, "round"),
                Attributes.string(item, "ods"),
                Scope.valueOf(Attributes.string(item, "scope")),
                Attributes.instant(item, "createdAt"),
                Attributes.instant(item, "expiresAt"));
    }

    /** The attributes a revocation sets on the grant's item. */
    static Map<String, AttributeValue> revocationValues(Revocation revocation) {
        return Map.of(
                ":at", instant(revocation.at()),
                ":by", s(revocation.by()),
                ":reason", s(revocation.reason().name()),
                ":note", s(revocation.note()));
    }

    static final String REVOKE_UPDATE =
            "SET revokedAt = :at, revokedBy = :by, revocation = :reason, revocationNote = :note";
    static final String NOT_REVOKED = "attribute_exists(" + Keys.PK + ") AND attribute_not_exists(revokedAt)";
}
