package nhssm.report.content;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.core.reconcile.Distribution;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.response.Answer;
import nhssm.core.response.AnswerWords;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;

/**
 * A trust's reconciled answer to one question in words, and where it came from. Labels come from the survey
 * definition, so a new question or option needs no change here.
 */
final class TrustAnswer {

    private TrustAnswer() {
    }

    /** The value in words: "Yes", "Facebook; Instagram", "12", "4 (Agree)", or what the conflict was. */
    static String words(Question question, Reconciled value) {
        return switch (value) {
            case Reconciled.FromOfficial o -> words(question, o.answer());
            case Reconciled.ByMajority m -> words(question, m.answer());
            case Reconciled.ByMedian m -> words(question, m.answer());
            case Reconciled.Conflict c -> "No agreed answer: " + conflict(question, c);
        };
    }

    /**
     * The answer in words, with the option labels of the definition; a decimal may be the median of
     * individuals, between two scale points.
     */
    static String words(Question question, Answer answer) {
        return switch (answer) {
            case Answer.Codes c when c.codes().isEmpty() ->
                    "No option was chosen by a majority of your individual respondents";
            case Answer.DecimalNumber d -> question.answer() instanceof AnswerSpec.Likert likert
                    ? between(likert, d.value())
                    : Figures.number(d.value());
            default -> AnswerWords.of(question, answer);
        };
    }

    /**
     * How the individuals split on a question without a majority: with the number giving each answer when at
     * least {@value Distribution#MIN_SHOWN} answered ("Yes 3, No 3"), otherwise only which answers were given,
     * so that no colleague can work out how a particular person answered. Never who answered.
     */
    static String conflict(Question question, Reconciled.Conflict conflict) {
        List<String> codes = ordered(question, conflict.split());
        String people = Figures.plural(conflict.answering(), "individual respondent", "individual respondents");
        if (conflict.answering() >= Distribution.MIN_SHOWN) {
            return "your " + people + " were split: " + String.join(", ",
                    codes.stream().map(code -> AnswerWords.label(question, code) + " " + conflict.split().get(code)).toList()) + ".";
        }
        return "your " + people + " gave different answers (" + String.join("; ",
                codes.stream().map(code -> AnswerWords.label(question, code)).toList()) + "); how many gave each is withheld "
                + Figures.SUPPRESSED + " because fewer than " + Distribution.MIN_SHOWN + " individuals answered.";
    }

    /** Where the value came from, for the verification annex: "OFFICIAL: your official return". */
    static String provenance(Reconciled value) {
        return switch (value) {
            case Reconciled.FromOfficial o -> "OFFICIAL: your official return";
            case Reconciled.ByMajority m -> "MAJORITY: the answer of most of the "
                    + Figures.plural(m.answering(), "individual response", "individual responses") + " that answered";
            case Reconciled.ByMedian m -> "MEDIAN: the middle value of "
                    + Figures.plural(m.answering(), "individual response", "individual responses");
            case Reconciled.Conflict c -> "CONFLICT: no majority among "
                    + Figures.plural(c.answering(), "individual response", "individual responses")
                    + "; excluded from the comparisons until resolved";
        };
    }

    /** A value between two points (the median of an even number of individuals): "3.5 (between 3 and 4)". */
    private static String between(AnswerSpec.Likert likert, BigDecimal value) {
        if (value.stripTrailingZeros().scale() <= 0) {
            return AnswerWords.point(likert, value.intValue());
        }
        int below = value.intValue();
        return Figures.number(value) + " (between " + AnswerWords.point(likert, below) + " and " + AnswerWords.point(likert, below + 1) + ")";
    }

    /** "on a scale from 1 (Strongly disagree) to 5 (Strongly agree)". */
    static String scale(AnswerSpec.Likert likert) {
        return "on a scale from " + AnswerWords.point(likert, likert.min()) + " to " + AnswerWords.point(likert, likert.max());
    }

    /** The codes of a split in the order of the question's options, then any others. */
    private static List<String> ordered(Question question, Map<String, Integer> split) {
        List<String> known = AnswerWords.options(question).stream().map(Option::code).filter(split::containsKey).toList();
        List<String> others = split.keySet().stream().filter(code -> !known.contains(code)).sorted().toList();
        return java.util.stream.Stream.concat(known.stream(), others.stream()).toList();
    }

    /** The answer a reconciled value settled on; null for a conflict, which settled on none. */
    private static Answer agreed(Reconciled value) {
        return switch (value) {
            case Reconciled.FromOfficial o -> o.answer();
            case Reconciled.ByMajority m -> m.answer();
            case Reconciled.ByMedian m -> m.answer();
            case Reconciled.Conflict c -> null;
        };
    }

    /** The number a value stands for, for placing it on a chart; empty for codes and choices. */
    static Optional<Double> number(Reconciled value) {
        Answer answer = agreed(value);
        return switch (answer) {
            case Answer.WholeNumber w -> Optional.of((double) w.value());
            case Answer.DecimalNumber d -> Optional.of(d.value().doubleValue());
            case Answer.ScalePoint p -> Optional.of((double) p.value());
            case null, default -> Optional.empty();
        };
    }

    /** The codes of a choice value (one for single choice, any number for multiple); empty otherwise. */
    static List<String> codes(Reconciled value) {
        Answer answer = agreed(value);
        return switch (answer) {
            case Answer.Code c -> List.of(c.code());
            case Answer.Codes c -> c.codes();
            case null, default -> List.of();
        };
    }
}
