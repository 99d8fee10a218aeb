package nhssm.core.store;

import java.util.Optional;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenLookup;

/**
 * Everything the collect function persists. Each write is all-or-nothing and conditional, so
 * nothing is overwritten by accident and a failed call leaves no partial state.
 */
public interface SurveyStore extends TokenLookup {

    /**
     * Stores a new response (version 1) with its first revision; for an official response, also claims
     * the trust's single official slot; with an idempotency record, also claims the key.
     */
    CreateResult create(StoredResponse response, Optional<IdempotencyRecord> idempotency);

    /** The record of an earlier request with this idempotency key, if there was one. */
    Optional<IdempotencyRecord> findIdempotency(String keyHash);

    Optional<StoredResponse> find(ResponseKey key);

    /** The id of the trust's official return for the round, once its lead has started one. */
    Optional<String> officialResponseId(String round, String odsCode);

    /** Replaces a response if its stored version is still {@code expectedVersion}, keeping a revision. */
    ReplaceResult replace(StoredResponse next, long expectedVersion);

    void saveToken(TokenGrant grant);
}
