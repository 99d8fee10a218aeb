package nhssm.core.store.dynamodb;

import static nhssm.core.store.dynamodb.Attributes.instant;
import static nhssm.core.store.dynamodb.Attributes.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.core.audit.AuditEntry;
import nhssm.core.store.RevokeResult;
import nhssm.core.store.StoreUnavailableException;
import nhssm.core.token.Revocation;
import nhssm.core.token.Scope;
import nhssm.core.token.StoredToken;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A token's life in the table: issued (grant, list entry, audit entry; for a lead, the trust's lead slot
 * and the revocation of the lead token it replaces), revoked (the grant marked, the audit entry), listed and
 * used. The lead slot names the latest lead token even once it is revoked: the next invitation then has
 * nothing to revoke, and no item is ever deleted. Each change is one transaction, so a token is never half-issued or revoked
 * without its audit entry.
 *
 * <pre>
 * TOKEN#sha256        TOKEN          the grant, found by hash; revokedAt, revokedBy, revocation, lastUsedAt
 * ROUND#r#TRUST#ods   LINK#id        the trust's list: the grant as issued, and its hash, found by public id
 * ROUND#r#TRUST#ods   LEAD           the trust's latest lead token (tokenId, tokenHash)
 * AUDIT#r             time#action#subject   an immutable audit entry
 * </pre>
 */
final class TokenTransactions {

    static final String LEAD_SORT = "LEAD";
    /** Concurrent invitations of one trust: each sees the other's lead token and tries again. */
    private static final int ATTEMPTS = 3;
    private static final String ABSENT = "attribute_not_exists(" + Keys.PK + ")";

    private final DynamoDbClient dynamo;
    private final String table;

    TokenTransactions(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    void save(TokenGrant grant) {
        try {
            transact(List.of(putIfAbsent(TokenItem.toItem(grant)), putIfAbsent(TokenItem.toLinkItem(grant))));
        } catch (TransactionCanceledException e) {
            throw new IllegalStateException("a freshly generated 256-bit token collided with a stored one", e);
        }
    }

    Optional<TokenGrant> issue(TokenGrant grant, String actor) {
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(putIfAbsent(TokenItem.toItem(grant)));
            writes.add(putIfAbsent(TokenItem.toLinkItem(grant)));
            writes.add(putIfAbsent(AuditItem.toItem(AuditEntry.issued(grant, actor))));
            Optional<StoredToken> replaced = Optional.empty();
            if (grant.scope() == Scope.LEAD) {
                Optional<TokenHash> current = leadSlot(grant.round(), grant.odsCode());
                replaced = current.flatMap(this::find).filter(t -> t.revocation().isEmpty());
                replaced.ifPresent(old -> {
                    Revocation revocation = new Revocation(grant.createdAt(), actor, Revocation.Reason.REPLACED,
                            "replaced by token " + grant.id());
                    writes.add(revoke(old.grant().hash(), revocation));
                    writes.add(putIfAbsent(AuditItem.toItem(AuditEntry.revoked(old.grant(), revocation))));
                });
                writes.add(claimLeadSlot(grant, current));
            }
            try {
                transact(writes);
                return replaced.map(StoredToken::grant);
            } catch (TransactionCanceledException e) {
                // Another invitation of the trust got in first: read its lead token and replace that one.
                if (attempt == ATTEMPTS) {
                    throw new StoreUnavailableException("issuing a token was cancelled " + attempt + " times", e);
                }
            }
        }
    }

