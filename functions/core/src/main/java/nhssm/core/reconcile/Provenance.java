package nhssm.core.reconcile;

/** Where a trust's value for one question came from (SURVEY.md, "From responses to one record per trust"). */
public enum Provenance {
    /** The trust's latest submitted official return. */
    OFFICIAL,
    /** Without an official return: the answer a majority of individual responses gave. */
    MAJORITY,
    /** Without an official answer: the median of individual responses (numbers, perception items). */
    MEDIAN,
    /** Individual responses disagree with no majority: excluded from peer statistics, listed for the trust to verify. */
    CONFLICT
}
