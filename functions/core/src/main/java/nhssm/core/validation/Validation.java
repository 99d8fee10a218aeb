package nhssm.core.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nhssm.core.response.Answer;
import nhssm.core.response.Answers;
import nhssm.core.response.RawAnswers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.survey.Audience;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;
import nhssm.core.survey.Restriction;
import nhssm.core.survey.SurveyDefinition;

/**
 * Validates a response against a round's survey definition, the server-side rules of SURVEY.md.
 *
 * <p>Every problem is reported at once, each naming its question and saying what would be accepted.
 * A draft is held to every rule about the values it holds but may be incomplete; required questions
 * and the confirmation (Q44 = YES) are enforced only on submission. Pure: no I/O, no clock.
 */
public final class Validation {

    private static final String REQUIRED = "Answer this question before submitting";

    private final SurveyDefinition definition;
    private final Audience respondent;
    private final Map<String, Answer> answers = new LinkedHashMap<>();
    /** The values each answered question was sent with, to report as sent when a rule between questions fails. */
    private final Map<String, List<String>> sent = new LinkedHashMap<>();
    /** Problems keyed by question id: known questions in definition order, then unknown ids as sent. */
    private final Map<String, List<AnswerError>> errors = new LinkedHashMap<>();

    private Validation(SurveyDefinition definition, ResponseKind kind) {
        this.definition = definition;
        this.respondent = kind.audience();
        definition.questions().forEach(q -> errors.put(q.id(), new ArrayList<>()));
    }

    /**
     * Checks {@code raw} as a response of {@code kind} with {@code status}: accepted with its typed
     * answers in definition order, or rejected with every problem found.
     */
    public static ValidationResult validate(
            SurveyDefinition definition, ResponseKind kind, ResponseStatus status, RawAnswers raw) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(raw, "raw");
        Validation validation = new Validation(definition, kind);
        validation.readEachAnswer(raw);
        validation.checkBetweenQuestions();
        if (status == ResponseStatus.SUBMITTED) {
            validation.checkComplete();
        }
        return validation.result();
    }

    private void readEachAnswer(RawAnswers raw) {
        Map<String, Question> byId = definition.byId();
        raw.values().forEach((id, valuesSent) -> {
            if (!byId.containsKey(id)) {
                List<String> values = answered(valuesSent);
                String value = values.isEmpty() ? null : Wording.joined(values);
                errors.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new AnswerError(id, value, "There is no question " + id + " in this survey"));
            }
        });
        for (Question question : definition.questions()) {
            List<String> values = answered(raw.values().get(question.id()));
            if (values.isEmpty()) {
                continue;
            }
            sent.put(question.id(), values);
            if (!(question.answer() instanceof AnswerSpec.FromToken) && !question.audience().includes(respondent)) {
                fail(question.id(), Wording.joined(values),
                        "This question is answered only in the trust's official return");
                continue;
            }
            switch (AnswerParser.parse(question, values)) {
                case Parsed.Valid valid -> answers.put(question.id(), valid.answer());
                case Parsed.Invalid invalid -> errors.get(question.id()).addAll(invalid.errors());
            }
        }
    }

    /** Rules between two answers, checked only when both were valid on their own. */
    private void checkBetweenQuestions() {
        for (Question question : definition.questions()) {
            Answer answer = answers.get(question.id());
            if (answer == null) {
                continue;
            }
            if (question.answer() instanceof AnswerSpec.WholeNumber number
                    && answer instanceof Answer.WholeNumber value) {
                number.atMostQuestion().ifPresent(other -> {
                    if (answers.get(other) instanceof Answer.WholeNumber limit && value.value() > limit.value()) {
                        reject(question, "Must not be more than your answer to " + other + " (" + limit.value() + ")");
                    }
                });
            }
            question.condition().ifPresent(restriction -> checkRestriction(question, answer, restriction));
        }
    }

    private void checkRestriction(Question question, Answer answer, Restriction restriction) {
        Optional<String> trigger = tokens(answers.get(restriction.question())).stream()
                .filter(restriction.in()::contains)
                .findFirst();
        if (trigger.isEmpty() || restriction.allowed().containsAll(tokens(answer))) {
            return;
        }
        String because = "Because your answer to " + restriction.question() + " is '"
                + labelOf(restriction.question(), trigger.get()) + "', ";
        List<String> allowed = restriction.allowed().stream().map(code -> "'" + labelOf(question.id(), code) + "'").toList();
        String message = allowed.isEmpty()
                ? because + "leave this question blank"
                : because + "choose " + String.join(" or ", allowed) + " or leave this question blank";
        reject(question, message);
    }

    /** On submission: every required question answered, and every confirmation answered YES. */
    private void checkComplete() {
        for (Question question : definition.answerableBy(respondent)) {
            if (!errors.get(question.id()).isEmpty()) {
                continue;
            }
            Answer answer = answers.get(question.id());
            if (question.answer() instanceof AnswerSpec.YesNo yesNo && yesNo.mustBeYesToSubmit()) {
                if (!(answer instanceof Answer.Code code && code.code().equals("YES"))) {
                    fail(question.id(), answer instanceof Answer.Code code ? code.code() : null,
                            "Answer Yes to confirm this before submitting");
                }
            } else if (answer == null && question.required().appliesTo(respondent)) {
                fail(question.id(), null, REQUIRED);
            }
        }
    }

    private ValidationResult result() {
        List<AnswerError> all = errors.values().stream().flatMap(List::stream).toList();
        if (!all.isEmpty()) {
            return new ValidationResult.Rejected(all);
        }
        Map<String, Answer> ordered = new LinkedHashMap<>();
        definition.questions().forEach(q -> Optional.ofNullable(answers.get(q.id()))
                .ifPresent(a -> ordered.put(q.id(), a)));
        return new ValidationResult.Accepted(new Answers(ordered));
    }

    /** An answer that was valid on its own but breaks a rule with another: it is not kept. */
    private void reject(Question question, String message) {
        answers.remove(question.id());
        fail(question.id(), Wording.joined(sent.get(question.id())), message);
    }

    private void fail(String questionId, String value, String message) {
        errors.get(questionId).add(new AnswerError(questionId, value, message));
    }

    private String labelOf(String questionId, String code) {
        List<Option> options = switch (definition.question(questionId).map(Question::answer).orElse(null)) {
            case AnswerSpec.Single s -> s.options();
            case AnswerSpec.Multiple m -> m.options();
            case AnswerSpec.Likert l -> l.extraOptions();
            case AnswerSpec.YesNo y -> AnswerSpec.YesNo.OPTIONS;
            case null, default -> List.of();
        };
        return Wording.labelOf(options, code);
    }

    /** An answer as the codes or text a restriction compares (a scale point as its number). */
    private static List<String> tokens(Answer answer) {
        return switch (answer) {
            case null -> List.of();
            case Answer.Code c -> List.of(c.code());
            case Answer.Codes c -> c.codes();
            case Answer.WholeNumber n -> List.of(String.valueOf(n.value()));
            case Answer.DecimalNumber d -> List.of(d.value().toPlainString());
            case Answer.ScalePoint p -> List.of(String.valueOf(p.value()));
            case Answer.Text t -> List.of(t.text());
        };
    }

    /** The values that count as an answer: blank ones are "not answered", as empty ones are. */
    private static List<String> answered(List<String> sent) {
        return sent == null ? List.of() : sent.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
