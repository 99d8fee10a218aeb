package nhssm.core.reconcile;

import java.util.Map;

/**
 * How a trust's individual respondents answered one perception item: count by scale point ("1" … "5")
 * and by extra code (DONT_KNOW, NOT_APPLICABLE). Kept always; shown only when at least
 * {@link #MIN_SHOWN} individuals answered.
 */
public record Distribution(Map<String, Integer> counts, int answering) {

    public static final int MIN_SHOWN = 5;

    public Distribution {
        counts = Map.copyOf(counts);
    }

    public boolean shown() {
        return answering >= MIN_SHOWN;
    }
}
