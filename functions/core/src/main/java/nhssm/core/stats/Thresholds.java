package nhssm.core.stats;

/**
 * Every presentation threshold of SURVEY.md ("Peer groups and thresholds"), in one place. The
 * {@link SuppressionRule}s and {@link Count} read them from here; nothing else may hard-code them.
 */
public final class Thresholds {

    /** A peer-group figure needs at least this many responding trusts in the peer group. */
    public static final int PEER_GROUP_MIN_RESPONDING_TRUSTS = 5;

    /** A cell of a by-peer-group or by-region table needs at least this many trusts behind it. */
    public static final int BREAKDOWN_CELL_MIN_TRUSTS = 3;

    /** A distribution of individual responses (answers, roles) needs at least this many individuals. */
    public static final int INDIVIDUAL_RESPONSES_MIN = 5;

    /** A percentage is given only when its base is at least this; below it, counts only. */
    public static final int PERCENT_MIN_BASE = 20;

    private Thresholds() {
    }
}
