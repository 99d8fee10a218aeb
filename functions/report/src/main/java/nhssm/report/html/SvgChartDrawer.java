package nhssm.report.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import nhssm.http.HtmlText;
import nhssm.report.chart.ChartMarks;
import nhssm.report.chart.ChartMarks.Box;
import nhssm.report.chart.ChartMarks.Dot;
import nhssm.report.chart.ChartMarks.Ends;
import nhssm.report.chart.ChartMarks.KeyEntry;
import nhssm.report.chart.ChartMarks.Line;
import nhssm.report.chart.ChartMarks.Mark;
import nhssm.report.chart.ChartMarks.Median;
import nhssm.report.chart.ChartMarks.Range;
import nhssm.report.chart.ChartMarks.Segment;
import nhssm.report.chart.ChartMarks.Shape;
import nhssm.report.chart.ChartMarks.Swatch;
import nhssm.report.chart.ChartPalette;
import nhssm.report.document.Chart;

/**
 * Draws a {@link Chart} as inline SVG from its {@link ChartMarks}, in the {@link ChartPalette}: an image whose
 * accessible name is the figure's alternative text, with every name and value printed on the chart. What goes
 * where on the plot is decided by ChartMarks, as for the PDF; this class only maps the plot to pixels, places
 * the text and wraps it. Here each row's label is printed above its marks (a narrow screen keeps the full
 * width for the bars), the key lists one entry per line, and segments are parted by a white edge.
 *
 * <p>Text widths are estimated, not measured (the browser's font is unknown): generously, so labels wrap
 * before they could overflow. The output depends on the chart only.
 */
final class SvgChartDrawer {

    private static final String TEXT = ChartPalette.TEXT.hex();
    private static final String WHITE = ChartPalette.WHITE.hex();

    static final double WIDTH = 640;
    private static final double FONT = 14;
    private static final double SMALL = 12;
    private static final double LINE = 18;
    private static final double BAR_HEIGHT = 20;
    private static final double ROW_GAP = 12;
    private static final double PADDING = 4;
    /** Where the plot starts: room for the dot or end cap of a mark at 0. */
    private static final double PLOT_LEFT = 8;
    private static final double DOT_RADIUS = 6;
    /** From the end of the marks to the note: past a dot's ring. */
    private static final double NOTE_GAP = DOT_RADIUS + 4;
    private static final double INSIDE_PADDING = 3;
    private static final double SWATCH = 14;
    /** The width of a key's symbol: a swatch, or a small copy of a spread's mark. */
    private static final double KEY_SYMBOL = 24;
    private static final double KEY_TEXT = KEY_SYMBOL + 8;

    /** The chart as an {@code <svg>} element named by a {@code <title>} with id {@code titleId} holding {@code altText}. */
    String draw(Chart chart, String titleId, String altText) {
        ChartMarks marks = ChartMarks.of(chart);
        Canvas canvas = new Canvas();
        double height = draw(marks, canvas);
        String id = HtmlText.escape(titleId);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"" + id + "\" viewBox=\"0 0 "
                + number(WIDTH) + " " + number(height) + "\" width=\"" + number(WIDTH) + "\" height=\"" + number(height)
                + "\" font-size=\"" + number(FONT) + "\">\n"
                + "<title id=\"" + id + "\">" + HtmlText.escape(altText) + "</title>\n"
                + canvas
                + "</svg>";
    }

    /** Draws the key, the rows and the guide from the top down. Returns the height they take. */
    private static double draw(ChartMarks marks, Canvas canvas) {
        Plot plot = new Plot(plotWidth(marks.rows()));
        double y = key(marks.key(), canvas, PADDING);
        for (ChartMarks.Row row : marks.rows()) {
            y = canvas.lines(wrap(row.label(), WIDTH, FONT), 0, y, FONT, TEXT) + 2;
            // The guide line first, so that the marks cover it and it shows above and below them.
            if (marks.guide().orElse(null) instanceof Line line) {
                double at = plot.x(line.at());
                canvas.line(at, y - 4, at, y + BAR_HEIGHT + 4, ChartPalette.AXIS.hex(), 2);
            }
            for (Mark mark : row.marks()) {
                mark(canvas, mark, plot, y);
            }
            double noteX = row.marks().isEmpty() ? plot.x(0) + 4 : plot.x(row.end()) + NOTE_GAP;
            y = after(canvas, row.note(), noteX, noteWidth(marks, plot, row, noteX), y) + ROW_GAP;
        }
        if (marks.guide().orElse(null) instanceof Ends ends) {
            y = ends(canvas, ends, plot, y);
        }
        return Math.max(y - ROW_GAP, 0) + PADDING;
    }

    /** The plot mapped to pixels: from {@link #PLOT_LEFT}, {@code width} wide. */
    private record Plot(double width) {
        double x(double at) {
            return PLOT_LEFT + at * width;
        }
    }

    /** The width of the plot once room is kept on the right for the widest note after marks. */
    private static double plotWidth(List<ChartMarks.Row> rows) {
        double note = rows.stream().filter(row -> !row.marks().isEmpty())
                .mapToDouble(row -> textWidth(row.note(), FONT)).max().orElse(0);
        return Math.max(WIDTH - PLOT_LEFT - NOTE_GAP - note, WIDTH / 2);
    }

