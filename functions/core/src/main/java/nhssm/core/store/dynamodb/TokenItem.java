package nhssm.core.store.dynamodb;

import static nhssm.core.store.dynamodb.Attributes.instant;
import static nhssm.core.store.dynamodb.Attributes.n;
import static nhssm.core.store.dynamodb.Attributes.s;

import java.util.HashMap;
import java.util.Map;
import nhssm.core.token.Scope;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps a token grant to its item. Only the hash is stored; {@code ttl} lets DynamoDB delete it once expired. */
final class TokenItem {

    static final String SORT = "TOKEN";

    private TokenItem() {
    }

    static String partition(TokenHash hash) {
        return "TOKEN#" + hash.hex();
    }

    static Map<String, AttributeValue> toItem(TokenGrant grant) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(partition(grant.hash())));
        item.put(Keys.SK, s(SORT));
        item.put("type", s("TOKEN"));
        item.put("round", s(grant.round()));
        item.put("ods", s(grant.odsCode()));
        item.put("scope", s(grant.scope().name()));
        item.put("createdAt", instant(grant.createdAt()));
        item.put("expiresAt", instant(grant.expiresAt()));
        item.put("ttl", n(grant.expiresAt().getEpochSecond()));
        return item;
    }

    static TokenGrant fromItem(Map<String, AttributeValue> item) {
        String pk = Attributes.string(item, Keys.PK);
        return new TokenGrant(
                new TokenHash(pk.substring("TOKEN#".length())),
                Attributes.string(item, "round"),
                Attributes.string(item, "ods"),
                Scope.valueOf(Attributes.string(item, "scope")),
                Attributes.instant(item, "createdAt"),
                Attributes.instant(item, "expiresAt"));
    }
}
