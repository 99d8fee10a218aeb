package nhssm.core.stats;

/**
 * One presented figure. Renderers switch over the two kinds and never decide anything themselves:
 * whether a figure is shown, with or without a percentage, or as {@value Suppressed#SYMBOL}, is
 * decided here.
 */
public sealed interface Cell permits CountCell, SummaryCell {
}
