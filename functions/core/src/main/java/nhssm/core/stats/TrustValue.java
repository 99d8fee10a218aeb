package nhssm.core.stats;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answer;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;

/**
 * One trust's reconciled value for one question, as the statistics read it. A value that does not fit
 * its question (a code the question does not have, a number for a choice) is refused loudly rather than
 * counted or dropped: the records come from validated answers, so it means a bug or a wrong definition.
 */
sealed interface TrustValue {

    /** No value: the trust did not answer the question. */
    record Absent() implements TrustValue {
    }

    /** CONFLICT: excluded from the base, counted apart. */
    record Conflicted() implements TrustValue {
    }

    /** The chosen codes (one for single choice and yes/no; any number, possibly none, for multiple choice). */
    record Chosen(Set<String> codes) implements TrustValue {
        public Chosen {
            codes = Set.copyOf(codes);
        }
    }

    /** A number (whole or decimal question). */
    record Amount(BigDecimal value) implements TrustValue {
    }

    /** A likert point. */
    record Point(int point) implements TrustValue {
    }

    /** A likert extra code (DONT_KNOW, NOT_APPLICABLE). */
    record Extra(String code) implements TrustValue {
    }

    /** A likert value strictly between two points: the median of an even number of individuals. */
    record Between(BigDecimal value) implements TrustValue {
    }

    static TrustValue of(TrustRecord record, Question question) {
        return switch (record.values().get(question.id())) {
            case null -> new Absent();
            case Reconciled.Conflict c -> new Conflicted();
            case Reconciled.FromOfficial o -> read(record.odsCode(), question, o.answer());
            case Reconciled.ByMajority m -> read(record.odsCode(), question, m.answer());
            case Reconciled.ByMedian m -> read(record.odsCode(), question, m.answer());
        };
    }

    private static TrustValue read(String ods, Question question, Answer answer) {
        return switch (question.answer()) {
            case AnswerSpec.Single s -> oneCode(ods, question, answer, s.options());
            case AnswerSpec.YesNo y -> oneCode(ods, question, answer, AnswerSpec.YesNo.OPTIONS);
            case AnswerSpec.Multiple m -> {
                if (!(answer instanceof Answer.Codes codes)) {
                    throw unfit(ods, question, answer);
                }
                Set<String> chosen = new LinkedHashSet<>(codes.codes());
                for (String code : chosen) {
                    requireOption(ods, question, code, m.options());
                }
                yield new Chosen(chosen);
            }
            case AnswerSpec.WholeNumber w -> new Amount(number(ods, question, answer));
            case AnswerSpec.DecimalNumber d -> new Amount(number(ods, question, answer));
            case AnswerSpec.Likert l -> scale(ods, question, answer, l);
            case AnswerSpec.FreeText t -> throw new IllegalArgumentException("free text is not tabulated: " + question.id());
            case AnswerSpec.FromToken t -> throw new IllegalArgumentException("the trust code is not tabulated");
        };
    }

    private static TrustValue oneCode(String ods, Question question, Answer answer, List<Option> options) {
        if (!(answer instanceof Answer.Code code)) {
            throw unfit(ods, question, answer);
        }
        requireOption(ods, question, code.code(), options);
        return new Chosen(Set.of(code.code()));
    }

    private static TrustValue scale(String ods, Question question, Answer answer, AnswerSpec.Likert likert) {
        if (answer instanceof Answer.Code c) {
            requireOption(ods, question, c.code(), likert.extraOptions());
            return new Extra(c.code());
        }
        BigDecimal value = switch (answer) {
            case Answer.ScalePoint p -> BigDecimal.valueOf(p.value());
            case Answer.WholeNumber w -> BigDecimal.valueOf(w.value());
            case Answer.DecimalNumber d -> d.value();
            default -> throw unfit(ods, question, answer);
        };
        if (value.compareTo(BigDecimal.valueOf(likert.min())) < 0 || value.compareTo(BigDecimal.valueOf(likert.max())) > 0) {
            throw new IllegalArgumentException("trust " + ods + ", " + question.id() + ": " + value.toPlainString()
                    + " is off the scale " + likert.min() + "–" + likert.max());
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? new Point(stripped.intValueExact()) : new Between(Summary.normalised(value));
    }

    private static BigDecimal number(String ods, Question question, Answer answer) {
        return switch (answer) {
            case Answer.WholeNumber w -> BigDecimal.valueOf(w.value());
            case Answer.DecimalNumber d -> d.value();
            default -> throw unfit(ods, question, answer);
        };
    }

    private static void requireOption(String ods, Question question, String code, List<Option> options) {
        if (options.stream().noneMatch(o -> o.code().equals(code))) {
            throw new IllegalArgumentException("trust " + ods + ", " + question.id() + ": " + code
                    + " is not one of the question's codes");
        }
    }

    private static IllegalArgumentException unfit(String ods, Question question, Answer answer) {
        return new IllegalArgumentException("trust " + ods + ", " + question.id() + ": a "
                + answer.getClass().getSimpleName() + " answer does not fit a " + question.answer().getClass().getSimpleName()
                + " question");
    }
}
