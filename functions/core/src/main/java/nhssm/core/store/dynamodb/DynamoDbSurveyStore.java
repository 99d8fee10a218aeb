package nhssm.core.store.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.core.audit.AuditEntry;
import nhssm.core.response.ResponseKind;
import nhssm.core.store.CreateResult;
import nhssm.core.store.IdempotencyRecord;
import nhssm.core.store.IndividualQuota;
import nhssm.core.store.ReplaceResult;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.RevokeResult;
import nhssm.core.store.StoreUnavailableException;
import nhssm.core.store.StoredResponse;
import nhssm.core.store.SurveyStore;
import nhssm.core.token.Revocation;
import nhssm.core.token.StoredToken;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link SurveyStore} on one DynamoDB table. Every write is a conditional put, and a write of several
 * items is one transaction, so a failure leaves nothing half-done and a condition that fails becomes
 * a named outcome instead of an exception.
 */
public final class DynamoDbSurveyStore implements SurveyStore {

    private static final String ABSENT = "attribute_not_exists(" + Keys.PK + ")";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TokenTransactions tokens;

    public DynamoDbSurveyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.tokens = new TokenTransactions(dynamo, table);
    }

    @Override
    public CreateResult create(StoredResponse response, Optional<IdempotencyRecord> idempotency,
            Optional<IndividualQuota> quota) {
        // The order matters: cancellation reasons come back in the same order as the items.
        List<TransactWriteItem> writes = new ArrayList<>();
        idempotency.ifPresent(r -> writes.add(putIfAbsent(IdempotencyItem.toItem(r))));
        boolean official = response.kind() == ResponseKind.OFFICIAL;
        if (official) {
            writes.add(putIfAbsent(officialClaim(response.key())));
        }
        writes.add(putIfAbsent(ResponseItem.toItem(response)));
        writes.add(putIfAbsent(ResponseItem.toRevisionItem(response)));
        int quotaAt = writes.size();
        quota.ifPresent(q -> {
            writes.add(Counters.countUnder(table, TokenItem.key(q.staffLink()), q.perStaffLink(), true));
            writes.add(Counters.countUnder(table, Counters.trustKey(response.key().round(), response.key().odsCode()),
                    q.perTrust(), false));
        });
        try {
            StoreCall.run(() -> dynamo.transactWriteItems(b -> b.transactItems(writes)));
            return new CreateResult.Created(response);
        } catch (TransactionCanceledException e) {
            // A failed condition, or a concurrent transaction on the same items: either way, read
            // what is there now. Only what a committed write left decides the outcome.
            Optional<IdempotencyRecord> earlier = idempotency.flatMap(r -> findIdempotency(r.keyHash()));
            if (earlier.isPresent()) {
                return new CreateResult.AlreadyDone(earlier.get());
            }
            Optional<String> existingOfficial = official
                    ? officialResponseId(response.key().round(), response.key().odsCode())
                    : Optional.empty();
            if (existingOfficial.isPresent()) {
                return new CreateResult.OfficialExists(existingOfficial.get());
            }
            if (quota.isPresent()) {
                Optional<CreateResult> capped = Counters.limitReached(e.cancellationReasons(), quotaAt, quota.get());
                if (capped.isPresent()) {
                    return capped.get();
                }
            }
            throw unavailable("the write was cancelled and may be retried: " + reasonCodes(e.cancellationReasons()), e);
        }
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String keyHash) {
        return get(IdempotencyItem.partition(keyHash), IdempotencyItem.SORT).map(IdempotencyItem::fromItem);
    }

    @Override
    public Optional<StoredResponse> find(ResponseKey key) {
        return get(Keys.trustPartition(key.round(), key.odsCode()), Keys.responseSort(key.id()))
                .map(ResponseItem::fromItem);
    }

    @Override
    public Optional<String> officialResponseId(String round, String odsCode) {
        return get(Keys.trustPartition(round, odsCode), Keys.OFFICIAL_SORT)
                .map(item -> Attributes.string(item, "responseId"));
    }

    @Override
    public ReplaceResult replace(StoredResponse next, long expectedVersion) {
        Put put = Put.builder()
                .tableName(table)
                .item(ResponseItem.toItem(next))
                .conditionExpression("#v = :expected")
                .expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":expected", Attributes.n(expectedVersion)))
                .build();
        try {
            StoreCall.run(() -> dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(put).build(),
                    putIfAbsent(ResponseItem.toRevisionItem(next)))));
            return new ReplaceResult.Replaced(next);
        } catch (TransactionCanceledException e) {
            Optional<StoredResponse> current = find(next.key());
            if (current.isEmpty()) {
                return new ReplaceResult.NotFound();
            }
            if (current.get().version() != expectedVersion) {
                return new ReplaceResult.StaleVersion(current.get());
            }
            // Still at the expected version: a concurrent transaction got in the way and is retryable.
            throw unavailable("the write was cancelled and may be retried: " + reasonCodes(e.cancellationReasons()), e);
        }
    }

    @Override
    public void saveToken(TokenGrant grant) {
        tokens.save(grant);
    }

    @Override
    public Optional<TokenGrant> issueToken(TokenGrant grant, String actor) {
        return tokens.issue(grant, actor);
    }

    @Override
    public RevokeResult revokeToken(String round, String odsCode, String tokenId, Revocation revocation) {
        return tokens.revoke(round, odsCode, tokenId, revocation);
    }

    @Override
    public List<StoredToken> tokensOf(String round, String odsCode) {
        return tokens.tokensOf(round, odsCode);
    }

    @Override
    public void recordUse(TokenHash hash, Instant at) {
        tokens.recordUse(hash, at);
    }

    @Override
    public Optional<StoredToken> findToken(TokenHash hash) {
        return tokens.find(hash)
                // The lookup was by hash already; comparing again in constant time costs nothing.
                .filter(stored -> stored.grant().hash().matches(hash));
    }

    @Override
    public List<AuditEntry> auditOf(String round) {
        return StoreCall.run(() -> dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK))
                        .expressionAttributeValues(Map.of(":pk", Attributes.s(AuditItem.partition(round)))))
                .items().stream().map(AuditItem::fromItem).toList());
    }

    private Map<String, AttributeValue> officialClaim(ResponseKey key) {
        return Map.of(
                Keys.PK, Attributes.s(Keys.trustPartition(key.round(), key.odsCode())),
                Keys.SK, Attributes.s(Keys.OFFICIAL_SORT),
                "type", Attributes.s("OFFICIAL_CLAIM"),
                "responseId", Attributes.s(key.id()));
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item).conditionExpression(ABSENT).build())
                .build();
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = StoreCall.run(() -> dynamo.getItem(b -> b.tableName(table)
                .key(Keys.key(pk, sk))
                .consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static String reasonCodes(List<CancellationReason> reasons) {
        return reasons.stream().map(CancellationReason::code).toList().toString();
    }

    private static StoreUnavailableException unavailable(String message, Throwable cause) {
        return new StoreUnavailableException(message, cause);
    }
}
