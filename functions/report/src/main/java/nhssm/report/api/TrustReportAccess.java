package nhssm.report.api;

import java.util.Optional;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.token.Scope;

/**
 * Who may read which copy of a trust's report: its own lead and the census team the trust's copy; anyone else the
 * published copy once the trust consented to publication. A reader who may not read it learns nothing about the
 * trust: an unknown trust, one that took no part and one that keeps its report private get the same refusal,
 * which depends only on the reader and the URL.
 */
final class TrustReportAccess {

    private TrustReportAccess() {
    }

    /** {@code record}: the trust's record in the round of {@code definition}, if it has one. */
    static Access decide(Reader reader, SurveyDefinition definition, String odsCode, Optional<TrustRecord> record) {
        String round = definition.round();
        Optional<TrustRecord> responded = record.filter(TrustRecord::responded);
        boolean entitled = switch (reader) {
            case Reader.Admin a -> true;
            case Reader.Holder h -> h.grant().scope() == Scope.LEAD && h.grant().odsCode().equals(odsCode);
            case Reader.Anonymous a -> false;
            case Reader.Unrecognised u -> false;
        };
        if (entitled) {
            return responded.isPresent() ? Access.PRIVATE : new Access.Refused(Problems.noReport(round, odsCode));
        }
        if (responded.filter(r -> PublicationConsent.given(definition, r)).isPresent()) {
            return Access.PUBLIC;
        }
        return new Access.Refused(switch (reader) {
            case Reader.Anonymous a -> Problems.notPublished(round, odsCode);
            case Reader.Unrecognised u -> Problems.unauthenticated(u.reason(), u.detail());
            case Reader.Holder h -> Problems.forbidden(round, odsCode);
            case Reader.Admin a -> throw new IllegalStateException("the census team may read every trust's report");
        });
    }
}
