package nhssm.core.token;

import java.time.Instant;

/**
 * Why and when a token stopped working before its expiry: replaced by a new invitation, or withdrawn by
 * the census team or the trust's lead.
 *
 * @param by   who revoked it ({@code admin}, or {@code lead:<token id>})
 * @param note a short reason, shown in the audit log and the token list (never a token)
 */
public record Revocation(Instant at, String by, Reason reason, String note) {

    public enum Reason {
        /** A new invitation of the trust's lead replaced this lead token. */
        REPLACED,
        /** Someone entitled to withdrew the link. */
        WITHDRAWN
    }
}
