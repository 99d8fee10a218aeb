package nhssm.report.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nhssm.core.reconcile.Reconciliation;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answers;
import nhssm.core.response.RawAnswers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoredResponse;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.validation.Validation;
import nhssm.core.validation.ValidationResult;

/**
 * Trust records made as the aggregate function makes them: answers validated against the 2026
 * definition, an official return, reconciled.
 */
final class TrustRecords {

    static final SurveyDefinition SURVEY_2026 = SurveyDefinitions.forRound("2026").orElseThrow();
    private static final Instant SUBMITTED_AT = Instant.parse("2026-11-20T09:30:00Z");

    private TrustRecords() {
    }

    /** A trust whose official return answered the publication question ({@code YES} or {@code NO}). */
    static TrustRecord official(String odsCode, String publish, long watermark) {
        return official(odsCode, Map.of(
                "Q02", List.of("COMMS_DIRECTOR_HEAD"),
                "Q05", List.of(publish),
                "Q06", List.of("X_TWITTER", "LINKEDIN"),
                "Q07", List.of(String.valueOf(3 + watermark)),
                "Q08", List.of("YES")), watermark);
    }

    static TrustRecord official(String odsCode, Map<String, List<String>> raw, long watermark) {
        return Reconciliation.reconcile(SURVEY_2026, List.of(submitted(odsCode, ResponseKind.OFFICIAL, raw)), watermark);
    }

    /** A trust whose official return and individual responses (each a map of raw answers) were all submitted. */
    static TrustRecord reconciled(String odsCode, Map<String, List<String>> official,
            List<Map<String, List<String>>> individuals) {
        List<StoredResponse> responses = new java.util.ArrayList<>();
        responses.add(submitted(odsCode, ResponseKind.OFFICIAL, official));
        individuals.forEach(raw -> responses.add(submitted(odsCode, ResponseKind.INDIVIDUAL, raw)));
        return Reconciliation.reconcile(SURVEY_2026, responses, responses.size());
    }

    private static StoredResponse submitted(String odsCode, ResponseKind kind, Map<String, List<String>> raw) {
        // Validated as a draft so a few answers are enough; stored as submitted, because only submitted
        // responses count. The report reads records, so completeness is not what is tested here.
        Answers answers = switch (Validation.validate(SURVEY_2026, kind, ResponseStatus.DRAFT, RawAnswers.of(raw))) {
            case ValidationResult.Accepted accepted -> accepted.answers();
            case ValidationResult.Rejected rejected -> throw new IllegalArgumentException(rejected.errors().toString());
        };
        return new StoredResponse(new ResponseKey("2026", odsCode, UUID.randomUUID().toString()),
                kind, ResponseStatus.SUBMITTED, 1, SURVEY_2026.definitionVersion(), answers,
                SUBMITTED_AT, SUBMITTED_AT, SUBMITTED_AT);
    }

    /** A trust whose only response is a draft: it has a record, but took no part. */
    static TrustRecord draftOnly(String odsCode) {
        StoredResponse draft = new StoredResponse(new ResponseKey("2026", odsCode, UUID.randomUUID().toString()),
                ResponseKind.OFFICIAL, ResponseStatus.DRAFT, 1, SURVEY_2026.definitionVersion(), Answers.NONE,
                SUBMITTED_AT, SUBMITTED_AT, null);
        return Reconciliation.reconcile(SURVEY_2026, List.of(draft), 1);
    }
}
