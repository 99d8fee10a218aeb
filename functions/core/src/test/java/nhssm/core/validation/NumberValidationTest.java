package nhssm.core.validation;

import static nhssm.core.validation.Outcomes.accepted;
import static nhssm.core.validation.Outcomes.rejected;
import static nhssm.core.validation.Outcomes.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import nhssm.core.response.Answer;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole numbers (Q07, Q21, Q22) and the decimal Q30, which only an official return answers. */
class NumberValidationTest {

    private static List<AnswerError> draftErrors(Responses response) {
        return rejected(validate(ResponseKind.OFFICIAL, ResponseStatus.DRAFT, response));
    }

    private static Answers draftAnswers(Responses response) {
        return accepted(validate(ResponseKind.OFFICIAL, ResponseStatus.DRAFT, response));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "500|500", "'  42 '|42", "007|7", "'\t12\n'|12"})
    void validate_shouldAcceptAWholeNumber_whenWithinRangeAfterTrimming(String value, long expected) {
        // Arrange
        Responses response = Responses.empty().with("Q07", value);

        // Act
        Answers answers = draftAnswers(response);

        // Assert
        assertThat(answers.get("Q07")).contains(new Answer.WholeNumber(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1e3", "1E3", "0x10", "+5", "1,000", "twelve", "12 accounts", "-1", "501",
        "99999999999999999999", "9223372036854775808", "١٢", "１２"})
    void validate_shouldReject_whenNotAWholeNumberWithinRange(String value) {
        // Arrange
        Responses response = Responses.empty().with("Q07", value);

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q07", value, "Enter a whole number from 0 to 500"));
    }

    @Test
    void validate_shouldRejectZeroBoardMembers_whenQ22StartsAtOne() {
        // Arrange
        Responses response = Responses.empty().with("Q22", "0").with("Q21", "41");

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).containsExactly(
                new AnswerError("Q21", "41", "Enter a whole number from 0 to 40"),
                new AnswerError("Q22", "0", "Enter a whole number from 1 to 40"));
    }

    @Test
    void validate_shouldReject_whenWholeNumberSentWithSeveralValues() {
        // Arrange
        Responses response = Responses.empty().with("Q07", "3", "4");

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q07", "3, 4", "Enter one number only"));
    }

    @ParameterizedTest
    @EnumSource(ResponseStatus.class)
    void validate_shouldReject_whenQ21IsMoreThanQ22(ResponseStatus status) {
        // Arrange
        Responses response = Responses.completeOfficial().with("Q21", "13").with("Q22", "12");

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.OFFICIAL, status, response));

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q21", "13", "Must not be more than your answer to Q22 (12)"));
    }

    @Test
    void validate_shouldReportQ21AsSent_whenItIsMoreThanQ22() {
        // Arrange
        Responses response = Responses.empty().with("Q21", " 013").with("Q22", "12");

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q21", " 013", "Must not be more than your answer to Q22 (12)"));
    }

    @Test
    void validate_shouldAccept_whenQ21EqualsQ22() {
        // Arrange
        Responses response = Responses.empty().with("Q21", "12").with("Q22", "12");

        // Act
        Answers answers = draftAnswers(response);

        // Assert
        assertThat(answers.get("Q21")).contains(new Answer.WholeNumber(12));
    }

    @Test
    void validate_shouldAcceptQ21_whenQ22IsNotAnswered() {
        // Arrange
        Responses response = Responses.empty().with("Q21", "40");

        // Act
        Answers answers = draftAnswers(response);

        // Assert
        assertThat(answers.get("Q21")).contains(new Answer.WholeNumber(40));
    }

    @Test
    void validate_shouldReportOnlyQ22_whenQ22IsInvalid() {
        // Arrange
        Responses response = Responses.empty().with("Q21", "30").with("Q22", "ten");

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).extracting(AnswerError::question).containsExactly("Q22");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.5|1.5", "1.50|1.5", "2.0|2", "2|2", "20|20", "50.0|50", "0|0", "0.0|0", "' 0.5 '|0.5", ".5|0.5", "1.|1",
        "007.5|7.5"})
    void validate_shouldStoreTheValueWithoutTrailingZeros_whenDecimalIsValid(String value, String expected) {
        // Arrange
        Responses response = Responses.empty().with("Q30", value);

        // Act
        Answers answers = draftAnswers(response);

        // Assert
        BigDecimal stored = ((Answer.DecimalNumber) answers.get("Q30").orElseThrow()).value();
        assertThat(stored.toPlainString()).isEqualTo(expected);
        assertThat(stored.scale()).isBetween(0, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.25", "0.05", "49.99"})
    void validate_shouldReject_whenDecimalHasTooManyPlaces(String value) {
        // Arrange
        Responses response = Responses.empty().with("Q30", value);

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q30", value, "Use at most one decimal place"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e1", "1.5E0", "1,5", "one and a half", "50.1", "-0.5", "51", "NaN", "Infinity",
        "0x1p1", "1.5.1", "٣", "00000000000000000000000000000000000000001"})
    void validate_shouldReject_whenDecimalIsNotAPlainNumberWithinRange(String value) {
        // Arrange
        Responses response = Responses.empty().with("Q30", value);

        // Act
        List<AnswerError> errors = draftErrors(response);

        // Assert
        assertThat(errors).containsExactly(
                new AnswerError("Q30", value, "Enter a number from 0.0 to 50.0, with at most one decimal place"));
    }
}
