package nhssm.core.survey;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One round's questionnaire, as data: sections, questions and the collection window.
 *
 * <p>The same definition drives the form, validation, aggregation and the reports, so adding a
 * question means editing the definition file only.
 *
 * @param namedReportConsent the yes/no question, asked only in the official return, whose YES allows
 *                           anyone to read the trust's named report (Q05 in 2026)
 * @param limits             the caps on individual responses per staff link and per trust
 */
public record SurveyDefinition(
        String round,
        String definitionVersion,
        String title,
        RoundWindow window,
        LocalDate censusDate,
        String namedReportConsent,
        List<Section> sections,
        List<Question> questions,
        ResponseLimits limits) {

    public SurveyDefinition {
        sections = List.copyOf(sections);
        questions = List.copyOf(questions);
    }

    /** A definition without caps on individual responses, for definitions built in code. */
    public SurveyDefinition(String round, String definitionVersion, String title, RoundWindow window,
            LocalDate censusDate, String namedReportConsent, List<Section> sections, List<Question> questions) {
        this(round, definitionVersion, title, window, censusDate, namedReportConsent, sections, questions,
                ResponseLimits.UNLIMITED);
    }

    /** The question with this id, if the definition has one. */
    public Optional<Question> question(String id) {
        return Optional.ofNullable(byId().get(id));
    }

    /** Questions in definition order, keyed by id. */
    public Map<String, Question> byId() {
        Map<String, Question> index = new LinkedHashMap<>();
        questions.forEach(q -> index.put(q.id(), q));
        return index;
    }

    /** The questions a respondent of this kind is shown and may answer (Q01 comes from the token). */
    public List<Question> answerableBy(Audience respondent) {
        return questions.stream()
                .filter(q -> !(q.answer() instanceof AnswerSpec.FromToken))
                .filter(q -> q.audience().includes(respondent))
                .toList();
    }
}
