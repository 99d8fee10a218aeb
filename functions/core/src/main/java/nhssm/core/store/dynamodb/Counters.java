package nhssm.core.store.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.core.store.CreateResult;
import nhssm.core.store.IndividualQuota;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The counts behind the individual-response caps: on a staff link's grant, and on the trust's
 * {@code COUNT#INDIVIDUAL} item in its partition. Each is incremented in the response's own transaction,
 * on condition that it is still under its cap, so the cap holds whatever the concurrency.
 */
final class Counters {

    static final String TRUST_COUNT_SORT = "COUNT#INDIVIDUAL";

    private Counters() {
    }

    static Map<String, AttributeValue> trustKey(String round, String odsCode) {
        return Keys.key(Keys.trustPartition(round, odsCode), TRUST_COUNT_SORT);
    }

    /** Adds one to {@code individualResponses} of the item at {@code key} if that stays within {@code max}. */
    static TransactWriteItem countUnder(String table, Map<String, AttributeValue> key, int max, boolean itemMustExist) {
        String under = "(attribute_not_exists(#n) OR #n < :max)";
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                .updateExpression("ADD #n :one")
                .conditionExpression(itemMustExist ? "attribute_exists(" + Keys.PK + ") AND " + under : under)
                .expressionAttributeNames(Map.of("#n", TokenItem.INDIVIDUAL_RESPONSES))
                .expressionAttributeValues(Map.of(":one", Attributes.n(1), ":max", Attributes.n(max)))
                .build()).build();
    }

    /** Which cap refused the transaction, from the reasons of the two counters at {@code first} and after. */
    static Optional<CreateResult> limitReached(List<CancellationReason> reasons, int first, IndividualQuota quota) {
        if (failed(reasons, first)) {
            return Optional.of(new CreateResult.LimitReached(CreateResult.Limit.PER_STAFF_LINK, quota.perStaffLink()));
        }
        if (failed(reasons, first + 1)) {
            return Optional.of(new CreateResult.LimitReached(CreateResult.Limit.PER_TRUST, quota.perTrust()));
        }
        return Optional.empty();
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }
}
