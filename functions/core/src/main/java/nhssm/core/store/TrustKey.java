package nhssm.core.store;

/** One trust in one round: the unit whose record is recomputed. */
public record TrustKey(String round, String odsCode) {
}
