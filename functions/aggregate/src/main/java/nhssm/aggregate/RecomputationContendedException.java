package nhssm.aggregate;

import nhssm.core.store.TrustKey;

/** Another computation kept writing the same trust's record first; the stream will deliver the records again. */
final class RecomputationContendedException extends RuntimeException {

    RecomputationContendedException(TrustKey trust, int attempts) {
        super("the record of " + trust.odsCode() + " in round " + trust.round() + " changed under "
                + attempts + " recomputations in a row");
    }
}
