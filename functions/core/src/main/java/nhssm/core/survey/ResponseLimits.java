package nhssm.core.survey;

/**
 * How many individual responses a round accepts: through one staff link, and for one trust in all. They keep
 * a few people from deciding a trust's values where its official return is blank, from filling the national
 * report with text, and from making every recomputation of the trust slower. A lead who needs more creates
 * another staff link (up to the trust's cap).
 */
public record ResponseLimits(int individualResponsesPerStaffLink, int individualResponsesPerTrust) {

    /** For definitions built in code without limits of their own. */
    public static final ResponseLimits UNLIMITED = new ResponseLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);
}
