package nhssm.report.api;

import nhssm.core.reconcile.Reconciled;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answer;

/**
 * A trust's consent to publish its named report: YES to the survey's publication question (Q05, "May we
 * publish a named report of your trust's results?") in its official return. Only the official return
 * speaks for the trust; anything else, including no answer, keeps the report private.
 */
final class PublicationConsent {

    static final String QUESTION = "Q05";
    private static final Answer YES = new Answer.Code("YES");

    private PublicationConsent() {
    }

    static boolean given(TrustRecord record) {
        return record.value(QUESTION)
                .filter(value -> value instanceof Reconciled.FromOfficial official && official.answer().equals(YES))
                .isPresent();
    }
}
