package nhssm.core.token;

import nhssm.core.response.ResponseKind;

/** What a token lets its holder do for its trust. */
public enum Scope {
    /** The trust's lead: owns the single official return, creates staff links, reads the trust's report. */
    LEAD,
    /** A staff link: submits individual responses. */
    STAFF;

    /** The kind of response this scope creates and may read back. */
    public ResponseKind responseKind() {
        return this == LEAD ? ResponseKind.OFFICIAL : ResponseKind.INDIVIDUAL;
    }
}
