package nhssm.core.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One trust's reconciled record for a round, derived from its submitted responses only (drafts never
 * count). This, one item per trust, is all the statistics and reports ever read.
 *
 * @param officialSubmittedAt  when the counted official return was last submitted; null without one
 * @param individualResponses  submitted individual responses
 * @param individualRoles      individual responses by role (Q02 code); shown only from 5 individuals
 * @param values               by question id: the trust's value and its provenance; unanswered questions absent
 * @param distributions        perception items: how individuals answered
 * @param freeText             every free-text answer, kept apart
 * @param lastResponseAt       the latest update of any counted response
 * @param watermark            the trust's change count this record was computed from: a record is only
 *                             ever replaced by one computed from as many changes or more
 */
public record TrustRecord(
        String round,
        String odsCode,
        String definitionVersion,
        Instant officialSubmittedAt,
        int individualResponses,
        Map<String, Integer> individualRoles,
        Map<String, Reconciled> values,
        Map<String, Distribution> distributions,
        List<FreeText> freeText,
        Instant lastResponseAt,
        long watermark) {

    public TrustRecord {
        individualRoles = Map.copyOf(individualRoles);
        values = Map.copyOf(values);
        distributions = Map.copyOf(distributions);
        freeText = List.copyOf(freeText);
    }

    public boolean hasOfficialReturn() {
        return officialSubmittedAt != null;
    }

    /** Responded: a submitted official return or at least one submitted individual response. */
    public boolean responded() {
        return hasOfficialReturn() || individualResponses > 0;
    }

    public Optional<Reconciled> value(String questionId) {
        return Optional.ofNullable(values.get(questionId));
    }
}
