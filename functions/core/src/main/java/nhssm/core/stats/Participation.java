package nhssm.core.stats;

/**
 * Who responded in one group. Participation figures are never suppressed: the participating trusts
 * are listed by name in the national report, so withholding their number would protect nothing, and
 * the reader needs it to see why a group's answer figures are suppressed. The percentage rule still holds.
 *
 * @param group               the group
 * @param openTrusts          trusts of the group open on the census date: the denominator
 * @param responding          trusts that responded (an official return or at least one individual
 *                            response) out of {@code openTrusts}: the response rate
 * @param officialReturns     trusts with a submitted official return, out of {@code openTrusts}
 * @param individualResponses submitted individual responses from the group's trusts (a count of
 *                            responses, not of trusts)
 */
public record Participation(Group group, int openTrusts, Count responding, Count officialReturns,
        int individualResponses) {

    public Participation {
        if (responding.of() != openTrusts || officialReturns.of() != openTrusts) {
            throw new IllegalArgumentException("participation counts must be out of the open trusts");
        }
        if (officialReturns.count() > responding.count()) {
            throw new IllegalArgumentException("more official returns than responding trusts");
        }
    }
}
