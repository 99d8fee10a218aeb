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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Q15 and Q16 depend on the answer to Q14 (is there a staff policy?). */
class RestrictionValidationTest {

    @ParameterizedTest
    @CsvSource({"NONE,No", "DONT_KNOW,Don't know"})
    void validate_shouldRejectAScalePointForQ15_whenQ14SaysThereIsNoKnownPolicy(String q14, String label) {
        // Arrange
        Responses response = Responses.completeIndividual().with("Q14", q14).with("Q15", "3").without("Q16");

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.INDIVIDUAL, ResponseStatus.SUBMITTED, response));

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q15", "3",
                "Because your answer to Q14 is '" + label + "', choose 'Not applicable' or leave this question blank"));
    }

    @ParameterizedTest
    @EnumSource(ResponseKind.class)
    void validate_shouldAcceptNotApplicableForQ15_whenQ14IsNone(ResponseKind kind) {
        // Arrange
        Responses response = Responses.empty().with("Q14", "NONE").with("Q15", "NOT_APPLICABLE");

        // Act
        Answers answers = accepted(validate(kind, ResponseStatus.DRAFT, response));

        // Assert
        assertThat(answers.get("Q15")).contains(new Answer.Code("NOT_APPLICABLE"));
    }

    @ParameterizedTest
    @EnumSource(ResponseStatus.class)
    void validate_shouldAcceptQ15Absent_whenQ14IsDontKnow(ResponseStatus status) {
        // Arrange
        Responses response = Responses.completeOfficial().with("Q14", "DONT_KNOW").without("Q15");

        // Act
        Answers answers = accepted(validate(ResponseKind.OFFICIAL, status, response));

        // Assert
        assertThat(answers.get("Q15")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"CURRENT_REVIEWED_2Y", "EXISTS_OLDER", "IN_DEVELOPMENT"})
    void validate_shouldAcceptAScalePointForQ15_whenQ14SaysThereIsAPolicy(String q14) {
        // Arrange
        Responses response = Responses.empty().with("Q14", q14).with("Q15", "5");

        // Act
        Answers answers = accepted(validate(ResponseKind.INDIVIDUAL, ResponseStatus.DRAFT, response));

        // Assert
        assertThat(answers.get("Q15")).contains(new Answer.ScalePoint(5));
    }

    @ParameterizedTest
    @EnumSource(ResponseStatus.class)
    void validate_shouldRejectQ16_whenQ14IsNone(ResponseStatus status) {
        // Arrange
        Responses response = Responses.completeOfficial().with("Q14", "NONE").with("Q15", "NOT_APPLICABLE")
                .with("Q16", "PERSONAL_USE", "AI_GENERATED_CONTENT");

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.OFFICIAL, status, response));

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q16", "PERSONAL_USE, AI_GENERATED_CONTENT",
                "Because your answer to Q14 is 'No', leave this question blank"));
    }

    @ParameterizedTest
    @CsvSource({"DONT_KNOW", "IN_DEVELOPMENT"})
    void validate_shouldAcceptQ16_whenQ14IsNotNone(String q14) {
        // Arrange
        Responses response = Responses.empty().with("Q14", q14).with("Q16", "NONE");

        // Act
        Answers answers = accepted(validate(ResponseKind.INDIVIDUAL, ResponseStatus.DRAFT, response));

        // Assert
        assertThat(answers.get("Q16")).contains(new Answer.Codes(List.of("NONE")));
    }

    @ParameterizedTest
    @EnumSource(ResponseKind.class)
    void validate_shouldApplyNoRestriction_whenQ14IsNotAnswered(ResponseKind kind) {
        // Arrange
        Responses response = Responses.empty().with("Q15", "2").with("Q16", "PERSONAL_USE");

        // Act
        Answers answers = accepted(validate(kind, ResponseStatus.DRAFT, response));

        // Assert
        assertThat(answers.byQuestion()).containsOnlyKeys("Q15", "Q16");
    }
}
