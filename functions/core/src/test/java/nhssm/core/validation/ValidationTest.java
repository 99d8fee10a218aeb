package nhssm.core.validation;

import static nhssm.core.validation.Outcomes.ROUND_2026;
import static nhssm.core.validation.Outcomes.accepted;
import static nhssm.core.validation.Outcomes.rejected;
import static nhssm.core.validation.Outcomes.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import nhssm.core.response.Answer;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.survey.Question;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whole responses: complete ones, who may answer what, what submission requires, and how problems are reported. */
class ValidationTest {

    private static final String REQUIRED = "Answer this question before submitting";

    @Test
    void validate_shouldAcceptEveryAnswerTyped_whenCompleteOfficialReturnSubmitted() {
        // Arrange
        Responses response = Responses.completeOfficial();

        // Act
        Answers answers = accepted(validate(ResponseKind.OFFICIAL, ResponseStatus.SUBMITTED, response));

        // Assert
        List<String> officialIds = ROUND_2026.answerableBy(ResponseKind.OFFICIAL.audience()).stream()
                .map(Question::id).toList();
        assertThat(answers.byQuestion().keySet()).containsExactlyElementsOf(officialIds);
        assertThat(answers.get("Q02")).contains(new Answer.Code("COMMS_DIRECTOR_HEAD"));
        assertThat(answers.get("Q04")).contains(new Answer.Text("comms.lead@example.nhs.uk"));
        assertThat(answers.get("Q06")).contains(new Answer.Codes(List.of("X_TWITTER", "FACEBOOK", "LINKEDIN")));
        assertThat(answers.get("Q07")).contains(new Answer.WholeNumber(23));
        assertThat(answers.get("Q15")).contains(new Answer.ScalePoint(4));
        assertThat(answers.get("Q18")).contains(new Answer.Code("DONT_KNOW"));
        assertThat(answers.get("Q30")).contains(new Answer.DecimalNumber(new BigDecimal("2.5")));
        assertThat(answers.get("Q44")).contains(new Answer.Code("YES"));
    }

    @Test
    void validate_shouldAcceptEveryQuestionOfAStaffLink_whenCompleteIndividualResponseSubmitted() {
        // Arrange
        Responses response = Responses.completeIndividual();

        // Act
        Answers answers = accepted(validate(ResponseKind.INDIVIDUAL, ResponseStatus.SUBMITTED, response));

        // Assert
        List<String> staffIds = ROUND_2026.answerableBy(ResponseKind.INDIVIDUAL.audience()).stream()
                .map(Question::id).toList();
        assertThat(answers.byQuestion().keySet()).containsExactlyElementsOf(staffIds);
        assertThat(answers.byQuestion().keySet()).doesNotContain("Q04", "Q05", "Q07", "Q21", "Q22", "Q26", "Q30", "Q31", "Q44");
    }

    @Test
    void validate_shouldKeepAnswersInDefinitionOrder_whenSentInAnotherOrder() {
        // Arrange
        Responses response = Responses.empty().with("Q40", "5").with("Q02", "CEO").with("Q17", "BLOCKED");

        // Act
        Answers answers = accepted(validate(ResponseKind.INDIVIDUAL, ResponseStatus.DRAFT, response));

        // Assert
        assertThat(answers.byQuestion().keySet()).containsExactly("Q02", "Q17", "Q40");
    }

    @ParameterizedTest
    @EnumSource(ResponseKind.class)
    void validate_shouldAcceptNothing_whenDraftIsEmpty(ResponseKind kind) {
        // Arrange
        Responses response = Responses.empty();

        // Act
        Answers answers = accepted(validate(kind, ResponseStatus.DRAFT, response));

        // Assert
        assertThat(answers.byQuestion()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ResponseStatus.class)
    void validate_shouldRejectUnknownQuestionId_whenSent(ResponseStatus status) {
        // Arrange
        Responses response = Responses.completeOfficial().with("Q03", "YES").with("q02", "CEO");

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.OFFICIAL, status, response));

