package nhssm.core.response;

import java.util.List;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;

/**
 * An answer in the words of the survey definition: option labels instead of codes, scale points with
 * their anchors. Shown back to the person who gave it (the receipt) and to the trust (its report), so a
 * new question or option needs no change here.
 */
public final class AnswerWords {

    private AnswerWords() {
    }

    /** One respondent's answer in words: "Yes", "Facebook; Instagram", "12", "4 (Agree)", or the text. */
    public static String of(Question question, Answer answer) {
        return switch (answer) {
            case Answer.Code c -> label(question, c.code());
            case Answer.Codes c -> String.join("; ", c.codes().stream().map(code -> label(question, code)).toList());
            case Answer.WholeNumber w -> Long.toString(w.value());
            case Answer.DecimalNumber d -> d.value().toPlainString();
            case Answer.ScalePoint p -> question.answer() instanceof AnswerSpec.Likert likert
                    ? point(likert, p.value())
                    : Integer.toString(p.value());
            case Answer.Text t -> t.text();
        };
    }

    /** The label of an answer code, from the question's options (a code the definition lacks is shown as it is). */
    public static String label(Question question, String code) {
        return options(question).stream().filter(o -> o.code().equals(code)).map(Option::label).findFirst()
                .orElse(code);
    }

    /** The options of a choice question, or the extra codes of a scale (Don't know, Not applicable). */
    public static List<Option> options(Question question) {
        return switch (question.answer()) {
            case AnswerSpec.Single s -> s.options();
            case AnswerSpec.Multiple m -> m.options();
            case AnswerSpec.YesNo y -> AnswerSpec.YesNo.OPTIONS;
            case AnswerSpec.Likert l -> l.extraOptions();
            default -> List.of();
        };
    }

    /** A scale point with its anchor: "4 (Agree)", or "2" where the point has no words. */
    public static String point(AnswerSpec.Likert likert, int point) {
        String anchor = likert.anchors().get(Integer.toString(point));
        return anchor == null ? Integer.toString(point) : point + " (" + anchor + ")";
    }
}
