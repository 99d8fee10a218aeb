package nhssm.report.content;

import java.util.List;
import java.util.stream.Collectors;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Audience;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;
import nhssm.core.survey.Requirement;
import nhssm.core.survey.Section;
import nhssm.core.survey.SurveyDefinition;
import nhssm.report.document.Block;

/** The questionnaire as the reports print it: each section's questions with the answers they accept, from the definition. */
public final class Questionnaire {

    private Questionnaire() {
    }

    /** One table per section of the definition, in its order, each question with its answers and who is asked. */
    public static List<Block> tables(SurveyDefinition definition) {
        return definition.sections().stream()
                .filter(s -> definition.questions().stream().anyMatch(q -> q.section().equals(s.code())))
                .<Block>map(s -> table(definition, s))
                .toList();
    }

    /** The questions of one section. */
    public static Block.DataTable table(SurveyDefinition definition, Section section) {
        List<Block.DataTable.Row> rows = definition.questions().stream()
                .filter(q -> q.section().equals(section.code()))
                .map(q -> Block.DataTable.Row.of(q.id() + " " + q.label(), answers(q), askedOf(q)))
                .toList();
        return new Block.DataTable("Questions of section " + section.code() + ": " + section.title(),
                List.of("Question", "Answers accepted", "Asked of"), rows);
    }

    /** What a question accepts, in words. */
    public static String answers(Question question) {
        return switch (question.answer()) {
            case AnswerSpec.FromToken t -> "Taken from the respondent's link, never typed.";
            case AnswerSpec.Single s -> "One of: " + labels(s.options()) + ".";
            case AnswerSpec.Multiple m -> "Any of: " + labels(m.options()) + "."
                    + m.limit().map(n -> " At most " + n + ".").orElse("")
                    + (m.exclusive().isEmpty() ? "" : " " + exclusive(m) + " cannot be combined with another answer.");
            case AnswerSpec.WholeNumber w -> "A whole number from " + w.min() + " to " + w.max()
                    + w.atMostQuestion().map(q -> ", at most the answer to " + q).orElse("") + ".";
            case AnswerSpec.DecimalNumber d -> "A number from " + d.min().toPlainString() + " to " + d.max().toPlainString()
                    + " with at most " + Figures.plural(d.decimalPlaces(), "decimal place", "decimal places") + ".";
            case AnswerSpec.Likert l -> "A point from " + point(l, l.min()) + " to " + point(l, l.max())
                    + (l.extraOptions().isEmpty() ? "" : ", or " + labels(l.extraOptions())) + ".";
            case AnswerSpec.YesNo y -> "Yes or No.";
            case AnswerSpec.FreeText t -> "Free text of at most " + t.maxLength() + " characters. " + switch (t.readers()) {
                case PUBLIC -> "Quoted in a published report only when the same response answers Yes to "
                        + t.consentQuestion() + ".";
                case TRUST -> "Shown to the trust in its own report; never published.";
                case CENSUS_TEAM -> "Read by the census team only; never in a report.";
            };
        };
    }

    private static String askedOf(Question question) {
        String who = question.audience() == Audience.OFFICIAL ? "Official return only" : "Everyone";
        String required = question.required() == Requirement.ALL ? "; required"
                : question.required() == Requirement.OFFICIAL ? "; required in the official return" : "; optional";
        return who + required;
    }

    private static String labels(List<Option> options) {
        return options.stream().map(Option::label).collect(Collectors.joining("; "));
    }

    private static String exclusive(AnswerSpec.Multiple multiple) {
        return ItemFigures.joined(multiple.exclusive().stream()
                .map(code -> multiple.options().stream().filter(o -> o.code().equals(code)).findFirst()
                        .map(o -> "\u201C" + o.label() + "\u201D").orElse(code))
                .toList(), "or");
    }

    private static String point(AnswerSpec.Likert likert, int point) {
        String anchor = likert.anchors().get(Integer.toString(point));
        return anchor == null ? Integer.toString(point) : point + " (" + anchor + ")";
    }
}
