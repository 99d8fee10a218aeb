package nhssm.report.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import nhssm.report.document.Chart;
import nhssm.report.document.Chart.BandPositions;
import nhssm.report.document.Chart.DivergingBars;
import nhssm.report.document.Chart.HorizontalBars;
import nhssm.report.document.Chart.StackedBars;

/**
 * Draws a {@link Chart} as inline SVG: an image whose accessible name is the figure's alternative text, with
 * every name and value printed on the chart. Colour never carries meaning alone: segments follow the order
 * of a key drawn above them, are labelled where they are wide enough, and are parted by white gaps; the
 * band chart tells its marks apart by shape. Every mark is at least 4.5:1 against white (so white labels
 * inside marks read, and marks clear the 3:1 needed for graphics); dark text is 14:1. No red or green.
 *
 * <p>Text widths are estimated, not measured (the browser's font is unknown): generously, so labels wrap
 * before they could overflow. The output depends on the chart only.
 */
final class SvgChartDrawer {

    /** NHS Black: text on white, 14:1. */
    static final String TEXT = "#212b32";
    /** Labels inside marks. */
    static final String WHITE = "#ffffff";
    /** NHS Blue, 6.4:1: single-series bars and the middle-half box. */
    private static final String BAR = "#005eb8";
    /** NHS Dark Grey, 7.8:1: axes, whiskers and a diverging scale's neutral point. */
    private static final String AXIS = "#425563";
    /** Categories in order: blue, dark amber, purple, dark grey, dark blue (blue against amber for every colour vision). */
    private static final List<String> CATEGORIES = List.of("#005eb8", "#8a5a00", "#330072", "#425563", "#003087");
    /** A diverging scale's points below the centre, from the centre outwards: ambers, darker away from it. */
    private static final List<String> BELOW = List.of("#8a5a00", "#6b4600", "#4d3200");
    /** A diverging scale's points above the centre, from the centre outwards: blues, darker away from it. */
    private static final List<String> ABOVE = List.of("#005eb8", "#003087", "#001e55");

    static final double WIDTH = 640;
    private static final double FONT = 14;
    private static final double SMALL = 12;
    private static final double LINE = 18;
    private static final double BAR_HEIGHT = 20;
    private static final double ROW_GAP = 12;
    private static final double PADDING = 4;
    private static final double SWATCH = 14;

    /** The chart as an {@code <svg>} element named by a {@code <title>} with id {@code titleId} holding {@code altText}. */
    String draw(Chart chart, String titleId, String altText) {
        Canvas canvas = new Canvas();
        double height = switch (chart) {
            case HorizontalBars bars -> horizontalBars(bars, canvas);
            case StackedBars stacked -> stackedBars(stacked, canvas);
            case DivergingBars diverging -> divergingBars(diverging, canvas);
            case BandPositions bands -> bandPositions(bands, canvas);
        };
        String id = HtmlText.escape(titleId);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"" + id + "\" viewBox=\"0 0 "
                + number(WIDTH) + " " + number(height) + "\" width=\"" + number(WIDTH) + "\" height=\"" + number(height)
                + "\" font-size=\"" + number(FONT) + "\">\n"
                + "<title id=\"" + id + "\">" + HtmlText.escape(altText) + "</title>\n"
                + canvas
                + "</svg>";
    }

    // ---- Horizontal bars --------------------------------------------------------------------------

    private double horizontalBars(HorizontalBars chart, Canvas canvas) {
        double valueWidth = chart.bars().stream().mapToDouble(b -> textWidth(b.shownValue(), FONT)).max().orElse(0);
        double barSpace = Math.max(WIDTH - 8 - valueWidth, WIDTH / 3);
        double y = PADDING;
        for (HorizontalBars.Bar bar : chart.bars()) {
            // The name above its bar, then the bar to scale from a visible origin, then its value after it.
            y = canvas.lines(wrap(bar.label(), WIDTH, FONT), 0, y, FONT, TEXT);
            y += 2;
            canvas.line(0.5, y - 2, 0.5, y + BAR_HEIGHT + 2, AXIS, 1);
            double length = bar.value() / chart.max() * (barSpace - 1);
            if (length > 0) {
                canvas.rect(1, y, length, BAR_HEIGHT, BAR);
            }
            y = after(canvas, bar.shownValue(), 1 + length + 6, y) + ROW_GAP;
        }
        return y - ROW_GAP + PADDING;
    }

