package nhssm.report.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.stats.Count;
import nhssm.core.stats.CountCell;
import nhssm.core.stats.ItemStatistics;
import nhssm.core.stats.QuartileBand;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Question;
import nhssm.report.document.Block;

/**
 * Two or three neutral questions for a trust to discuss about one section, chosen from its own answers by
 * kind (a conflict, a question left unanswered, a value in an outer quarter, an answer few peers share, a
 * list of options, a scale, a number) and never by question id. They ask what lies behind an answer; none
 * says an answer is good or bad, and none compares the trust with a named trust.
 */
final class TrustQuestionsToConsider {

    static final int MOST = 3;

    private TrustQuestionsToConsider() {
    }

    static Block.ItemList forSection(TrustInRound trust, List<ItemStatistics> items) {
        List<String> questions = new ArrayList<>();
        if (!trust.responded()) {
            questions.add("Who in the trust could answer these questions at the next census?");
            questions.add("Which of the figures of other trusts above would be useful to set beside your own practice?");
            questions.add("How would your trust have answered, and would colleagues agree?");
        } else {
            first(items, item -> conflict(trust, item)).ifPresent(questions::add);
            first(items, item -> unanswered(trust, item)).ifPresent(questions::add);
            first(items, item -> outerQuarter(trust, item)).ifPresent(questions::add);
            first(items, item -> uncommon(trust, item)).ifPresent(questions::add);
            first(items, item -> byKind(trust, item)).ifPresent(questions::add);
            questions.add("Who in the trust should see these answers, and would they recognise them?");
            questions.add("What would the trust like this part of the census to show next time, and what would that "
                    + "take?");
        }
        return Block.ItemList.of(questions.stream().distinct().limit(MOST).toArray(String[]::new));
    }

    private static Optional<String> first(List<ItemStatistics> items, Function<ItemStatistics, Optional<String>> rule) {
        return items.stream().map(rule).flatMap(Optional::stream).findFirst();
    }

    private static String quoted(Question question) {
        return "\u201C" + question.shortLabel() + "\u201D";
    }

    private static Optional<String> conflict(TrustInRound trust, ItemStatistics item) {
        return trust.value(item.question().id()).filter(Reconciled.Conflict.class::isInstance)
                .map(v -> "Your individual respondents gave different answers to " + quoted(item.question())
                        + ". Which answer reflects the trust's view, and could the official return record it?");
    }

    private static Optional<String> unanswered(TrustInRound trust, ItemStatistics item) {
        return trust.value(item.question().id()).isPresent() ? Optional.empty()
                : Optional.of(quoted(item.question()) + " was not answered. Does someone in the trust hold this "
                        + "information, and would recording it help at the next census?");
    }

    private static Optional<String> outerQuarter(TrustInRound trust, ItemStatistics item) {
        if (item instanceof ItemStatistics.Choice || trust.value(item.question().id()).isEmpty()) {
            return Optional.empty();
        }
        QuartileBand band = trust.data().statistics().quartileBand(item.question().id(), trust.ods());
        if (band instanceof QuartileBand.Placed placed && placed.position() != QuartileBand.Position.MIDDLE_HALF) {
            return Optional.of("Your trust's answer to " + quoted(item.question()) + " is "
                    + TrustComparison.bandWords(trust, band) + ". What explains it, and does it fit what the trust "
                    + "wants to achieve?");
        }
        return Optional.empty();
    }

    /** A single answer that fewer than a quarter of the peer group's trusts with a value share. */
    private static Optional<String> uncommon(TrustInRound trust, ItemStatistics item) {
        if (!(item instanceof ItemStatistics.Choice) || !TrustComparison.singleValued(item.question())
                || trust.peers().isEmpty()) {
            return Optional.empty();
        }
        List<String> codes = trust.value(item.question().id()).map(TrustAnswer::codes).orElse(List.of());
        if (codes.size() != 1) {
            return Optional.empty();
        }
        Optional<CountCell> cell = TrustComparison.optionCell(item, trust.peers().get(), codes.getFirst());
        if (cell.isPresent() && cell.get() instanceof Count count && 4L * count.count() < count.of()) {
            return Optional.of(Figures.count(count) + " " + trust.peersInSentence() + " gave the same answer as "
                    + "yours to " + quoted(item.question()) + ". What lies behind the difference, and is it a "
                    + "deliberate choice?");
        }
        return Optional.empty();
    }

    private static Optional<String> byKind(TrustInRound trust, ItemStatistics item) {
        Optional<Reconciled> value = trust.value(item.question().id())
                .filter(v -> !(v instanceof Reconciled.Conflict));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (item.question().answer()) {
            case AnswerSpec.Multiple m -> "Which of the options for " + quoted(item.question()) + " that your trust "
                    + "did not choose have been considered, and what decided it?";
            case AnswerSpec.Likert l -> "Would colleagues in other roles put the trust at the same point for "
                    + quoted(item.question()) + "?";
            case AnswerSpec.WholeNumber w -> "How has " + quoted(item.question()) + " changed over the last year, "
                    + "and how is it expected to change?";
            case AnswerSpec.DecimalNumber d -> "How has " + quoted(item.question()) + " changed over the last year, "
                    + "and how is it expected to change?";
            default -> "What evidence would you point to if a colleague asked about your answer to "
                    + quoted(item.question()) + "?";
        });
    }
}
