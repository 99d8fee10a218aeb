package nhssm.core.validation;

import java.util.Objects;

/**
 * One reason a response was refused, to be shown beside the question.
 *
 * @param question the question id as sent (an unknown id is reported under the id the client used)
 * @param value    the offending value as sent, or null when the problem is a missing answer; when the
 *                 whole answer is at fault (several values where one is expected, too many choices)
 *                 the values are joined with ", "
 * @param message  plain English for the respondent, saying what would be accepted
 */
public record AnswerError(String question, String value, String message) {

    public AnswerError {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(message, "message");
    }
}
