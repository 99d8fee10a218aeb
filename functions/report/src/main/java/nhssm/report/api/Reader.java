package nhssm.report.api;

import nhssm.core.token.TokenGrant;

/** Who is asking for a trust's report, as established from the Authorization header or the survey's cookie. */
sealed interface Reader {

    /** No Authorization header. */
    record Anonymous() implements Reader {
    }

    record Admin() implements Reader {
    }

    /** A token valid for the round: a trust's lead or staff. */
    record Holder(TokenGrant grant) implements Reader {
    }

    /**
     * A credential that is not a valid token for the round; {@code reason} is the problem's {@code reason}
     * member, {@code detail} says why in words, without the token.
     */
    record Unrecognised(String reason, String detail) implements Reader {
    }
}
