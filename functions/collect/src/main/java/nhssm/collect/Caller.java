package nhssm.collect;

import nhssm.core.token.TokenGrant;
import nhssm.core.trust.Trust;
import nhssm.http.Problem;

/** Who is calling, as established from the bearer token. */
sealed interface Caller {

    /** A lead or staff token holder, bound to one trust and one round. */
    record Respondent(TokenGrant grant, Trust trust) implements Caller {
    }

    record Admin() implements Caller {
    }

    record Refused(Problem problem) implements Caller {
    }
}
