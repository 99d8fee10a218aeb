package nhssm.collect;

/** Request bodies the tests send: the smallest complete responses, and variations on them. */
final class Bodies {

    private Bodies() {
    }

    /** The answers every submitted response must have (SURVEY.md, validation rules). */
    static final String REQUIRED_ANSWERS = """
            "Q02": "COMMS_DIGITAL_OFFICER", "Q06": ["X_TWITTER", "FACEBOOK"], "Q13": "STANDALONE",
            "Q14": "CURRENT_REVIEWED_2Y", "Q17": "ALL_STAFF", "Q37": 3, "Q38": 2, "Q39": 4, "Q40": 3""";

    static String individual(String status) {
        return "{\"status\": \"" + status + "\", \"answers\": {" + REQUIRED_ANSWERS + "}}";
    }

    static String individual(String status, String moreAnswers) {
        return "{\"status\": \"" + status + "\", \"answers\": {" + REQUIRED_ANSWERS + ", " + moreAnswers + "}}";
    }

    static String official(String status) {
        return official(status, "\"Q07\": 12");
    }

    static String official(String status, String moreAnswers) {
        return individual(status, "\"Q22\": 12, \"Q44\": \"YES\", " + moreAnswers);
    }
}
