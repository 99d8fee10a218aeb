package nhssm.core.stats;

import java.util.List;
import java.util.NoSuchElementException;
import nhssm.core.survey.Question;

/**
 * The figures of one question, for every group (national first, then the peer groups, then the regions).
 * One kind per way of summarising: choices are counted, amounts are summarised, scales are both.
 */
public sealed interface ItemStatistics {

    Question question();

    List<? extends GroupFigures> byGroup();

    /** The figures of {@code group}. */
    default GroupFigures in(Group group) {
        return byGroup().stream().filter(f -> f.group().equals(group)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no figures for " + group));
    }

    /** Single choice, yes/no and multiple choice. */
    record Choice(Question question, List<GroupFigures.Choice> byGroup) implements ItemStatistics {
        public Choice {
            byGroup = List.copyOf(byGroup);
        }

        @Override
        public GroupFigures.Choice in(Group group) {
            return (GroupFigures.Choice) ItemStatistics.super.in(group);
        }
    }

    /** Whole and decimal numbers. */
    record Amount(Question question, List<GroupFigures.Amount> byGroup) implements ItemStatistics {
        public Amount {
            byGroup = List.copyOf(byGroup);
        }

        @Override
        public GroupFigures.Amount in(Group group) {
            return (GroupFigures.Amount) ItemStatistics.super.in(group);
        }
    }

    /** Likert items: counts at each point and extra code, and the distribution of the points. */
    record Scale(Question question, List<GroupFigures.Scale> byGroup) implements ItemStatistics {
        public Scale {
            byGroup = List.copyOf(byGroup);
        }

        @Override
        public GroupFigures.Scale in(Group group) {
            return (GroupFigures.Scale) ItemStatistics.super.in(group);
        }
    }
}
