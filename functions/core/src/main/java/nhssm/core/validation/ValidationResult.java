package nhssm.core.validation;

import java.util.List;
import nhssm.core.response.Answers;

/** The outcome of validating a response: its typed answers, or every reason it was refused. */
public sealed interface ValidationResult {

    /** Every value is valid: the answers to store, in definition order. */
    record Accepted(Answers answers) implements ValidationResult {
    }

    /**
     * At least one problem: every problem found, in definition question order (unknown question ids
     * last, in the order sent). Nothing is stored; the form is shown again with the values sent.
     */
    record Rejected(List<AnswerError> errors) implements ValidationResult {

        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one error");
            }
        }

        /** The problems with one question, empty when it had none. */
        public List<AnswerError> forQuestion(String questionId) {
            return errors.stream().filter(e -> e.question().equals(questionId)).toList();
        }
    }
}
