package nhssm.report.api;

import nhssm.http.Problem;
import nhssm.report.content.ReportAudience;

/** Whether a report is served to a reader, and if so which copy (whom it is for) and who may keep it. */
sealed interface Access {

    /**
     * Published: the public's copy, which anyone, and shared caches, may keep for a few minutes (consent can be
     * withdrawn).
     */
    Granted PUBLIC = new Granted(ReportAudience.PUBLIC, "public, max-age=300");
    /**
     * The trust's own copy, for its lead and the census team: only the reader's own browser may keep it, and only
     * after checking back (the ETag makes that cheap).
     */
    Granted PRIVATE = new Granted(ReportAudience.TRUST, "private, no-cache");

    record Granted(ReportAudience audience, String cacheControl) implements Access {
    }

    record Refused(Problem problem) implements Access {
    }
}
