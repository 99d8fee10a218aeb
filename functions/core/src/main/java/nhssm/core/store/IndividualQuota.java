package nhssm.core.store;

import nhssm.core.token.TokenHash;

/**
 * The caps an individual response is created under (the survey definition's limits): at most
 * {@code perStaffLink} through one staff link and {@code perTrust} for the trust in the round. Counted in
 * the same transaction as the response, so no concurrency gets past them.
 */
public record IndividualQuota(TokenHash staffLink, int perStaffLink, int perTrust) {
}
