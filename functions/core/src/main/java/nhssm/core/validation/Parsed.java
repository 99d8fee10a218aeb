package nhssm.core.validation;

import java.util.List;
import nhssm.core.response.Answer;

/** One question's values read on their own: a typed answer, or what is wrong with them. */
sealed interface Parsed {

    record Valid(Answer answer) implements Parsed {
    }

    record Invalid(List<AnswerError> errors) implements Parsed {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
