package nhssm.report.api;

import nhssm.http.Problem;

/** Whether a trust's report is served to a reader, and if so who may keep a copy. */
sealed interface Access {

    /** Published: anyone, and shared caches, may keep it for a few minutes (consent can be withdrawn). */
    Granted PUBLIC = new Granted("public, max-age=300");
    /** Private: only the reader's own browser, and only after checking back (the ETag makes that cheap). */
    Granted PRIVATE = new Granted("private, no-cache");

    record Granted(String cacheControl) implements Access {
    }

    record Refused(Problem problem) implements Access {
    }
}
