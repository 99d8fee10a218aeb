package nhssm.report.api;

import java.util.List;
import java.util.Locale;
import nhssm.http.Excerpt;
import nhssm.http.Problem;

/**
 * The report function's refusals, each with a type documented in docs/API.md and a detail that says what
 * would be accepted. A refusal of a trust report that the caller may not read depends only on the request,
 * never on whether the trust took part.
 */
final class Problems {

    /** Said wherever a trust report is refused, so every such refusal reads the same. */
    private static final String WHO_MAY_READ = "A trust's report is open to its lead (send the lead's token as "
            + "Authorization: Bearer <token>) and to the census team, and to everyone once the trust has agreed "
            + "to publish it.";

    private Problems() {
    }

    static Problem unknownRound(String round, List<String> rounds) {
        return Problem.of(404, "not-found", "Not found",
                        "There is no survey round '" + Excerpt.of(round) + "'. Reports exist for "
                                + (rounds.size() == 1 ? "round " : "rounds ") + String.join(", ", rounds) + ".")
                .with("rounds", rounds);
    }

    static Problem unknownReport(String round, String file, List<String> accepted) {
        return Problem.of(404, "not-found", "Not found",
                        "There is no report '" + Excerpt.of(file) + "' in round " + round + ". Ask for one of "
                                + String.join(", ", accepted) + ".")
                .with("accepted", accepted);
    }

    static Problem malformedOdsCode(String round, String value) {
        return Problem.of(404, "not-found", "Not found",
                        "'" + Excerpt.of(value) + "' is not an ODS code. A trust's report is at /reports/" + round
                                + "/trusts/<ODS code>.pdf or .html, with " + ReportFileName.ODS_CODE_FORM + ".")
                .with("field", "ods")
                .with("accepted", ReportFileName.ODS_CODE_FORM);
    }

    /** To anyone without a token: the same whether the trust is unknown, took no part, or keeps its report private. */
    static Problem notPublished(String round, String odsCode) {
        return Problem.of(404, "not-found", "Not found",
                "There is no published report for trust " + odsCode + " in round " + round + ". " + WHO_MAY_READ);
    }

    /** To the trust's lead or the census team: there is nothing to report yet. */
    static Problem noReport(String round, String odsCode) {
        return Problem.of(404, "not-found", "Not found",
                "Trust " + odsCode + " has no submitted response in round " + round
                        + ", so there is no report for it yet.");
    }

    /** {@code reason} as the collect function says it: missing, unknown, expired, replaced, withdrawn, other-round. */
    static Problem unauthenticated(String reason, String detail) {
        return Problem.of(401, "unauthenticated", "A valid token is needed", detail + " " + WHO_MAY_READ)
                .with("reason", reason);
    }

    /** To a valid token of another trust, or a staff token: the same whatever the trust's state. */
    static Problem forbidden(String round, String odsCode) {
        return Problem.of(403, "forbidden", "This token does not allow that",
                "This token does not open trust " + odsCode + "'s report for round " + round + ". " + WHO_MAY_READ);
    }

    static Problem tooLarge(String fileName, long encodedBytes, long limitBytes, List<String> alternatives) {
        return Problem.of(500, "report-too-large", "The report is too large to send",
                        fileName + " would be " + megabytes(encodedBytes) + " as sent, over the "
                                + megabytes(limitBytes) + " a response can carry. "
                                + (alternatives.isEmpty() ? "" : "The same report is offered as "
                                        + String.join(" and ", alternatives) + "."))
                .with("size", encodedBytes)
                .with("limit", limitBytes)
                .with("alternatives", alternatives);
    }

    static Problem unavailable() {
        return Problem.unavailable("The report's data could not be read. Please try again in a few seconds.");
    }

    static Problem internal(String requestId) {
        return Problem.internal("The report could not be produced. If it happens again, quote the request id.",
                requestId);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
