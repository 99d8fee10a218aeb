package nhssm.report.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

import nhssm.report.document.Chart;
import nhssm.report.document.Chart.BandPositions;
import nhssm.report.document.Chart.DivergingBars;
import nhssm.report.document.Chart.HorizontalBars;
import nhssm.report.document.Chart.StackedBars;

/**
 * A chart reduced to what is drawn, independent of the page: a key, rows of marks placed on a plot that
 * runs from 0 to 1, and a guide if any (a reference line or the values at the ends of the scale). Every kind of
 * {@link Chart} becomes one of these here, so {@link ChartDrawer} has one way of laying out and drawing
 * labels, marks and notes for all of them.
 */
record ChartMarks(List<KeyEntry> key, List<Row> rows, Optional<Guide> guide) {

    ChartMarks {
        key = List.copyOf(key);
        rows = List.copyOf(rows);
    }

    /** One row: its label (left), its marks and its note (after the marks). */
    record Row(String label, List<Mark> marks, String note) {
        Row {
            marks = List.copyOf(marks);
        }

        /** Where the row's marks end (0 when it has none), so that the note follows them. */
        double end() {
            double end = 0;
            for (Mark mark : marks) {
                end = Math.max(end, mark.end());
            }
            return end;
        }
    }

    /** What a row draws, on the 0..1 plot. */
    sealed interface Mark {
        double end();
    }

    /** A bar or part of a stacked bar, with the text printed inside it when there is room (or null). */
    record Segment(double from, double to, ChartPalette.Fill fill, String text) implements Mark {
        @Override
        public double end() {
            return to;
        }
    }

    /** A line from the lowest to the highest value of a spread. */
    record Range(double from, double to) implements Mark {
        @Override
        public double end() {
            return to;
        }
    }

    /** A box over the middle half of a spread. */
    record Box(double from, double to) implements Mark {
        @Override
        public double end() {
            return to;
        }
    }

    /** The mark at a spread's median. */
    record Median(double at) implements Mark {
        @Override
        public double end() {
            return at;
        }
    }

    /** The value placed on a spread. */
    record Dot(double at) implements Mark {
        @Override
        public double end() {
            return at;
        }
    }

    /** An entry of the key: the symbol as it is drawn and what it stands for. */
    record KeyEntry(Symbol symbol, String label) {
    }

    /** The sample drawn before a key entry's words. */
    sealed interface Symbol permits Swatch, Shape {
    }

    /** A square of a category's fill. */
    record Swatch(ChartPalette.Fill fill) implements Symbol {
    }

    /** A small copy of one of the marks of a spread. */
    enum Shape implements Symbol {
        RANGE, BOX, MEDIAN, DOT
    }

    /** What helps read the plot as a whole. */
    sealed interface Guide permits Line, Ends {
    }

    /** A vertical line at a place on the plot: the origin of bars, or the centre of a diverging scale. */
    record Line(double at) implements Guide {
    }

    /** The values at the two ends of a common scale, printed under the rows. */
    record Ends(String low, String high) implements Guide {
    }

    static ChartMarks of(Chart chart) {
        return switch (chart) {
            case HorizontalBars bars -> bars(bars);
            case StackedBars stacked -> stacked(stacked);
            case DivergingBars diverging -> diverging(diverging);
            case BandPositions bands -> bands(bands);
        };
    }

    private static ChartMarks bars(HorizontalBars chart) {
        List<Row> rows = new ArrayList<>();
        for (HorizontalBars.Bar bar : chart.bars()) {
            // The value is printed after the bar, not inside it, so even a short bar is labelled.
            List<Mark> marks = bar.value() > 0
                    ? List.of(new Segment(0, bar.value() / chart.max(), ChartPalette.BAR, null))
                    : List.of();
            rows.add(new Row(bar.label(), marks, bar.shownValue()));
        }
        return new ChartMarks(List.of(), rows, Optional.of(new Line(0)));
    }

    private static ChartMarks stacked(StackedBars chart) {
        List<KeyEntry> key = new ArrayList<>();
        List<ChartPalette.Fill> fills = new ArrayList<>();
        for (int i = 0; i < chart.categories().size(); i++) {
            fills.add(ChartPalette.category(i));
            key.add(new KeyEntry(new Swatch(fills.get(i)), chart.categories().get(i)));
        }
        List<Row> rows = new ArrayList<>();
        for (StackedBars.Row row : chart.rows()) {
            rows.add(new Row(row.label(), segments(row, 0, 1, fills), row.note()));
        }
        return new ChartMarks(key, rows, Optional.of(new Line(0)));
    }

