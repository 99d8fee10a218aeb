package nhssm.core.stats;

/** A count of trusts (or individuals) out of a base: either the {@link Count} or {@link Suppressed}. */
public sealed interface CountCell extends Cell permits Count, Suppressed {
}