    RevokeResult revoke(String round, String odsCode, String tokenId, Revocation revocation) {
        if (!TokenHash.isPublicId(tokenId)) {
            return new RevokeResult.NotFound();
        }
        Optional<Map<String, AttributeValue>> link = get(TokenItem.linkKey(round, odsCode, tokenId));
        Optional<StoredToken> stored = link.map(TokenItem::fromLinkItem).flatMap(g -> find(g.hash()));
        if (stored.isEmpty()) {
            return new RevokeResult.NotFound();
        }
        if (stored.get().revocation().isPresent()) {
            return new RevokeResult.AlreadyRevoked(stored.get());
        }
        TokenGrant grant = stored.get().grant();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(revoke(grant.hash(), revocation));
        writes.add(putIfAbsent(AuditItem.toItem(AuditEntry.revoked(grant, revocation))));
        try {
            transact(writes);
            return new RevokeResult.Revoked(new StoredToken(grant, Optional.of(revocation), stored.get().lastUsedAt()));
        } catch (TransactionCanceledException e) {
            Optional<StoredToken> now = find(grant.hash());
            if (now.isPresent() && now.get().revocation().isPresent()) {
                return new RevokeResult.AlreadyRevoked(now.get());
            }
            throw new StoreUnavailableException("revoking a token was cancelled and may be retried", e);
        }
    }

    List<StoredToken> tokensOf(String round, String odsCode) {
        List<StoredToken> tokens = new ArrayList<>();
        StoreCall.run(() -> dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :link)")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                        .expressionAttributeValues(Map.of(":pk", s(Keys.trustPartition(round, odsCode)),
                                ":link", s(TokenItem.LINK_PREFIX))))
                .items().stream().toList())
                .forEach(link -> {
                    TokenGrant issued = TokenItem.fromLinkItem(link);
                    // A grant past its expiry may have been removed by TTL: the list still shows it, as issued.
                    tokens.add(find(issued.hash()).orElseGet(() -> StoredToken.issued(issued)));
                });
        tokens.sort((a, b) -> a.grant().createdAt().compareTo(b.grant().createdAt()));
        return tokens;
    }

    Optional<StoredToken> find(TokenHash hash) {
        return get(TokenItem.key(hash)).map(TokenItem::fromItem);
    }

    void recordUse(TokenHash hash, Instant at) {
        try {
            StoreCall.run(() -> dynamo.updateItem(b -> b.tableName(table).key(TokenItem.key(hash))
                    .updateExpression("SET lastUsedAt = :at")
                    .conditionExpression("attribute_exists(" + Keys.PK + ")")
                    .expressionAttributeValues(Map.of(":at", instant(at)))));
        } catch (ConditionalCheckFailedException e) {
            // Removed by TTL since it was read: there is no use to record.
        }
    }

    private Optional<TokenHash> leadSlot(String round, String odsCode) {
        return get(Keys.key(Keys.trustPartition(round, odsCode), LEAD_SORT))
                .map(item -> new TokenHash(Attributes.string(item, "tokenHash")));
    }

    /** Takes the lead slot on condition that it still holds what was read (nothing, or {@code current}). */
    private TransactWriteItem claimLeadSlot(TokenGrant grant, Optional<TokenHash> current) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.trustPartition(grant.round(), grant.odsCode())));
        item.put(Keys.SK, s(LEAD_SORT));
        item.put("type", s("LEAD_SLOT"));
        item.put("tokenId", s(grant.id()));
        item.put("tokenHash", s(grant.hash().hex()));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (current.isEmpty()) {
            put.conditionExpression(ABSENT);
        } else {
            put.conditionExpression("tokenHash = :current")
                    .expressionAttributeValues(Map.of(":current", s(current.get().hex())));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem revoke(TokenHash hash, Revocation revocation) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(TokenItem.key(hash))
                .updateExpression(TokenItem.REVOKE_UPDATE)
                .conditionExpression(TokenItem.NOT_REVOKED)
                .expressionAttributeValues(TokenItem.revocationValues(revocation))
                .build()).build();
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item).conditionExpression(ABSENT).build())
                .build();
    }

    private void transact(List<TransactWriteItem> writes) {
        StoreCall.run(() -> dynamo.transactWriteItems(b -> b.transactItems(writes)));
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = StoreCall.run(() -> dynamo.getItem(b -> b.tableName(table)
                .key(key).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