    /**
     * A diverging scale: each row starts left of the centre by its share below the neutral point plus half
     * the neutral share, so the neutral segment straddles the centre line; the plot spans the widest extent
     * on each side over all rows.
     */
    private static ChartMarks diverging(DivergingBars chart) {
        int points = chart.points().size();
        List<ChartPalette.Fill> fills = ChartPalette.scale(points, chart.neutralPoint());
        List<KeyEntry> key = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            key.add(new KeyEntry(new Swatch(fills.get(i)), chart.points().get(i)));
        }
        int firstAbove = chart.neutralPoint() >= 0 ? chart.neutralPoint() + 1 : points / 2;
        double left = 0;
        double right = 0;
        for (StackedBars.Row row : chart.rows()) {
            left = Math.max(left, leftOfCentre(row, chart.neutralPoint(), firstAbove));
            right = Math.max(right, total(row) - leftOfCentre(row, chart.neutralPoint(), firstAbove));
        }
        if (left + right == 0) {
            left = 0.5;
            right = 0.5;
        }
        double scale = 1 / (left + right);
        double centre = left * scale;
        List<Row> rows = new ArrayList<>();
        for (StackedBars.Row row : chart.rows()) {
            double start = centre - leftOfCentre(row, chart.neutralPoint(), firstAbove) * scale;
            rows.add(new Row(row.label(), segments(row, start, scale, fills), row.note()));
        }
        return new ChartMarks(key, rows, Optional.of(new Line(centre)));
    }

    private static double leftOfCentre(StackedBars.Row row, int neutralPoint, int firstAbove) {
        double left = 0;
        for (int i = 0; i < row.shares().size() && i < firstAbove; i++) {
            left += i == neutralPoint ? row.shares().get(i) / 2 : row.shares().get(i);
        }
        return left;
    }

    private static double total(StackedBars.Row row) {
        double total = 0;
        for (double share : row.shares()) {
            total += share;
        }
        return total;
    }

    /** A row's shares end to end from {@code start}; empty shares (a suppressed row) give no segments. */
    private static List<Mark> segments(StackedBars.Row row, double start, double scale, List<ChartPalette.Fill> fills) {
        List<Mark> segments = new ArrayList<>();
        double x = start;
        for (int i = 0; i < row.shares().size(); i++) {
            double length = row.shares().get(i) * scale;
            if (length > 0) {
                segments.add(new Segment(x, x + length, fills.get(i), row.shownShares().get(i)));
            }
            x += length;
        }
        return segments;
    }

    /** Spreads and values on one scale from the lowest to the highest number in the chart. */
    private static ChartMarks bands(BandPositions chart) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (BandPositions.Position row : chart.rows()) {
            for (double number : numbers(row)) {
                low = Math.min(low, number);
                high = Math.max(high, number);
            }
        }
        if (low > high) {
            // Every row suppressed: no scale to show, only the labels and notes.
            low = 0;
            high = 1;
        }
        double lowest = low;
        double span = high - low;
        // With a single number throughout, everything sits in the middle of the plot.
        DoubleUnaryOperator at = value -> span == 0 ? 0.5 : (value - lowest) / span;

        List<Row> rows = new ArrayList<>();
        for (BandPositions.Position row : chart.rows()) {
            // Without the peers' spread (suppressed) there is nothing to place the value on: the note says why.
            List<Mark> marks = new ArrayList<>();
            row.spread().ifPresent(spread -> {
                marks.add(new Range(at.applyAsDouble(spread.min()), at.applyAsDouble(spread.max())));
                marks.add(new Box(at.applyAsDouble(spread.lowerQuartile()), at.applyAsDouble(spread.upperQuartile())));
                marks.add(new Median(at.applyAsDouble(spread.median())));
                row.value().ifPresent(value -> marks.add(new Dot(at.applyAsDouble(value))));
            });
            rows.add(new Row(row.label(), marks, row.note()));
        }
        // The key names only what the chart draws: a national chart of peer spreads places no trust.
        List<KeyEntry> key = new ArrayList<>();
        if (rows.stream().anyMatch(row -> !row.marks().isEmpty())) {
            key.add(new KeyEntry(Shape.RANGE, "Line: lowest to highest"));
            key.add(new KeyEntry(Shape.BOX, "Box: middle half (lower to upper quartile)"));
            key.add(new KeyEntry(Shape.MEDIAN, "Tall mark: median"));
        }
        if (rows.stream().anyMatch(row -> row.marks().stream().anyMatch(Dot.class::isInstance))) {
            key.add(new KeyEntry(Shape.DOT, "Dot: this trust"));
        }
        Optional<Guide> ends = key.isEmpty() ? Optional.empty() : Optional.of(new Ends(number(low), number(high)));
        return new ChartMarks(key, rows, ends);
    }

    private static List<Double> numbers(BandPositions.Position row) {
        List<Double> numbers = new ArrayList<>();
        row.spread().ifPresent(spread -> {
            numbers.addAll(List.of(spread.min(), spread.max()));
            row.value().ifPresent(numbers::add);
        });
        return numbers;
    }

    /** A scale end as printed: at most two decimals, no trailing zeros, no exponent. */
    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
