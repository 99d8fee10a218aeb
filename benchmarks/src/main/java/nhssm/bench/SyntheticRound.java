package nhssm.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nhssm.core.reconcile.Reconciliation;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoredResponse;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.trust.TrustRegister;
import nhssm.core.validation.Validation;
import nhssm.core.validation.ValidationResult;
import nhssm.local.seed.SyntheticCensus;
import nhssm.local.seed.TrustPlan;
import nhssm.report.content.RoundData;

/**
 * A full round in memory: the synthetic census of every open trust (the one {@code nhssm seed} sends),
 * each response validated as the collect function validates it, stored once (version 1) and every
 * responding trust reconciled into its record as the aggregate function reconciles it. What a report is
 * rendered from, without a database in between.
 */
final class SyntheticRound {

    static final String ROUND = "2026";
    private static final long SEED = 2026;
    private static final Instant AT = Instant.parse("2026-11-10T09:00:00Z");

    /**
     * The round's data, its number of stored responses, and the trust whose report stands for a per-trust
     * report with its number of responses.
     */
    record Built(RoundData data, int responses, String typicalTrust, int typicalTrustResponses) {
    }

    private SyntheticRound() {
    }

    static Built build() {
        SurveyDefinition definition = SurveyDefinitions.forRound(ROUND).orElseThrow();
        TrustRegister register = TrustRegister.bundled();
        List<TrustRecord> records = new ArrayList<>();
        List<TrustPlan> plans = SyntheticCensus.plan(register.openOn(definition.censusDate()), SEED);
        int responses = 0;
        for (TrustPlan plan : plans) {
            if (!plan.responds()) {
                continue; // a trust that sent nothing has no record, as in the database
            }
            String ods = plan.trust().odsCode();
            List<StoredResponse> stored = new ArrayList<>();
            stored.add(stored(definition, ods, ResponseKind.OFFICIAL, plan.official(), 0));
            for (TrustPlan.Answered individual : plan.individuals()) {
                stored.add(stored(definition, ods, ResponseKind.INDIVIDUAL, individual, stored.size()));
            }
            // Each response was created once (version 1); the watermark counts versions.
            records.add(Reconciliation.reconcile(definition, ROUND, ods, stored, stored.size()));
            responses += stored.size();
        }
        TrustPlan typical = typicalTrust(plans);
        return new Built(RoundData.of(definition, register, records), responses, typical.trust().odsCode(),
                1 + typical.individuals().size());
    }

    /**
     * A trust with a submitted official return and the median number of staff responses among such trusts:
     * neither the smallest report nor the largest.
     */
    private static TrustPlan typicalTrust(List<TrustPlan> plans) {
        List<TrustPlan> submitted = plans.stream()
                .filter(p -> p.responds() && p.official().status().equals("SUBMITTED"))
                .sorted(Comparator.comparingInt((TrustPlan p) -> p.individuals().size())
                        .thenComparing(p -> p.trust().odsCode()))
                .toList();
        return submitted.get(submitted.size() / 2);
    }

    private static StoredResponse stored(SurveyDefinition definition, String ods, ResponseKind kind,
            TrustPlan.Answered answered, int number) {
        ResponseStatus status = ResponseStatus.valueOf(answered.status());
        var result = Validation.validate(definition, kind, status, answered.raw());
        if (!(result instanceof ValidationResult.Accepted accepted)) {
            throw new IllegalStateException("synthetic response refused: " + result);
        }
        // Ids from the trust and position, so every run (and every child JVM) renders the same bytes.
        String id = UUID.nameUUIDFromBytes((ods + "/" + number).getBytes(StandardCharsets.UTF_8)).toString();
        return new StoredResponse(new ResponseKey(ROUND, ods, id), kind, status, 1,
                definition.definitionVersion(), accepted.answers(), AT, AT,
                status == ResponseStatus.SUBMITTED ? AT : null);
    }
}
