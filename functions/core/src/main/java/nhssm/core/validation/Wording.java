package nhssm.core.validation;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Option;

/** The words of the error messages: lists of answer labels, numbers and scales as a respondent reads them. */
final class Wording {

    private static final Locale UK = Locale.UK;

    private Wording() {
    }

    /**
     * "Chief executive, Chair or non-executive director, …"; when a label contains a comma, semicolons
     * keep the labels apart.
     */
    static String labels(List<Option> options) {
        List<String> labels = options.stream().map(Option::label).toList();
        String separator = labels.stream().anyMatch(l -> l.contains(",")) ? "; " : ", ";
        return String.join(separator, labels);
    }

    /** The label of {@code code} among {@code options}, or the code itself when it has none. */
    static String labelOf(List<Option> options, String code) {
        return options.stream().filter(o -> o.code().equals(code)).map(Option::label).findFirst().orElse(code);
    }

    /** 1500 as "1,500". */
    static String count(long n) {
        return NumberFormat.getIntegerInstance(UK).format(n);
    }

    static String decimal(BigDecimal n) {
        return n.toPlainString();
    }

    /** "at most one decimal place", "at most 2 decimal places". */
    static String places(int places) {
        return switch (places) {
            case 0 -> "no decimal places";
            case 1 -> "at most one decimal place";
            default -> "at most " + places + " decimal places";
        };
    }

    /** "from 1 (Strongly disagree) to 5 (Strongly agree), or Don't know". */
    static String scale(AnswerSpec.Likert likert) {
        StringBuilder text = new StringBuilder("from ")
                .append(point(likert, likert.min())).append(" to ").append(point(likert, likert.max()));
        if (!likert.extraOptions().isEmpty()) {
            text.append(", or ").append(String.join(" or ",
                    likert.extraOptions().stream().map(o -> "'" + o.label() + "'").toList()));
        }
        return text.toString();
    }

    private static String point(AnswerSpec.Likert likert, int point) {
        return Optional.ofNullable(likert.anchors().get(String.valueOf(point)))
                .map(anchor -> point + " (" + anchor + ")")
                .orElse(String.valueOf(point));
    }

    /** The values of a whole answer at fault, as one string. */
    static String joined(List<String> values) {
        return String.join(", ", values);
    }
}
