package nhssm.report.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

import nhssm.report.document.Chart;
import nhssm.report.document.Chart.BandPositions;
import nhssm.report.document.Chart.DivergingBars;
import nhssm.report.document.Chart.HorizontalBars;
import nhssm.report.document.Chart.StackedBars;

/**
 * A chart reduced to what is drawn, independent of the medium: a key, rows of marks placed on a plot, and a
 * guide if any (a reference line or the values at the ends of the scale). Every kind of {@link Chart} becomes
 * one of these here, and every renderer (PDF, HTML) draws from it, so the geometry of a chart — where a share
 * starts and ends, where a diverging scale's centre is, which scale the spreads share, what the key names — is
 * decided once and a chart looks the same in every format. A renderer only maps the plot to its own units,
 * places text and wraps it.
 *
 * <p>Every position here is in units of the plot's width: 0 is its left edge and 1 its right edge. A row is
 * read left to right: its label, its marks, then its note after the last mark.
 */
public record ChartMarks(List<KeyEntry> key, List<Row> rows, Optional<Guide> guide) {

    public ChartMarks {
        key = List.copyOf(key);
        rows = List.copyOf(rows);
        Objects.requireNonNull(guide, "guide");
    }

    /**
     * One row: its label (printed before the marks), its marks in drawing order (empty for a suppressed row,
     * which shows only its label and note) and its note (printed after the marks, such as "n = 42" or "[c]").
     */
    public record Row(String label, List<Mark> marks, String note) {
        public Row {
            marks = List.copyOf(marks);
        }

        /** Where the row's marks end on the plot (0 when it has none), so that the note follows them. */
        public double end() {
            double end = 0;
            for (Mark mark : marks) {
                end = Math.max(end, mark.end());
            }
            return end;
        }
    }

    /** What a row draws, placed on the 0..1 plot. */
    public sealed interface Mark permits Segment, Range, Box, Median, Dot {
        /** The rightmost place the mark covers. */
        double end();
    }

    /**
     * A bar, or one category's part of a stacked or diverging bar, from {@code from} to {@code to}. Segments
     * of a row follow each other in category order, each starting where the previous one ends, so a renderer
     * parts neighbours (by a white gap or edge) where one's {@code to} equals the next's {@code from}.
     * {@code texts} are what may be printed inside it, most informative first (for example "Has a strategy
     * 60%", then "60%"): a renderer prints the first that fits with padding, or none — the table after the
     * figure holds every value.
     */
    public record Segment(double from, double to, ChartPalette.Fill fill, List<String> texts) implements Mark {
        public Segment {
            Objects.requireNonNull(fill, "fill");
            texts = texts.stream().filter(text -> text != null && !text.isBlank()).toList();
        }

        @Override
        public double end() {
            return to;
        }
    }

    /** The line from the lowest to the highest value of a spread, with short caps at both ends. */
    public record Range(double from, double to) implements Mark {
        @Override
        public double end() {
            return to;
        }
    }

    /** The box over the middle half of a spread, from the lower to the upper quartile. */
    public record Box(double from, double to) implements Mark {
        @Override
        public double end() {
            return to;
        }
    }

    /** The upright mark at a spread's median, across the box. */
    public record Median(double at) implements Mark {
        @Override
        public double end() {
            return at;
        }
    }

    /** The value placed on a spread (a trust's): a dot, drawn last so it sits on top of the spread. */
    public record Dot(double at) implements Mark {
        @Override
        public double end() {
            return at;
        }
    }

    /** An entry of the key, in the order the key lists them: the symbol as it is drawn and what it stands for. */
    public record KeyEntry(Symbol symbol, String label) {
    }

    /** The sample drawn before a key entry's words. */
    public sealed interface Symbol permits Swatch, Shape {
    }

    /** A square of a category's fill. */
    public record Swatch(ChartPalette.Fill fill) implements Symbol {
    }

    /** A small copy of one of the marks of a spread, drawn as the mark itself is. */
    public enum Shape implements Symbol {
        RANGE, BOX, MEDIAN, DOT
    }

    /** What helps read the plot as a whole. */
    public sealed interface Guide permits Line, Ends {
    }

    /**
     * An upright line at {@code at} across the rows that have marks: the origin of bars (0), or the centre of
     * a diverging scale. It is drawn before the marks, so it shows between them.
     */
    public record Line(double at) implements Guide {
    }

    /** The values at the two ends (0 and 1) of a common scale, printed under the rows. */
    public record Ends(String low, String high) implements Guide {
    }

    /** The marks of a chart. */
    public static ChartMarks of(Chart chart) {
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
                    ? List.of(new Segment(0, bar.value() / chart.max(), ChartPalette.BAR, List.of()))
                    : List.of();
            rows.add(new Row(bar.label(), marks, bar.shownValue()));
        }
        return new ChartMarks(List.of(), rows, Optional.of(new Line(0)));
    }

    private static ChartMarks stacked(StackedBars chart) {
        List<ChartPalette.Fill> fills = new ArrayList<>();
        for (int i = 0; i < chart.categories().size(); i++) {
            fills.add(ChartPalette.category(i));
        }
        List<Row> rows = new ArrayList<>();
        for (StackedBars.Row row : chart.rows()) {
            rows.add(new Row(row.label(), segments(row, chart.categories(), 0, 1, fills), row.note()));
        }
        return new ChartMarks(key(chart.categories(), fills), rows, Optional.of(new Line(0)));
    }

    /**
     * A diverging scale: each row starts left of the centre by its share below the neutral point plus half
     * the neutral share, so the neutral segment straddles the centre line; the plot spans the widest extent
     * on each side over all rows. Without a neutral point the lower half of the scale (rounded down) is below
     * the centre.
     */
    private static ChartMarks diverging(DivergingBars chart) {
        int points = chart.points().size();
        List<ChartPalette.Fill> fills = ChartPalette.scale(points, chart.neutralPoint());
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
            rows.add(new Row(row.label(), segments(row, chart.points(), start, scale, fills), row.note()));
        }
        return new ChartMarks(key(chart.points(), fills), rows, Optional.of(new Line(centre)));
    }

    private static List<KeyEntry> key(List<String> categories, List<ChartPalette.Fill> fills) {
        List<KeyEntry> key = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            key.add(new KeyEntry(new Swatch(fills.get(i)), categories.get(i)));
        }
        return key;
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

    /**
     * A row's shares end to end from {@code start}; empty shares (a suppressed row) give no segments. A
     * segment names its category as well as its share when there is room, so it reads without the key.
     */
    private static List<Mark> segments(StackedBars.Row row, List<String> categories, double start, double scale,
            List<ChartPalette.Fill> fills) {
        List<Mark> segments = new ArrayList<>();
        double x = start;
        for (int i = 0; i < row.shares().size(); i++) {
            double length = row.shares().get(i) * scale;
            String shown = row.shownShares().get(i);
            if (length > 0) {
                List<String> texts = shown.isBlank() ? List.of() : List.of(categories.get(i) + " " + shown, shown);
                segments.add(new Segment(x, x + length, fills.get(i), texts));
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
    public static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
