package nhssm.core.validation;

import static nhssm.core.validation.Outcomes.accepted;
import static nhssm.core.validation.Outcomes.rejected;
import static nhssm.core.validation.Outcomes.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nhssm.core.response.Answer;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Single choice, yes/no, multiple choice and likert scales. */
class ChoiceValidationTest {

    private static List<AnswerError> draftErrors(Responses response) {
        return rejected(validate(ResponseKind.OFFICIAL, ResponseStatus.DRAFT, response));
    }

    private static Answers draftAnswers(Responses response) {
        return accepted(validate(ResponseKind.OFFICIAL, ResponseStatus.DRAFT, response));
    }

    @Test
    void validate_shouldAcceptACode_whenSingleChoiceAnsweredWithOneOfItsCodes() {
        // Arrange
        Responses response = Responses.empty().with("Q26", "10_24");

        // Act
        Answers answers = draftAnswers(response);

        // Assert
        assertThat(answers.get("Q26")).contains(new Answer.Code("10_24"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ceo", "CEO ", "Chief executive", "NONE"})
    void validate_shouldListTheAnswerLabels_whenSingleChoiceAnsweredWithAnUnknownCode(String value) {
        // Arrange
        Responses response = Responses.empty().with("Q02", value);

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.question()).isEqualTo("Q02");
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.message()).startsWith("Choose one of: Chief executive, Chair or non-executive director, ");
        });
    }

    @Test
    void validate_shouldSeparateLabelsBySemicolons_whenALabelContainsAComma() {
        // Arrange
        Responses response = Responses.empty().with("Q14", "MAYBE");

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).singleElement().extracting(AnswerError::message).isEqualTo(
                "Choose one of: Yes, reviewed in the last 2 years; Yes, but not reviewed in the last 2 years; "
                        + "One is being developed; No; Don't know");
    }

    @Test
    void validate_shouldReject_whenSingleChoiceSentWithSeveralValues() {
        // Arrange
        Responses response = Responses.empty().with("Q10", "DAILY", "WEEKLY");

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q10", "DAILY, WEEKLY", "Choose only one answer"));
    }

    @ParameterizedTest
    @CsvSource({"Q05,YES", "Q05,NO", "Q42_CONSENT,YES", "Q44,NO"})
    void validate_shouldAcceptYesOrNo_whenYesNoQuestionAnswered(String question, String value) {
        // Arrange
        Responses response = Responses.empty().with(question, value);

        // Act
        Answers answers = draftAnswers(response);

        // Assert
        assertThat(answers.code(question)).contains(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "Y", "true", "1", "DONT_KNOW"})
    void validate_shouldReject_whenYesNoQuestionAnsweredWithAnythingElse(String value) {
        // Arrange
        Responses response = Responses.empty().with("Q05", value);

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q05", value, "Answer Yes or No"));
    }

    @Test
    void validate_shouldReject_whenYesNoSentWithSeveralValues() {
        // Arrange
        Responses response = Responses.empty().with("Q42_CONSENT", "YES", "NO");

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).singleElement().extracting(AnswerError::value).isEqualTo("YES, NO");
    }

    @Test
    void validate_shouldStoreCodesInDefinitionOrderWithoutDuplicates_whenMultipleChoiceAnswered() {
        // Arrange
        Responses response = Responses.empty().with("Q06", "BLUESKY", "X_TWITTER", "BLUESKY", "FACEBOOK", "X_TWITTER");

        // Act
        Answers answers = draftAnswers(response);

        // Assert
        assertThat(answers.get("Q06")).contains(new Answer.Codes(List.of("X_TWITTER", "FACEBOOK", "BLUESKY")));
    }

    @Test
    void validate_shouldRejectEachUnknownCode_whenMultipleChoiceHasSome() {
        // Arrange
        Responses response = Responses.empty().with("Q41", "IMAGE_ALT_TEXT", "EMOJI", "VIDEO_CAPTIONS", "ALT");

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).extracting(AnswerError::value).containsExactly("EMOJI", "ALT");
        assertThat(errors).allSatisfy(e -> assertThat(e.message())
                .startsWith("Choose only from: Alternative text on images; Captions on videos; "));
    }

    @Test
    void validate_shouldAcceptFiveChoices_whenTheLimitIsFive() {
        // Arrange
        Responses response = Responses.empty()
                .with("Q09", "NEWS", "RECRUITMENT", "HEALTH_CAMPAIGNS", "SERVICE_ALERTS", "PATIENT_FEEDBACK");

        // Act
        Answers answers = draftAnswers(response);

        // Assert
        assertThat(answers.get("Q09")).hasValueSatisfying(a -> assertThat(((Answer.Codes) a).codes()).hasSize(5));
    }

    @Test
    void validate_shouldCountDistinctChoices_whenDuplicatesWouldExceedTheLimit() {
        // Arrange
        Responses response = Responses.empty().with("Q34", "RECRUITMENT", "RECRUITMENT", "COST_SAVING", "COST_SAVING");

        // Act
        Answers answers = draftAnswers(response);

        // Assert
        assertThat(answers.get("Q34")).contains(new Answer.Codes(List.of("RECRUITMENT", "COST_SAVING")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Q34|PATIENT_FEEDBACK,RECRUITMENT,STAFF_MORALE,COST_SAVING|Choose at most 3 answers (you chose 4)",
        "Q35|STAFF_TIME,SKILLS,BUDGET,OTHER|Choose at most 3 answers (you chose 4)"})
    void validate_shouldReject_whenMoreChoicesThanTheLimit(String question, String values, String message) {
        // Arrange
        Responses response = Responses.empty().with(question, values.split(","));

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).containsExactly(new AnswerError(question, values.replace(",", ", "), message));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Q06|NONE|FACEBOOK|'None' cannot be combined with other answers",
        "Q16|NONE|PERSONAL_USE|'None of these' cannot be combined with other answers",
        "Q25|NONE|INDUCTION|'None' cannot be combined with other answers",
        "Q28|NOT_USED|BOARD_REPORTS|'Not used' cannot be combined with other answers",
        "Q32|NONE|SENTIMENT|'None of these' cannot be combined with other answers",
        "Q34|NONE_YET|COST_SAVING|'None yet' cannot be combined with other answers",
        "Q41|NONE|PLAIN_ENGLISH|'None of these' cannot be combined with other answers"})
    void validate_shouldReject_whenAnExclusiveCodeIsCombined(String question, String exclusive, String other, String message) {
        // Arrange
        Responses response = Responses.empty().with(question, exclusive, other);

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.question()).isEqualTo(question);
            assertThat(e.message()).isEqualTo(message);
        });
    }

    @ParameterizedTest
    @CsvSource({"Q06,NONE", "Q28,NOT_USED", "Q34,NONE_YET"})
    void validate_shouldAcceptAnExclusiveCode_whenChosenAlone(String question, String exclusive) {
        // Arrange
        Responses response = Responses.empty().with(question, exclusive, exclusive);

        // Act
        Answers answers = draftAnswers(response);

        // Assert
        assertThat(answers.get(question)).contains(new Answer.Codes(List.of(exclusive)));
    }

    @ParameterizedTest
    @CsvSource({"Q15,1", "Q18,5", "Q29,3", "Q37,1", "Q40,5", "Q24,' 2 '"})
    void validate_shouldAcceptAScalePoint_whenWithinOneToFive(String question, String value) {
        // Arrange
        Responses response = Responses.empty().with(question, value);

        // Act
        Answers answers = draftAnswers(response);

        // Assert
        assertThat(answers.get(question)).contains(new Answer.ScalePoint(Integer.parseInt(value.strip())));
    }

    @ParameterizedTest
    @CsvSource({"Q15,NOT_APPLICABLE", "Q18,DONT_KNOW", "Q24,DONT_KNOW", "Q33,DONT_KNOW"})
    void validate_shouldAcceptACode_whenLikertAnsweredWithItsExtraOption(String question, String code) {
        // Arrange
        Responses response = Responses.empty().with(question, code);

        // Act
        Answers answers = draftAnswers(response);

        // Assert
        assertThat(answers.get(question)).contains(new Answer.Code(code));
    }

    @ParameterizedTest
    @CsvSource({"Q18,0", "Q18,6", "Q18,2.5", "Q18,-1", "Q18,NOT_APPLICABLE", "Q15,DONT_KNOW", "Q29,DONT_KNOW",
        "Q37,Established", "Q37,99999999999"})
    void validate_shouldReject_whenLikertAnsweredOutsideItsScaleAndExtras(String question, String value) {
        // Arrange
        Responses response = Responses.empty().with(question, value);

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.question()).isEqualTo(question);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.message()).startsWith("Choose a point from 1");
        });
    }

    @Test
    void validate_shouldNameTheAnchorsAndExtras_whenLikertRejected() {
        // Arrange
        Responses response = Responses.empty().with("Q18", "7").with("Q15", "0");

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).extracting(AnswerError::message).containsExactly(
                "Choose a point from 1 (Mainly restricts staff use) to 5 (Mainly encourages staff use), or 'Not applicable'",
                "Choose a point from 1 (Strongly disagree) to 5 (Strongly agree), or 'Don't know'");
    }

    @Test
    void validate_shouldReject_whenLikertSentWithSeveralValues() {
        // Arrange
        Responses response = Responses.empty().with("Q37", "2", "3");

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q37", "2, 3", "Choose only one answer"));
    }
}
