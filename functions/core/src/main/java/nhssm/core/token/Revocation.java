package nhssm.core.token;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Why and when a token stopped working before its expiry: replaced by a new invitation, or withdrawn by
 * the census team or the trust's lead.
 *
 * @param by   who revoked it ({@code admin}, or {@code lead:<token id>})
 * @param note a short reason, shown in the audit log and the token list (never a token)
 */
public record Revocation(Instant at, String by, Reason reason, String note) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    /** What the holder of the revoked link is told, on every route that refuses it. */
    public String explanation() {
        String day = DAY.format(at);
        return switch (reason) {
            case REPLACED -> "This link was replaced by a newer invitation on " + day
                    + ". Use the link in the most recent email from the census team.";
            case WITHDRAWN -> "This link was withdrawn on " + day + " by "
                    + (by.startsWith("lead:") ? "your trust's lead" : "the census team")
                    + ". Ask your trust's lead or the census team for a new link.";
        };
    }

    public enum Reason {
        /** A new invitation of the trust's lead replaced this lead token. */
        REPLACED,
        /** Someone entitled to withdrew the link. */
        WITHDRAWN
    }
}
