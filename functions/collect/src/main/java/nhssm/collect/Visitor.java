package nhssm.collect;

import nhssm.core.response.ResponseKind;

/** Who is filling in the survey form, and the link token that proves it. */
record Visitor(Caller.Respondent respondent, String token) {

    ResponseKind kind() {
        return respondent.grant().scope().responseKind();
    }

    /** What the visitor is filling in, as the pages name it. */
    String noun() {
        return kind() == ResponseKind.OFFICIAL ? "official return" : "response";
    }
}