    /**
     * How wide a note may run: to the edge, or for a row without marks, up to a guide line to its right when
     * there is reasonable room before it, so that the line never crosses the words.
     */
    private static double noteWidth(ChartMarks marks, Plot plot, ChartMarks.Row row, double noteX) {
        double room = WIDTH - noteX;
        if (row.marks().isEmpty() && marks.guide().orElse(null) instanceof Line line) {
            double beforeLine = plot.x(line.at()) - 6 - noteX;
            if (beforeLine >= WIDTH / 4) {
                return beforeLine;
            }
        }
        return room;
    }

    /** One mark on the row whose bar band starts at {@code top}. */
    private static void mark(Canvas canvas, Mark mark, Plot plot, double top) {
        double centre = top + BAR_HEIGHT / 2;
        switch (mark) {
            case Segment segment -> {
                double left = plot.x(segment.from());
                double width = plot.x(segment.to()) - left;
                canvas.segment(left, top, width, BAR_HEIGHT, segment.fill().mark().hex());
                // The first text that fits inside; the table after the figure has them all.
                for (String text : segment.texts()) {
                    if (textWidth(text, SMALL) + 2 * INSIDE_PADDING <= width) {
                        canvas.text(left + width / 2, baseline(top, BAR_HEIGHT, SMALL), text, SMALL,
                                segment.fill().text().hex(), "middle");
                        break;
                    }
                }
            }
            case Range range -> range(canvas, plot.x(range.from()), plot.x(range.to()), centre, 5);
            case Box box -> {
                double left = plot.x(box.from());
                canvas.rect(left, centre - 7, Math.max(plot.x(box.to()) - left, 1), 14, ChartPalette.BOX.hex());
            }
            case Median median -> median(canvas, plot.x(median.at()), centre, BAR_HEIGHT / 2);
            case Dot dot -> dot(canvas, plot.x(dot.at()), centre);
        }
    }

    /** The line of a spread with short caps, so the extremes read as ends rather than as a line running on. */
    private static void range(Canvas canvas, double from, double to, double centre, double cap) {
        String colour = ChartPalette.RANGE.hex();
        canvas.line(from, centre, to, centre, colour, 2);
        canvas.line(from, centre - cap, from, centre + cap, colour, 2);
        canvas.line(to, centre - cap, to, centre + cap, colour, 2);
    }

    private static void median(Canvas canvas, double x, double centre, double half) {
        canvas.line(x, centre - half, x, centre + half, ChartPalette.MEDIAN.hex(), 2);
    }

    /** The placed value: a dot in a white ring, so it stands out from the box or line it sits on. */
    private static void dot(Canvas canvas, double x, double centre) {
        canvas.circle(x, centre, DOT_RADIUS, ChartPalette.DOT.hex(), WHITE, 2);
    }

    /**
     * Text after a row's marks from {@code x}, starting level with the bar at {@code top} and wrapping below
     * it when long. Returns the y below the bar and the text.
     */
    private static double after(Canvas canvas, String text, double x, double width, double top) {
        if (text.isBlank()) {
            return top + BAR_HEIGHT;
        }
        // The room kept for the widest note is exactly its width: a little slack for rounding.
        List<String> lines = wrap(text, width + 1, FONT);
        double baseline = baseline(top, BAR_HEIGHT, FONT);
        for (String line : lines) {
            canvas.text(x, baseline, line, FONT, TEXT, "start");
            baseline += LINE;
        }
        return top + BAR_HEIGHT + (lines.size() - 1) * LINE;
    }

    /** The values at the ends of the plot, on a scale line under the rows. Returns the y below them. */
    private static double ends(Canvas canvas, Ends ends, Plot plot, double y) {
        String axis = ChartPalette.AXIS.hex();
        double left = plot.x(0);
        double right = plot.x(1);
        canvas.line(left, y, right, y, axis, 1);
        canvas.line(left, y, left, y + 5, axis, 1);
        canvas.line(right, y, right, y + 5, axis, 1);
        canvas.text(left, y + 5 + FONT, ends.low(), FONT, TEXT, "start");
        canvas.text(right, y + 5 + FONT, ends.high(), FONT, TEXT, "end");
        return y + 5 + LINE + ROW_GAP;
    }

    /** The key: one entry per line in its order, the symbol and the words. Returns the y below it. */
    private static double key(List<KeyEntry> key, Canvas canvas, double y) {
        if (key.isEmpty()) {
            return y;
        }
        for (KeyEntry entry : key) {
            double centre = y + LINE / 2;
            switch (entry.symbol()) {
                case Swatch swatch -> canvas.rect(0, centre - SWATCH / 2, SWATCH, SWATCH, swatch.fill().mark().hex());
                case Shape shape -> {
                    switch (shape) {
                        case RANGE -> range(canvas, 2, KEY_SYMBOL - 2, centre, 4);
                        case BOX -> canvas.rect(0, centre - 6, KEY_SYMBOL, 12, ChartPalette.BOX.hex());
                        case MEDIAN -> median(canvas, KEY_SYMBOL / 2, centre, 8);
                        case DOT -> dot(canvas, KEY_SYMBOL / 2, centre);
                    }
                }
            }
            y = canvas.lines(wrap(entry.label(), WIDTH - KEY_TEXT, FONT), KEY_TEXT, y, FONT, TEXT);
        }
        return y + ROW_GAP;
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
