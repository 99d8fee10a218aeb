package nhssm.core.stats;

/**
 * The distribution of trust values for a number or scale item: a {@link Summary} (n ≥ 1), {@link NoValues}
 * (n = 0, only ever for the national group: a peer group or region with no values is suppressed), or
 * {@link Suppressed}.
 */
public sealed interface SummaryCell extends Cell permits Summary, NoValues, Suppressed {
}
