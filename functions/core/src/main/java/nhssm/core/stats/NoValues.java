package nhssm.core.stats;

/**
 * n = 0: no trust in the group has a value, so there is no median or quartile to show. Shown as
 * {@value #SYMBOL} ("not available"), never as 0. Only the national group can have it; an empty
 * peer-group or regional cell is {@link Suppressed} by the breakdown rule.
 */
public record NoValues() implements SummaryCell {

    /** The GSS symbol for "not available". */
    public static final String SYMBOL = "[x]";
}