        // Assert
        assertThat(errors).containsExactly(
                new AnswerError("Q03", "YES", "There is no question Q03 in this survey"),
                new AnswerError("q02", "CEO", "There is no question q02 in this survey"));
    }

    @Test
    void validate_shouldRejectUnknownQuestionId_whenSentWithoutAValue() {
        // Arrange
        Responses response = Responses.empty().with("Q99");

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.INDIVIDUAL, ResponseStatus.DRAFT, response));

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q99", null, "There is no question Q99 in this survey"));
    }

    @ParameterizedTest
    @EnumSource(ResponseKind.class)
    void validate_shouldRejectQ01_whenClientSendsTheTrust(ResponseKind kind) {
        // Arrange
        Responses response = Responses.empty().with("Q01", "RCX");

        // Act
        List<AnswerError> errors = rejected(validate(kind, ResponseStatus.DRAFT, response));

        // Assert
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.question()).isEqualTo("Q01");
            assertThat(e.value()).isEqualTo("RCX");
            assertThat(e.message()).contains("trust comes from your link");
        });
    }

    @ParameterizedTest
    @EnumSource(ResponseStatus.class)
    void validate_shouldRejectOfficialOnlyQuestions_whenIndividualResponseAnswersThem(ResponseStatus status) {
        // Arrange
        Responses response = Responses.completeIndividual().with("Q07", "3").with("Q22", "10").with("Q44", "YES");

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.INDIVIDUAL, status, response));

        // Assert
        assertThat(errors).extracting(AnswerError::question, AnswerError::value)
                .containsExactly(tuple("Q07", "3"), tuple("Q22", "10"), tuple("Q44", "YES"));
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).contains("only in the trust's official return"));
    }

    @Test
    void validate_shouldRequireQuestionsForEveryone_whenIndividualResponseSubmittedEmpty() {
        // Arrange
        Responses response = Responses.empty();

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.INDIVIDUAL, ResponseStatus.SUBMITTED, response));

        // Assert
        assertThat(errors).extracting(AnswerError::question)
                .containsExactly("Q02", "Q06", "Q13", "Q14", "Q17", "Q37", "Q38", "Q39", "Q40");
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.value()).isNull();
            assertThat(e.message()).isEqualTo(REQUIRED);
        });
    }

    @Test
    void validate_shouldAlsoRequireQ22AndQ44_whenOfficialReturnSubmittedEmpty() {
        // Arrange
        Responses response = Responses.empty();

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.OFFICIAL, ResponseStatus.SUBMITTED, response));

        // Assert
        assertThat(errors).extracting(AnswerError::question)
                .containsExactly("Q02", "Q06", "Q13", "Q14", "Q17", "Q22", "Q37", "Q38", "Q39", "Q40", "Q44");
    }

    @ParameterizedTest
    @EnumSource(ResponseKind.class)
    void validate_shouldAcceptMissingRequiredAnswers_whenDraft(ResponseKind kind) {
        // Arrange
        Responses response = Responses.empty().with("Q09", "NEWS");

        // Act
        Answers answers = accepted(validate(kind, ResponseStatus.DRAFT, response));

        // Assert
        assertThat(answers.byQuestion()).containsOnlyKeys("Q09");
    }

    @Test
    void validate_shouldRejectOfficialReturn_whenSubmittedWithQ44No() {
        // Arrange
        Responses response = Responses.completeOfficial().with("Q44", "NO");

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.OFFICIAL, ResponseStatus.SUBMITTED, response));

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q44", "NO", "Answer Yes to confirm this before submitting"));
    }

    @Test
    void validate_shouldRejectOfficialReturn_whenSubmittedWithoutQ44() {
        // Arrange
        Responses response = Responses.completeOfficial().without("Q44");

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.OFFICIAL, ResponseStatus.SUBMITTED, response));

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q44", null, "Answer Yes to confirm this before submitting"));
    }

    @Test
    void validate_shouldAcceptQ44No_whenOfficialReturnIsADraft() {
        // Arrange
        Responses response = Responses.completeOfficial().with("Q44", "NO");

        // Act
        Answers answers = accepted(validate(ResponseKind.OFFICIAL, ResponseStatus.DRAFT, response));

        // Assert
        assertThat(answers.code("Q44")).contains("NO");
    }

    @ParameterizedTest
    @EnumSource(ResponseStatus.class)
    void validate_shouldHoldADraftToEveryValueRule_whenAnswersAreInvalid(ResponseStatus status) {
        // Arrange
        Responses response = Responses.completeOfficial().with("Q07", "501");

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.OFFICIAL, status, response));

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q07", "501", "Enter a whole number from 0 to 500"));
    }

    @Test
    void validate_shouldTreatAnEmptyListAsNotAnswered_whenDraft() {
        // Arrange
        Responses response = Responses.empty().with("Q02").with("Q42");

        // Act
        Answers answers = accepted(validate(ResponseKind.INDIVIDUAL, ResponseStatus.DRAFT, response));

        // Assert
        assertThat(answers.byQuestion()).isEmpty();
    }

    @Test
    void validate_shouldTreatAnEmptyListAsMissing_whenRequiredAndSubmitted() {
        // Arrange
        Responses response = Responses.completeIndividual().with("Q02").with("Q13", "  ");

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.INDIVIDUAL, ResponseStatus.SUBMITTED, response));

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q02", null, REQUIRED), new AnswerError("Q13", null, REQUIRED));
    }

    @Test
    void validate_shouldReportEveryProblemInDefinitionOrder_whenSeveralQuestionsAreWrong() {
        // Arrange
        Responses response = Responses.completeOfficial()
                .with("Q99", "x")
                .with("Q40", "6")
                .with("Q09", "NEWS", "RECRUITMENT", "HEALTH_CAMPAIGNS", "SERVICE_ALERTS", "PATIENT_FEEDBACK", "OTHER")
                .with("Q02", "BOSS")
                .with("Q30", "1.25")
                .with("Q21", "13")
                .without("Q17");

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.OFFICIAL, ResponseStatus.SUBMITTED, response));

        // Assert
        assertThat(errors).extracting(AnswerError::question, AnswerError::value).containsExactly(
                tuple("Q02", "BOSS"),
                tuple("Q09", "NEWS, RECRUITMENT, HEALTH_CAMPAIGNS, SERVICE_ALERTS, PATIENT_FEEDBACK, OTHER"),
                tuple("Q17", null),
                tuple("Q21", "13"),
                tuple("Q30", "1.25"),
                tuple("Q40", "6"),
                tuple("Q99", "x"));
        assertThat(errors).extracting(AnswerError::message).containsExactly(
                "Choose one of: Chief executive, Chair or non-executive director, Other executive director, "
                        + "Director or head of communications, Communications or digital officer, Clinician, "
                        + "HR or organisational development, IT or information governance, Another role",
                "Choose at most 5 answers (you chose 6)",
                REQUIRED,
                "Must not be more than your answer to Q22 (12)",
                "Use at most one decimal place",
                "Choose a point from 1 (Ad hoc) to 5 (Embedded)",
                "There is no question Q99 in this survey");
    }

    @Test
    void forQuestion_shouldReturnOnlyThatQuestionsErrors_whenRejected() {
        // Arrange
        ValidationResult result = validate(ResponseKind.INDIVIDUAL, ResponseStatus.SUBMITTED, Responses.empty());

        // Act
        List<AnswerError> q06 = ((ValidationResult.Rejected) result).forQuestion("Q06");

        // Assert
        assertThat(q06).containsExactly(new AnswerError("Q06", null, REQUIRED));
    }
}