    /**
     * Text after a bar from {@code x}, starting level with the bar at {@code top} and wrapping below it when
     * long. Returns the y below the bar and the text.
     */
    private static double after(Canvas canvas, String text, double x, double top) {
        if (text.isBlank()) {
            return top + BAR_HEIGHT;
        }
        // The room kept for the widest text is exactly its width: a little slack for rounding.
        List<String> lines = wrap(text, WIDTH - x + 1, FONT);
        double baseline = baseline(top, BAR_HEIGHT, FONT);
        for (String line : lines) {
            canvas.text(x, baseline, line, FONT, TEXT, "start");
            baseline += LINE;
        }
        return top + BAR_HEIGHT + (lines.size() - 1) * LINE;
    }

    // ---- Stacked bars -----------------------------------------------------------------------------

    private double stackedBars(StackedBars chart, Canvas canvas) {
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < chart.categories().size(); i++) {
            colours.add(CATEGORIES.get(i % CATEGORIES.size()));
        }
        double y = key(chart.categories(), colours, canvas, PADDING);
        double barSpace = barSpace(chart.rows());
        for (StackedBars.Row row : chart.rows()) {
            y = canvas.lines(wrap(row.label(), WIDTH, FONT), 0, y, FONT, TEXT) + 2;
            if (row.shares().isEmpty()) {
                y = after(canvas, row.note(), 0, y) + ROW_GAP;
                continue;
            }
            double x = 0;
            for (int i = 0; i < row.shares().size(); i++) {
                double width = row.shares().get(i) * barSpace;
                segment(canvas, x, y, width, colours.get(i), chart.categories().get(i), row.shownShares().get(i));
                x += width;
            }
            y = after(canvas, row.note(), barSpace + 8, y) + ROW_GAP;
        }
        return y - ROW_GAP + PADDING;
    }

    // ---- Diverging bars ---------------------------------------------------------------------------

    private double divergingBars(DivergingBars chart, Canvas canvas) {
        int points = chart.points().size();
        int neutral = chart.neutralPoint();
        // Without a neutral point, the lower half of the scale (rounded down) is below the centre.
        int firstAbove = neutral >= 0 ? neutral + 1 : points / 2;
        int lastBelow = neutral >= 0 ? neutral - 1 : points / 2 - 1;
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            if (i == neutral) {
                colours.add(AXIS);
            } else if (i <= lastBelow) {
                colours.add(BELOW.get(Math.min(lastBelow - i, BELOW.size() - 1)));
            } else {
                colours.add(ABOVE.get(Math.min(i - firstAbove, ABOVE.size() - 1)));
            }
        }
        double y = key(chart.points(), colours, canvas, PADDING);

        // One scale for every row: the centre in the middle, the longest side of any row reaching the edge.
        double longestSide = 0;
        for (StackedBars.Row row : chart.rows()) {
            if (row.shares().isEmpty()) {
                continue;
            }
            double half = neutral >= 0 ? row.shares().get(neutral) / 2 : 0;
            double below = half;
            double above = half;
            for (int i = 0; i < points; i++) {
                below += i <= lastBelow ? row.shares().get(i) : 0;
                above += i >= firstAbove ? row.shares().get(i) : 0;
            }
            longestSide = Math.max(longestSide, Math.max(below, above));
        }
        double barSpace = barSpace(chart.rows());
        double centre = barSpace / 2;
        double scale = centre / (longestSide > 0 ? longestSide : 1);

        for (StackedBars.Row row : chart.rows()) {
            y = canvas.lines(wrap(row.label(), WIDTH, FONT), 0, y, FONT, TEXT) + 2;
            if (row.shares().isEmpty()) {
                y = after(canvas, row.note(), 0, y) + ROW_GAP;
                continue;
            }
            // The centre line first, so the bar covers it and it shows above and below against white.
            canvas.line(centre, y - 4, centre, y + BAR_HEIGHT + 4, TEXT, 2);
            double half = neutral >= 0 ? row.shares().get(neutral) * scale / 2 : 0;
            if (neutral >= 0) {
                segment(canvas, centre - half, y, 2 * half, colours.get(neutral), chart.points().get(neutral),
                        row.shownShares().get(neutral));
            }
            double x = centre - half;
            for (int i = lastBelow; i >= 0; i--) {
                double width = row.shares().get(i) * scale;
                segment(canvas, x - width, y, width, colours.get(i), chart.points().get(i), row.shownShares().get(i));
                x -= width;
            }
            x = centre + half;
            for (int i = firstAbove; i < points; i++) {
                double width = row.shares().get(i) * scale;
                segment(canvas, x, y, width, colours.get(i), chart.points().get(i), row.shownShares().get(i));
                x += width;
            }
            y = after(canvas, row.note(), barSpace + 8, y) + ROW_GAP;
        }
        return y - ROW_GAP + PADDING;
    }

    // ---- Band positions ---------------------------------------------------------------------------

    private double bandPositions(BandPositions chart, Canvas canvas) {
        // Without the peers' spread (suppressed) there is nothing to place a value on: the row shows its note.
        List<BandPositions.Position> placed = chart.rows().stream().filter(p -> p.spread().isPresent()).toList();
        double y = PADDING;
        // A key by shape, so that no mark is told apart by colour, naming only what the chart draws.
        double row = 22;
        if (!placed.isEmpty()) {
            canvas.line(4, y + row / 2, 40, y + row / 2, AXIS, 2);
            canvas.text(52, baseline(y, row, FONT), "Line: lowest to highest", FONT, TEXT, "start");
            y += row;
            canvas.rect(4, y + 4, 36, row - 8, BAR);
            canvas.text(52, baseline(y, row, FONT), "Box: middle half (lower to upper quartile)", FONT, TEXT, "start");
            y += row;
            medianMark(canvas, 22, y + row / 2);
            canvas.text(52, baseline(y, row, FONT), "Tall mark: median", FONT, TEXT, "start");
            y += row;
        }
        if (placed.stream().anyMatch(p -> p.value().isPresent())) {
            dot(canvas, 22, y + row / 2);
            canvas.text(52, baseline(y, row, FONT), "Dot: this trust", FONT, TEXT, "start");
            y += row;
        }
        y += placed.isEmpty() ? 0 : ROW_GAP;

        // One scale for every row, from the lowest to the highest number drawn.
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (BandPositions.Position position : placed) {
            BandPositions.Spread spread = position.spread().orElseThrow();
            low = Math.min(low, Math.min(spread.min(), position.value().orElse(spread.min())));
            high = Math.max(high, Math.max(spread.max(), position.value().orElse(spread.max())));
        }
        if (low == high) {
            low -= 1;
            high += 1;
        }
        double left = 10;
        double right = WIDTH - 10;
        double from = low;
        double span = high - low;
        DoubleUnaryOperator x = v -> left + (v - from) / span * (right - left);

        double marks = 24;
        for (BandPositions.Position position : chart.rows()) {
            y = canvas.lines(wrap(position.label(), WIDTH, FONT), 0, y, FONT, TEXT);
            if (position.spread().isPresent()) {
                double centreY = y + marks / 2;
                BandPositions.Spread spread = position.spread().get();
                canvas.line(x.applyAsDouble(spread.min()), centreY, x.applyAsDouble(spread.max()), centreY, AXIS, 2);
                canvas.line(x.applyAsDouble(spread.min()), centreY - 5, x.applyAsDouble(spread.min()), centreY + 5, AXIS, 2);
                canvas.line(x.applyAsDouble(spread.max()), centreY - 5, x.applyAsDouble(spread.max()), centreY + 5, AXIS, 2);
                double boxLeft = x.applyAsDouble(spread.lowerQuartile());
                canvas.rect(boxLeft, centreY - 7, x.applyAsDouble(spread.upperQuartile()) - boxLeft, 14, BAR);
                medianMark(canvas, x.applyAsDouble(spread.median()), centreY);
                position.value().ifPresent(value -> dot(canvas, x.applyAsDouble(value), centreY));
                y += marks;
            }
            y = canvas.lines(wrap(position.note(), WIDTH, FONT), 0, y, FONT, TEXT) + ROW_GAP;
        }

        if (!placed.isEmpty()) {
            // The scale, with its two ends written out.
            canvas.line(left, y, right, y, AXIS, 1);
            canvas.line(left, y, left, y + 5, AXIS, 1);
            canvas.line(right, y, right, y + 5, AXIS, 1);
            canvas.text(left, y + 5 + FONT, number(low), FONT, TEXT, "start");
            canvas.text(right, y + 5 + FONT, number(high), FONT, TEXT, "end");
            y += 5 + LINE;
        }
        return y + PADDING;
    }

    /** The median: a dark upright bar in a white halo, visible on the blue box and on white alike. */
    private static void medianMark(Canvas canvas, double x, double centreY) {
        canvas.line(x, centreY - 10, x, centreY + 10, WHITE, 6);
        canvas.line(x, centreY - 10, x, centreY + 10, TEXT, 2);
    }

    /** The trust's value: a dark dot in a white ring, visible on the blue box and on white alike. */
    private static void dot(Canvas canvas, double x, double centreY) {
        canvas.circle(x, centreY, 6, TEXT, WHITE, 2);
    }

    // ---- Shared parts -----------------------------------------------------------------------------

    /** The key: one line per category in drawing order, a swatch and the name. Returns the y below it. */
    private double key(List<String> names, List<String> colours, Canvas canvas, double y) {
        for (int i = 0; i < names.size(); i++) {
            List<String> lines = wrap(names.get(i), WIDTH - SWATCH - 8, FONT);
            canvas.rect(0, y + (LINE - SWATCH) / 2, SWATCH, SWATCH, colours.get(i));
            y = canvas.lines(lines, SWATCH + 8, y, FONT, TEXT);
        }
        return y + ROW_GAP;
    }

    /** The width of the bars once room is kept on the right for the widest note. */
    private static double barSpace(List<StackedBars.Row> rows) {
        double note = rows.stream().filter(r -> !r.shares().isEmpty())
                .mapToDouble(r -> textWidth(r.note(), FONT)).max().orElse(0);
        return Math.max(WIDTH - 8 - note, WIDTH / 2);
    }

    /**
     * One segment, with a white edge parting it from its neighbours, and inside it the category and its
     * share, or only the share, whichever fits (the table after the figure has them all).
     */
    private static void segment(Canvas canvas, double x, double y, double width, String colour, String category,
            String shown) {
        if (width <= 0) {
            return;
        }
        canvas.segment(x, y, width, BAR_HEIGHT, colour);
        for (String label : List.of(category + " " + shown, shown)) {
            if (!label.isBlank() && !shown.isBlank() && textWidth(label, SMALL) + 6 <= width) {
                canvas.text(x + width / 2, baseline(y, BAR_HEIGHT, SMALL), label, SMALL, WHITE, "middle");
                return;
            }
        }
    }

    private static double baseline(double top, double height, double size) {
        return top + height / 2 + size * 0.35;
    }

    /**
     * A generous estimate of the width of {@code text}: 0.6 em a character (average sans-serif letters are
     * nearer 0.5), 1 em for wide East Asian characters and emoji.
     */
    static double textWidth(String text, double size) {
        return text.codePoints().mapToDouble(c -> c >= 0x2E80 ? 1.0 : 0.6).sum() * size;
    }

    /** The text in lines no wider than {@code width}, broken at spaces, and inside a word longer than a line. */
    static List<String> wrap(String text, double width, double size) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (textWidth(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // A word too long for a line on its own is cut between code points.
            int start = 0;
            int[] codePoints = word.codePoints().toArray();
            for (int end = 1; end <= codePoints.length; end++) {
                String piece = new String(codePoints, start, end - start);
                if (textWidth(piece, size) > width && end - start > 1) {
                    lines.add(new String(codePoints, start, end - 1 - start));
                    start = end - 1;
                }
            }
            line.append(new String(codePoints, start, codePoints.length - start));
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A coordinate with at most two decimals and no trailing zeros, the same on every machine. */
    static String number(double value) {
        BigDecimal rounded = BigDecimal.valueOf(Math.round(value * 100), 2).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /** The SVG elements of a chart, in drawing order. */
    private static final class Canvas {
        private final StringBuilder out = new StringBuilder();

        void rect(double x, double y, double width, double height, String fill) {
            out.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y))
                    .append("\" width=\"").append(number(width)).append("\" height=\"").append(number(height))
                    .append("\" fill=\"").append(fill).append("\"/>\n");
        }

        /** A segment of a bar: a rectangle with a white edge, so that neighbours part without relying on colour. */
        void segment(double x, double y, double width, double height, String fill) {
            out.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y))
                    .append("\" width=\"").append(number(width)).append("\" height=\"").append(number(height))
                    .append("\" fill=\"").append(fill).append("\" stroke=\"").append(WHITE)
                    .append("\" stroke-width=\"1\"/>\n");
        }

        void line(double x1, double y1, double x2, double y2, String stroke, double width) {
            out.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1))
                    .append("\" x2=\"").append(number(x2)).append("\" y2=\"").append(number(y2))
                    .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(number(width))
                    .append("\"/>\n");
        }

        void circle(double cx, double cy, double r, String fill, String stroke, double strokeWidth) {
            out.append("<circle cx=\"").append(number(cx)).append("\" cy=\"").append(number(cy))
                    .append("\" r=\"").append(number(r)).append("\" fill=\"").append(fill).append("\" stroke=\"")
                    .append(stroke).append("\" stroke-width=\"").append(number(strokeWidth)).append("\"/>\n");
        }

        void text(double x, double baseline, String text, double size, String fill, String anchor) {
            out.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(baseline)).append('"');
            if (size != FONT) {
                out.append(" font-size=\"").append(number(size)).append('"');
            }
            if (!"start".equals(anchor)) {
                out.append(" text-anchor=\"").append(anchor).append('"');
            }
            out.append(" fill=\"").append(fill).append("\">").append(HtmlText.escape(text)).append("</text>\n");
        }

        /** Lines of text from the top {@code y} down, one {@link #LINE} each. Returns the y below the last. */
        double lines(List<String> lines, double x, double y, double size, String fill) {
            for (String line : lines) {
                text(x, baseline(y, LINE, size), line, size, fill, "start");
                y += LINE;
            }
            return y;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
