package nhssm.report.api;

import nhssm.core.reconcile.Reconciled;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answer;
import nhssm.core.survey.SurveyDefinition;

/**
 * A trust's consent to publish its named report: YES, in its official return, to the question the round's
 * definition names as {@code namedReportConsent} (Q05 in 2026, "May we publish a named report of your
 * trust's results?"). Only the official return speaks for the trust; anything else, including no answer,
 * keeps the report private.
 */
final class PublicationConsent {

    private static final Answer YES = new Answer.Code("YES");

    private PublicationConsent() {
    }

    static boolean given(SurveyDefinition definition, TrustRecord record) {
        return record.value(definition.namedReportConsent())
                .filter(value -> value instanceof Reconciled.FromOfficial official && official.answer().equals(YES))
                .isPresent();
    }
}
