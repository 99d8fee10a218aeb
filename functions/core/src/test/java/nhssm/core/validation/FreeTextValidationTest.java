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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Free text (Q42, Q43) and the email address Q04. */
class FreeTextValidationTest {

    /** One emoji, one code point, two UTF-16 chars, four UTF-8 bytes. */
    private static final String BLUE_HEART = "💙";

    private static Answers answers(ResponseKind kind, Responses response) {
        return accepted(validate(kind, ResponseStatus.DRAFT, response));
    }

    private static List<AnswerError> errors(Responses response) {
        return rejected(validate(ResponseKind.INDIVIDUAL, ResponseStatus.DRAFT, response));
    }

    @ParameterizedTest
    @EnumSource(ResponseKind.class)
    void validate_shouldKeepWelshTextExactly_whenAnswered(ResponseKind kind) {
        // Arrange
        String welsh = "Mae'r ŵyn yn chwarae ŷd";
        Responses response = Responses.empty().with("Q42", welsh);

        // Act
        Answers answers = answers(kind, response);

        // Assert
        assertThat(answers.get("Q42")).contains(new Answer.Text(welsh));
    }

    @Test
    void validate_shouldKeepEmojiAndOtherScriptsExactly_whenAnswered() {
        // Arrange
        String text = "Diolch 👩‍⚕️💙 — شكرا — 谢谢 — धन्यवाद\n\tand café";
        Responses response = Responses.empty().with("Q43", text);

        // Act
        Answers answers = answers(ResponseKind.INDIVIDUAL, response);

        // Assert
        assertThat(answers.get("Q43")).contains(new Answer.Text(text));
    }

    @Test
    void validate_shouldAccept1500Emoji_whenQ42LimitIs1500Characters() {
        // Arrange
        String text = BLUE_HEART.repeat(1500);
        Responses response = Responses.empty().with("Q42", text);

        // Act
        Answers answers = answers(ResponseKind.INDIVIDUAL, response);

        // Assert
        assertThat(text.length()).isEqualTo(3000);
        assertThat(answers.get("Q42")).contains(new Answer.Text(text));
    }

    @Test
    void validate_shouldRefuse1501Emoji_whenQ42LimitIs1500Characters() {
        // Arrange
        String text = BLUE_HEART.repeat(1501);
        Responses response = Responses.empty().with("Q42", text);

        // Act
        List<AnswerError> errors = errors(response);

        // Assert
        assertThat(errors).containsExactly(
                new AnswerError("Q42", text, "Keep this to 1,500 characters or fewer (you entered 1,501)"));
    }

    @Test
    void validate_shouldRefuse1001Characters_whenQ43LimitIs1000() {
        // Arrange
        Responses accepted = Responses.empty().with("Q43", "a".repeat(1000));
        Responses refused = Responses.empty().with("Q43", "a".repeat(1001));

        // Act
        Answers answers = answers(ResponseKind.INDIVIDUAL, accepted);
        List<AnswerError> errors = errors(refused);

        // Assert
        assertThat(answers.get("Q43")).isPresent();
        assertThat(errors).singleElement().extracting(AnswerError::message)
                .isEqualTo("Keep this to 1,000 characters or fewer (you entered 1,001)");
    }

    @Test
    void validate_shouldNormaliseCrLfAndLoneCrToLf_whenTextHasLineBreaks() {
        // Arrange
        Responses response = Responses.empty().with("Q42", "First line\r\nSecond line\rThird line\n");

        // Act
        Answers answers = answers(ResponseKind.INDIVIDUAL, response);

        // Assert
        assertThat(answers.get("Q42")).contains(new Answer.Text("First line\nSecond line\nThird line\n"));
    }

