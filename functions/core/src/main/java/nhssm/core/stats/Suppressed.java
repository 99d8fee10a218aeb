package nhssm.core.stats;

/**
 * A figure withheld under {@code rule}: shown as {@value #SYMBOL}, never as 0 and never left out. It
 * carries no number, so nothing suppressed can leak into a rendering.
 */
public record Suppressed(SuppressionRule rule) implements CountCell, SummaryCell, QuartileBand {

    /** The GSS symbol for a figure withheld to protect confidentiality or reliability. */
    public static final String SYMBOL = "[c]";

    public Suppressed {
        java.util.Objects.requireNonNull(rule, "rule");
    }
}
