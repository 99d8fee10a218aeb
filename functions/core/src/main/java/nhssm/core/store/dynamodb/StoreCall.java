package nhssm.core.store.dynamodb;

import java.util.function.Supplier;
import nhssm.core.store.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs a DynamoDB call, turning failures to reach or use the database into
 * {@link StoreUnavailableException}. Failed conditions pass through: the stores turn them into
 * named outcomes.
 */
final class StoreCall {

    private StoreCall() {
    }

    static <T> T run(Supplier<T> request) {
        try {
            return request.get();
        } catch (TransactionCanceledException | ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException e) {
            throw new StoreUnavailableException("DynamoDB call failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
