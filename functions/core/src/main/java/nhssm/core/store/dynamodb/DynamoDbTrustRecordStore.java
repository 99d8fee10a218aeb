package nhssm.core.store.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.store.StoredResponse;
import nhssm.core.store.TrustRecordStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link TrustRecordStore} on the same single table as the responses. */
public final class DynamoDbTrustRecordStore implements TrustRecordStore {

    static final String ROUND_INDEX = "GSI1";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTrustRecordStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<StoredResponse> responsesOf(String round, String odsCode) {
        return StoreCall.run(() -> dynamo.queryPaginator(b -> b.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :resp)")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                        .expressionAttributeValues(Map.of(
                                ":pk", Attributes.s(Keys.trustPartition(round, odsCode)),
                                ":resp", Attributes.s(Keys.responseSort("")))))
                .items().stream().map(ResponseItem::fromItem).toList());
    }

    @Override
    public Optional<VersionedRecord> findRecord(String round, String odsCode) {
        Map<String, AttributeValue> item = StoreCall.run(() -> dynamo.getItem(b -> b.tableName(table)
                .key(Keys.key(Keys.trustPartition(round, odsCode), TrustRecordItem.SORT))
                .consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TrustRecordItem.fromItem(item));
    }

    @Override
    public boolean putRecord(TrustRecord record, long expectedVersion) {
        String condition = expectedVersion == 0 ? "attribute_not_exists(#pk)" : "#v = :expected";
        try {
            StoreCall.run(() -> dynamo.putItem(b -> {
                b.tableName(table)
                        .item(TrustRecordItem.toItem(record, expectedVersion + 1))
                        .conditionExpression(condition);
                if (expectedVersion == 0) {
                    b.expressionAttributeNames(Map.of("#pk", Keys.PK));
                } else {
                    b.expressionAttributeNames(Map.of("#v", "version"))
                            .expressionAttributeValues(Map.of(":expected", Attributes.n(expectedVersion)));
                }
            }));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<TrustRecord> recordsOf(String round) {
        return StoreCall.run(() -> dynamo.queryPaginator(b -> b.tableName(table)
                        .indexName(ROUND_INDEX)
                        .keyConditionExpression("gsi1pk = :round")
                        .expressionAttributeValues(Map.of(":round",
                                Attributes.s(TrustRecordItem.roundIndexPartition(round)))))
                .items().stream().map(item -> TrustRecordItem.fromItem(item).record()).toList());
    }
}
