package nhssm.core.stats;

import java.util.List;

/**
 * One item's figures for one group. Every trust of the group that responded is accounted for exactly
 * once among {@code answered}, {@code conflicts} and {@code notAnswered}, each out of the responding trusts.
 */
public sealed interface GroupFigures {

    Group group();

    /** Trusts with a usable value (the base of every per-option and numeric figure), out of responding trusts. */
    CountCell answered();

    /** Trusts whose individuals disagreed with no majority (CONFLICT): excluded from the base. */
    CountCell conflicts();

    /** Responding trusts with no value for the item ("not answered", distinct from DONT_KNOW). */
    CountCell notAnswered();

    /**
     * Single choice, yes/no and multiple choice: per option, trusts with that value out of {@code answered}.
     * For multiple choice a trust counts once for each option it has, so options may add up to more than
     * the base; a trust whose individuals' majority chose no option counts in the base and under no option.
     */
    record Choice(Group group, CountCell answered, List<OptionCell> options, CountCell conflicts,
            CountCell notAnswered) implements GroupFigures {
        public Choice {
            options = List.copyOf(options);
        }
    }

    /** Whole and decimal numbers: the distribution of the trusts' values (n = the answered count). */
    record Amount(Group group, CountCell answered, SummaryCell summary, CountCell conflicts, CountCell notAnswered)
            implements GroupFigures {
    }

    /**
     * Likert items. {@code points} and {@code extras} (DONT_KNOW, NOT_APPLICABLE) count the trusts at each
     * answer out of {@code answered}; {@code betweenPoints} counts trusts whose value is the median of an
     * even number of individuals that fell between two points (3.5). {@code summary} is over the trusts
     * with a numeric value (points and between points), never over extras.
     */
    record Scale(Group group, CountCell answered, List<OptionCell> points, List<OptionCell> extras,
            CountCell betweenPoints, SummaryCell summary, CountCell conflicts, CountCell notAnswered)
            implements GroupFigures {
        public Scale {
            points = List.copyOf(points);
            extras = List.copyOf(extras);
        }
    }
}