    @Test
    void validate_shouldCountACrLfAsOneCharacter_whenCheckingTheLength() {
        // Arrange
        Responses response = Responses.empty().with("Q43", "a".repeat(998) + "\r\n" + "b");

        // Act
        Answers answers = answers(ResponseKind.INDIVIDUAL, response);

        // Assert
        assertThat(answers.get("Q43")).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"0007,bell", "0000,null", "001B,escape", "007F,delete", "0085,next line", "000B,vertical tab"})
    void validate_shouldReject_whenTextHasAControlCharacter(String hex, String name) {
        // Arrange
        String text = "Before" + (char) Integer.parseInt(hex, 16) + "after";
        Responses response = Responses.empty().with("Q42", text);

        // Act
        List<AnswerError> errors = errors(response);

        // Assert
        assertThat(errors).as(name).singleElement().satisfies(e -> {
            assertThat(e.value()).isEqualTo(text);
            assertThat(e.message()).startsWith("Remove the control character U+" + hex);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD83D", "\uDC99", "broken \uD83D heart", "\uDC99\uD83D"})
    void validate_shouldReject_whenTextHasAnUnpairedSurrogate(String text) {
        // Arrange
        Responses response = Responses.empty().with("Q43", text);

        // Act
        List<AnswerError> errors = errors(response);

        // Assert
        assertThat(errors).singleElement().extracting(AnswerError::message)
                .asString().startsWith("This text contains a character that could not be read");
    }

    @Test
    void validate_shouldReportEveryTextProblem_whenTextIsTooLongAndHasAControlCharacter() {
        // Arrange
        Responses response = Responses.empty().with("Q43", "\u0007" + "a".repeat(1000));

        // Act
        List<AnswerError> errors = errors(response);

        // Assert
        assertThat(errors).hasSize(2);
    }

    @Test
    void validate_shouldReject_whenTextSentWithSeveralValues() {
        // Arrange
        Responses response = Responses.empty().with("Q42", "one", "two");

        // Act
        List<AnswerError> errors = errors(response);

        // Assert
        assertThat(errors).containsExactly(new AnswerError("Q42", "one, two", "Send one answer only"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "comms@example.nhs.uk|comms@example.nhs.uk",
        "first.last+census@nhs.net|first.last+census@nhs.net",
        "'  lead@trust.nhs.uk '|lead@trust.nhs.uk",
        "gwenllian@ysbyty.cymru|gwenllian@ysbyty.cymru"})
    void validate_shouldAcceptAnEmailAddress_whenItLooksLikeOne(String value, String stored) {
        // Arrange
        Responses response = Responses.empty().with("Q04", value);

        // Act
        Answers answers = answers(ResponseKind.OFFICIAL, response);

        // Assert
        assertThat(answers.get("Q04")).contains(new Answer.Text(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"comms", "@nhs.net", "comms@", "comms@nhs", "comms@@nhs.net", "a@b@nhs.net",
        "first last@nhs.net", "comms@nhs .net", "comms@.net", "comms@nhs.", "comms@nhs.net\nBcc: x@y.z"})
    void validate_shouldReject_whenEmailAddressDoesNotLookLikeOne(String value) {
        // Arrange
        Responses response = Responses.empty().with("Q04", value);

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.OFFICIAL, ResponseStatus.DRAFT, response));

        // Assert
        assertThat(errors).containsExactly(
                new AnswerError("Q04", value, "Enter an email address in the correct format, like name@nhs.net"));
    }

    @Test
    void validate_shouldReject_whenEmailAddressIsLongerThan254Characters() {
        // Arrange
        String value = "a".repeat(247) + "@nhs.net";

        // Act
        List<AnswerError> errors = rejected(validate(ResponseKind.OFFICIAL, ResponseStatus.DRAFT,
                Responses.empty().with("Q04", value)));

        // Assert
        assertThat(value).hasSize(255);
        assertThat(errors).singleElement().extracting(AnswerError::message)
                .isEqualTo("Keep this to 254 characters or fewer (you entered 255)");
    }

    @Test
    void validate_shouldTreatBlankTextAsNotAnswered_whenOnlyWhitespaceIsSent() {
        // Arrange
        Responses response = Responses.empty().with("Q42", " \r\n\t ");

        // Act
        Answers answers = answers(ResponseKind.INDIVIDUAL, response);

        // Assert
        assertThat(answers.get("Q42")).isEmpty();
    }
}
