package nhssm.core.audit;

import java.time.Instant;
import java.util.Optional;
import nhssm.core.token.Revocation;
import nhssm.core.token.TokenGrant;

/**
 * One immutable line of a round's audit log: who did what to which subject, when, and why. Written in the
 * same transaction as the change it records, never updated, never deleted.
 *
 * @param actor   {@code admin} (the census team), {@code lead:<token id>}, or {@code system}
 * @param subject what was acted on, as {@code kind:id} (for a token, {@code token:<its public id>})
 * @param trust   the trust concerned, if any
 * @param reason  why, in a few words; empty when the action speaks for itself
 */
public record AuditEntry(String round, Instant at, String actor, AuditAction action, String subject,
        Optional<String> trust, String reason) {

    public static final String ADMIN = "admin";

    /** The actor a lead's token stands for. */
    public static String lead(TokenGrant leadGrant) {
        return "lead:" + leadGrant.id();
    }

    public static AuditEntry issued(TokenGrant grant, String actor) {
        return new AuditEntry(grant.round(), grant.createdAt(), actor, AuditAction.TOKEN_ISSUED,
                subject(grant), Optional.of(grant.odsCode()), grant.scope().name().toLowerCase() + " token");
    }

    public static AuditEntry revoked(TokenGrant grant, Revocation revocation) {
        return new AuditEntry(grant.round(), revocation.at(), revocation.by(), AuditAction.TOKEN_REVOKED,
                subject(grant), Optional.of(grant.odsCode()),
                revocation.reason().name().toLowerCase() + (revocation.note().isEmpty() ? "" : ": " + revocation.note()));
    }

    private static String subject(TokenGrant grant) {
        return "token:" + grant.id();
    }
}
