package nhssm.report.content;

import nhssm.core.reconcile.FreeText;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Readership;

/**
 * Who a report is for, passed through the building of its content so that every output knows it: the trust's own
 * copy (its lead and the census team) or the public (the national report, and a trust's report once the trust
 * consented to its publication). What each may read of the respondents' free text is the survey definition's
 * {@code readers} of the question, never a rule of the content code.
 */
public enum ReportAudience {
    TRUST(Readership.TRUST),
    PUBLIC(Readership.PUBLIC);

    private final Readership readership;

    ReportAudience(Readership readership) {
        this.readership = readership;
    }

    public Readership readership() {
        return readership;
    }

    /** Whether this audience may read {@code text}, an answer to a question of type {@code spec}. */
    boolean mayRead(AnswerSpec.FreeText spec, FreeText text) {
        return spec.readableBy(readership, text.consentToQuote());
    }

    /** What a reader of this audience's copy is told about the texts it may read of a question. */
    boolean mayReadAny(AnswerSpec.FreeText spec) {
        return spec.readableBy(readership, true);
    }
}
