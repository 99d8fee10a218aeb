package nhssm.core.stats;

/**
 * Why a figure is shown as {@value Suppressed#SYMBOL} instead of its value. Each rule names its threshold
 * (from {@link Thresholds}) and says in plain English what it requires, for the methodology and for a
 * footnote beside the table.
 */
public enum SuppressionRule {

    /** A peer group with fewer than 5 responding trusts shows no figures of its own. */
    PEER_GROUP_RESPONDING(Thresholds.PEER_GROUP_MIN_RESPONDING_TRUSTS,
            "A peer-group figure is shown only when at least %d trusts of the peer group responded."),

    /** A cell of a by-peer-group or by-region table resting on fewer than 3 trusts. */
    BREAKDOWN_CELL(Thresholds.BREAKDOWN_CELL_MIN_TRUSTS,
            "A figure for a peer group or a region is shown only when it rests on at least %d trusts."),

    /** A distribution of individual responses from fewer than 5 individuals. */
    INDIVIDUAL_RESPONSES(Thresholds.INDIVIDUAL_RESPONSES_MIN,
            "A distribution of individual responses is shown only when at least %d individuals answered.");

    private final int minimum;
    private final String wording;

    SuppressionRule(int minimum, String wording) {
        this.minimum = minimum;
        this.wording = wording;
    }

    /** The smallest number (of trusts or individuals) for which the figure is shown. */
    public int minimum() {
        return minimum;
    }

    /** The rule in one plain-English sentence, with its threshold. */
    public String description() {
        return wording.formatted(minimum);
    }
}
