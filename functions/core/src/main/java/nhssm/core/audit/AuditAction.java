package nhssm.core.audit;

/** What an audit entry records. The round's lifecycle adds its own moves here. */
public enum AuditAction {
    TOKEN_ISSUED,
    TOKEN_REVOKED
}
