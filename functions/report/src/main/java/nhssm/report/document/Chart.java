package nhssm.report.document;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Block.Figure} draws. Each kind of chart is one record here and one drawing in each renderer.
 * Every kind is labelled directly (names and values printed on the chart), so no chart relies on colour or
 * a legend alone, and every figure is followed by the table of the values it draws.
 */
public sealed interface Chart permits Chart.HorizontalBars, Chart.StackedBars, Chart.DivergingBars, Chart.BandPositions {

    /**
     * Horizontal bars on a common scale from 0 to {@code max}, each labelled directly with its name and
     * its shown value (for example "31 of 42 (74%)").
     */
    record HorizontalBars(List<Bar> bars, double max) implements Chart {
        public HorizontalBars {
            bars = List.copyOf(bars);
            if (!(max > 0)) {
                throw new IllegalArgumentException("The scale maximum must be positive, was " + max);
            }
            for (Bar bar : bars) {
                if (bar.value() < 0 || bar.value() > max) {
                    throw new IllegalArgumentException("Bar '" + bar.label() + "' is outside 0.." + max);
                }
            }
        }

        /** One bar: its label, its value on the scale and the value as printed beside it. */
        public record Bar(String label, double value, String shownValue) {
            public Bar {
                Objects.requireNonNull(label, "label");
                Objects.requireNonNull(shownValue, "shownValue");
            }
        }
    }

    /**
     * One bar per row (usually a peer group) split into the shares of each category, in the order of
     * {@code categories}; each row's shares add up to at most 1. A row with no shares (a suppressed group)
     * draws no bar, only its note, such as "[c]".
     */
    record StackedBars(List<String> categories, List<Row> rows) implements Chart {
        public StackedBars {
            categories = List.copyOf(categories);
            rows = List.copyOf(rows);
            if (categories.isEmpty()) {
                throw new IllegalArgumentException("A stacked bar chart needs at least one category");
            }
            for (Row row : rows) {
                requireShares(row.label(), row.shares(), categories.size());
            }
        }

        /**
         * A row: its label, the share (0..1) of each category (empty when suppressed), the text printed
         * in each segment wide enough to hold it, and a note printed after the bar (for example "n = 42").
         */
        public record Row(String label, List<Double> shares, List<String> shownShares, String note) {
            public Row {
                Objects.requireNonNull(label, "label");
                shares = List.copyOf(shares);
                shownShares = List.copyOf(shownShares);
                Objects.requireNonNull(note, "note");
                if (shownShares.size() != shares.size()) {
                    throw new IllegalArgumentException("Row '" + label + "' has " + shares.size() + " shares but "
                            + shownShares.size() + " shown shares");
                }
            }
        }
    }

    /**
     * A diverging bar per row for an ordered scale (a Likert item): the shares of the points below the
     * neutral point extend left of a centre line, those above it extend right, and the neutral point's share
     * is split across the line. {@code points} are in scale order, from the most negative.
     */
    record DivergingBars(List<String> points, int neutralPoint, List<StackedBars.Row> rows) implements Chart {
        public DivergingBars {
            points = List.copyOf(points);
            rows = List.copyOf(rows);
            if (points.size() < 2) {
                throw new IllegalArgumentException("A diverging scale needs at least two points");
            }
            if (neutralPoint < -1 || neutralPoint >= points.size()) {
                throw new IllegalArgumentException("The neutral point must be -1 (none) or a point index, was "
                        + neutralPoint);
            }
            for (StackedBars.Row row : rows) {
                requireShares(row.label(), row.shares(), points.size());
            }
        }
    }

    /**
     * Where one value (a trust's) falls on the spread of its peers: per row, a line from the lowest to the
     * highest peer value, a box over the middle half (lower to upper quartile), a mark at the median and a
     * dot at the value. A row with no peer spread (suppressed) draws only its note.
     */
    record BandPositions(List<Position> rows) implements Chart {
        public BandPositions {
            rows = List.copyOf(rows);
        }

        /**
         * A row: its label, the peers' spread (absent when suppressed), the value to place (absent when the
         * trust gave none) and the words printed after it, such as "in the middle half of acute trusts".
         */
        public record Position(String label, java.util.Optional<Spread> spread, java.util.Optional<Double> value,
                String note) {
            public Position {
                Objects.requireNonNull(label, "label");
                Objects.requireNonNull(spread, "spread");
                Objects.requireNonNull(value, "value");
                Objects.requireNonNull(note, "note");
            }
        }

        /** The five numbers of a spread, in order. */
        public record Spread(double min, double lowerQuartile, double median, double upperQuartile, double max) {
            public Spread {
                if (!(min <= lowerQuartile && lowerQuartile <= median && median <= upperQuartile
                        && upperQuartile <= max)) {
                    throw new IllegalArgumentException("A spread must be ordered min ≤ Q1 ≤ median ≤ Q3 ≤ max");
                }
            }
        }
    }

    private static void requireShares(String label, List<Double> shares, int categories) {
        if (!shares.isEmpty() && shares.size() != categories) {
            throw new IllegalArgumentException("Row '" + label + "' has " + shares.size() + " shares for "
                    + categories + " categories");
        }
        double total = 0;
        for (double share : shares) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("Row '" + label + "' has a share outside 0..1: " + share);
            }
            total += share;
        }
        if (total > 1.0001) {
            throw new IllegalArgumentException("Row '" + label + "' has shares adding up to " + total);
        }
    }
}
