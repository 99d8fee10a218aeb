package nhssm.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;

/** The 2026 definition and short ways to validate against it and unwrap the outcome. */
final class Outcomes {

    static final SurveyDefinition ROUND_2026 = SurveyDefinitions.forRound("2026").orElseThrow();

    private Outcomes() {
    }

    static ValidationResult validate(ResponseKind kind, ResponseStatus status, Responses responses) {
        return Validation.validate(ROUND_2026, kind, status, responses.raw());
    }

    static Answers accepted(ValidationResult result) {
        assertThat(result).isInstanceOf(ValidationResult.Accepted.class);
        return ((ValidationResult.Accepted) result).answers();
    }

    static List<AnswerError> rejected(ValidationResult result) {
        assertThat(result).isInstanceOf(ValidationResult.Rejected.class);
        return ((ValidationResult.Rejected) result).errors();
    }
}
