package nhssm.collect;

import nhssm.core.token.TokenGrant;
import nhssm.core.trust.Trust;
import nhssm.http.Problem;

/** Who is calling, as established from the bearer token or the survey's cookie. */
sealed interface Caller {

    /** A lead or staff token holder, bound to one trust and one round. */
    record Respondent(TokenGrant grant, Trust trust) implements Caller {
    }

    record Admin() implements Caller {
    }

    /** Not let in: {@code reason} says why, {@code problem} says it to the caller. */
    record Refused(Reason reason, Problem problem) implements Caller {
    }

    /** Why a caller was refused. */
    enum Reason {
        /** No token was sent. */
        MISSING,
        /** No token has this hash. */
        UNKNOWN,
        EXPIRED,
        /** A newer invitation of the trust's lead replaced it. */
        REPLACED,
        /** The census team or the trust's lead withdrew it. */
        WITHDRAWN,
        /** A valid token of another round (403, not 401). */
        OTHER_ROUND,
        /** The token's trust has left the reference list. */
        TRUST_UNKNOWN,
        /** An admin route without the admin token. */
        NOT_ADMIN;

        /** As the problem's {@code reason} member says it. */
        String code() {
            return name().toLowerCase().replace('_', '-');
        }
    }
}
