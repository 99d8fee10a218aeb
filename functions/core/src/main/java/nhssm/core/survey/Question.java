package nhssm.core.survey;

import java.util.Optional;

/**
 * One question of the survey definition.
 *
 * @param id          stable id across rounds (Q02, Q42_CONSENT, …)
 * @param section     code of the report section it belongs to
 * @param label       the question as the respondent reads it
 * @param shortLabel  the short form used in tables and reports
 * @param hint        optional help shown under the label
 * @param audience    who is asked it
 * @param required    who must answer it to submit
 * @param perception  a perception item: reconciled as official answer, else median of individuals
 * @param restriction optional condition on another answer
 * @param answer      what kind of answer it takes, with its bounds and codes
 */
public record Question(
        String id,
        String section,
        String label,
        String shortLabel,
        String hint,
        Audience audience,
        Requirement required,
        boolean perception,
        Restriction restriction,
        AnswerSpec answer) {

    public Optional<String> hintText() {
        return Optional.ofNullable(hint);
    }

    public Optional<Restriction> condition() {
        return Optional.ofNullable(restriction);
    }
}
