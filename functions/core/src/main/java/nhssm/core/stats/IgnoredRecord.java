package nhssm.core.stats;

/** A trust record given to the statistics but not counted, and why. */
public record IgnoredRecord(String odsCode, Reason reason) {

    public enum Reason {
        /** The ODS code is not in the trust reference list at all. */
        NOT_IN_REFERENCE_LIST,
        /** The trust is in the reference list but was not open on the round's census date. */
        NOT_OPEN_ON_CENSUS_DATE,
        /** The record belongs to another round. */
        OTHER_ROUND
    }
}
