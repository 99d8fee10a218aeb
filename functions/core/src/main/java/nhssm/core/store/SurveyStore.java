package nhssm.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nhssm.core.audit.AuditEntry;
import nhssm.core.token.Revocation;
import nhssm.core.token.StoredToken;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import nhssm.core.token.TokenLookup;

/**
 * Everything the collect function persists. Each write is all-or-nothing and conditional, so
 * nothing is overwritten by accident and a failed call leaves no partial state.
 */
public interface SurveyStore extends TokenLookup {

    /**
     * Stores a new response (version 1) with its first revision; for an official response, also claims
     * the trust's single official slot; with an idempotency record, also claims the key; with a quota,
     * also counts the response against it.
     */
    CreateResult create(StoredResponse response, Optional<IdempotencyRecord> idempotency,
            Optional<IndividualQuota> quota);

    /** {@link #create(StoredResponse, Optional, Optional)} with no caps. */
    default CreateResult create(StoredResponse response, Optional<IdempotencyRecord> idempotency) {
        return create(response, idempotency, Optional.empty());
    }

    /** The record of an earlier request with this idempotency key, if there was one. */
    Optional<IdempotencyRecord> findIdempotency(String keyHash);

    Optional<StoredResponse> find(ResponseKey key);

    /** The id of the trust's official return for the round, once its lead has started one. */
    Optional<String> officialResponseId(String round, String odsCode);

    /** Replaces a response if its stored version is still {@code expectedVersion}, keeping a revision. */
    ReplaceResult replace(StoredResponse next, long expectedVersion);

    /** Stores a grant and its entry in the trust's token list, without an audit entry (for prepared tables). */
    void saveToken(TokenGrant grant);

    /**
     * Issues a token: the grant, its entry in the trust's list and its audit entry, in one transaction. A
     * lead token also becomes the trust's one active lead token, and the one it replaces is revoked
     * ({@link Revocation.Reason#REPLACED}, audited) in the same transaction.
     *
     * @return the lead token replaced, if there was one
     */
    Optional<TokenGrant> issueToken(TokenGrant grant, String actor);

    /** Revokes the trust's token with this public id, with its audit entry, in one transaction. */
    RevokeResult revokeToken(String round, String odsCode, String tokenId, Revocation revocation);

    /** Every token issued to the trust in the round, oldest first, with its state. */
    List<StoredToken> tokensOf(String round, String odsCode);

    /** Notes that the token was used at {@code at}. */
    void recordUse(TokenHash hash, Instant at);

    /** The round's audit log, oldest first. */
    List<AuditEntry> auditOf(String round);
}
