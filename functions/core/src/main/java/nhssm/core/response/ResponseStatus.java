package nhssm.core.response;

/** A draft may be incomplete and never counts; only a submitted response counts. */
public enum ResponseStatus {
    DRAFT,
    SUBMITTED
}
