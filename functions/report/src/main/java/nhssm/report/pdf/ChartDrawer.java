package nhssm.report.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
import nhssm.report.chart.ChartMarks.Symbol;
import nhssm.report.chart.ChartPalette;
import nhssm.report.document.Chart;
import nhssm.report.document.Span;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Draws charts as vector paths from their {@link ChartMarks}, in the {@link ChartPalette}: each row's label on
 * the left (wrapped), its marks on a common plot, shares printed inside segments wide enough to hold them,
 * and its note after the marks; the key in its order above the rows. What goes where on the plot is decided
 * by ChartMarks; this class only maps it to points on the page and sets the text. The caller opens the
 * Figure's marked-content sequence.
 *
 * <p>A chart is laid out once for a width ({@link #layout}); its rows can then be drawn in consecutive parts
 * so that a chart taller than a page continues on the next one, repeating its key and guide.
 */
final class ChartDrawer {

    private static final float BAR_HEIGHT = 14;
    private static final float ROW_GAP = 6;
    private static final float PADDING = 6;
    private static final float LABEL_GAP = 8;
    /** The white gap between neighbouring segments, so they never meet colour to colour. */
    private static final float SEGMENT_GAP = 1.5f;
    private static final float INSIDE_PADDING = 2;
    private static final float DOT_RADIUS = 4.5f;
    private static final float NOTE_GAP = 4 + DOT_RADIUS;
    private static final float KEY_SYMBOL = 10;
    private static final float KEY_SYMBOL_GAP = 4;
    private static final float KEY_ENTRY_GAP = 14;
    private static final float KEY_GAP = 6;

    private final TextLayout labels;
    private final float labelSize;
    private final float leading;
    private final TextLayout small;
    private final float smallSize;
    private final float smallLeading;

    /** Labels, notes and the key in {@code labels}; text inside segments and scale ends in {@code small}. */
    ChartDrawer(TextLayout labels, float labelSize, float leading, TextLayout small, float smallSize,
            float smallLeading) {
        this.labels = labels;
        this.labelSize = labelSize;
        this.leading = leading;
        this.small = small;
        this.smallSize = smallSize;
        this.smallLeading = smallLeading;
    }

    /** Consecutive rows of a chart, {@code from} inclusive to {@code to} exclusive. */
    record Rows(int from, int to) {
    }

    /** Lays the chart out at the given width. */
    Layout layout(Chart chart, float width) {
        return new Layout(ChartMarks.of(chart), width);
    }

    /** A key entry placed on a line of the key; the symbol is null on the continuation of a wrapped entry. */
    private record KeyPiece(float x, Symbol symbol, List<TextLayout.Piece> text) {
    }

    /** A chart laid out at a width: the columns, each row's wrapped label and note, and the key's lines. */
    final class Layout {
        private final ChartMarks marks;
        private final float plotX;
        private final float plotWidth;
        private final List<List<List<TextLayout.Piece>>> labelLines = new ArrayList<>();
        private final List<List<List<TextLayout.Piece>>> noteLines = new ArrayList<>();
        private final List<List<KeyPiece>> keyLines;

        private Layout(ChartMarks marks, float width) {
            this.marks = marks;
            float labelWidth = width * 0.38f;
            // Notes wrap within at most a quarter of the width, so that long notes never squeeze the plot away.
            float noteWidth = 0;
            for (ChartMarks.Row row : marks.rows()) {
                noteWidth = Math.max(noteWidth, labels.width(labels.drawable(row.note())));
            }
            noteWidth = Math.min(noteWidth, width * 0.25f);
            this.plotX = labelWidth + LABEL_GAP;
            this.plotWidth = Math.max(width - plotX - NOTE_GAP - noteWidth, 40);
            for (ChartMarks.Row row : marks.rows()) {
                labelLines.add(lines(labels, row.label(), labelWidth));
                noteLines.add(lines(labels, row.note(), Math.max(noteWidth, 1)));
            }
            this.keyLines = keyLines(marks.key(), width);
        }

        Rows all() {
            return new Rows(0, marks.rows().size());
        }

        /** The height the rows take with the key above them and the guide below them. */
        float height(Rows rows) {
            float height = 2 * PADDING + keyHeight() + guideHeight();
            for (int i = rows.from(); i < rows.to(); i++) {
                height += rowHeight(i);
            }
            return height;
        }

        /** The key and first row: the least of the chart that may start a page. */
        Rows first() {
            return new Rows(0, Math.min(1, marks.rows().size()));
        }

        /**
         * The rows in consecutive parts, the first as many rows as fit in {@code firstHeight} (what is left of
         * its page), each next as many as fit in {@code pageHeight}, with the key and guide repeated. A part
         * holds at least one row, so a single row taller than a page (only a label of hundreds of words could
         * make one) would still overflow its page.
         */
        List<Rows> split(float firstHeight, float pageHeight) {
            List<Rows> parts = new ArrayList<>();
            int count = marks.rows().size();
            int from = 0;
            do {
                int to = from;
                float height = height(new Rows(from, from));
                float room = parts.isEmpty() ? firstHeight : pageHeight;
                while (to < count && (to == from || height + rowHeight(to) <= room)) {
                    height += rowHeight(to);
                    to++;
                }
                parts.add(new Rows(from, to));
                from = to;
            } while (from < count);
            return parts;
        }

        private float keyHeight() {
            return keyLines.isEmpty() ? 0 : keyLines.size() * leading + KEY_GAP;
        }

        private float guideHeight() {
            return marks.guide().orElse(null) instanceof Ends ? smallLeading + 4 : 0;
        }

        private float rowHeight(int row) {
            int lines = Math.max(labelLines.get(row).size(), noteLines.get(row).size());
            return Math.max(lines * leading, BAR_HEIGHT) + ROW_GAP;
        }

        /** Draws the rows with the chart's top-left corner at (x, top). */
        void draw(Rows rows, PDPageContentStream content, float x, float top) throws IOException {
            float y = top - PADDING;
            drawKey(content, x, y);
            y -= keyHeight();
            float rowsTop = y;
            float rowsBottom = y;
            for (int i = rows.from(); i < rows.to(); i++) {
                rowsBottom -= rowHeight(i);
            }

            // The guide line first, so that bars drawn over it keep their colour and it shows between them.
            if (marks.guide().orElse(null) instanceof Line line && rows.to() > rows.from()) {
                float at = x + plotX + (float) line.at() * plotWidth;
                stroke(content, ChartPalette.AXIS, 1);
                content.moveTo(at, rowsTop + ROW_GAP / 2);
                content.lineTo(at, rowsBottom + ROW_GAP / 2);
                content.stroke();
            }

            for (int i = rows.from(); i < rows.to(); i++) {
                drawRow(content, i, x, y);
                y -= rowHeight(i);
            }

            if (marks.guide().orElse(null) instanceof Ends ends) {
                drawEnds(content, ends, x, rowsBottom);
            }
        }

        private void drawRow(PDPageContentStream content, int index, float x, float top) throws IOException {
            ChartMarks.Row row = marks.rows().get(index);
            float centre = top - (rowHeight(index) - ROW_GAP) / 2;

            fill(content, ChartPalette.TEXT);
            drawBlock(content, labels, labelSize, labelLines.get(index), x, centre);

            for (Mark mark : row.marks()) {
                drawMark(content, mark, row.marks(), x + plotX, centre);
            }

            fill(content, ChartPalette.TEXT);
            float noteX = x + plotX + (float) row.end() * plotWidth + (row.marks().isEmpty() ? 4 : NOTE_GAP);
            drawBlock(content, labels, labelSize, noteLines.get(index), noteX, centre);
        }

        private void drawMark(PDPageContentStream content, Mark mark, List<Mark> rowMarks, float plot, float centre)
                throws IOException {
            float barBottom = centre - BAR_HEIGHT / 2;
            switch (mark) {
                case Segment segment -> {
                    // Half a gap off each end that meets another segment, so neighbours are parted by white.
                    float from = plot + (float) segment.from() * plotWidth;
                    float to = plot + (float) segment.to() * plotWidth;
                    float left = from + (meetsAnother(segment.from(), rowMarks) ? SEGMENT_GAP / 2 : 0);
                    float right = to - (meetsAnother(segment.to(), rowMarks) ? SEGMENT_GAP / 2 : 0);
                    if (right - left < 0.5f) {
                        // A share too small to see after the gaps still shows as a hairline.
                        left = (from + to - 0.5f) / 2;
                        right = left + 0.5f;
                    }
                    fill(content, segment.fill().mark());
                    content.addRect(left, barBottom, right - left, BAR_HEIGHT);
                    content.fill();
                    drawInside(content, segment, left, right, centre);
                }
                case Range range -> {
                    stroke(content, ChartPalette.RANGE, 1.5f);
                    content.moveTo(plot + (float) range.from() * plotWidth, centre);
                    content.lineTo(plot + (float) range.to() * plotWidth, centre);
                    content.stroke();
                    // Short end caps, so the extremes read as ends rather than as a line running on.
                    for (double end : new double[] {range.from(), range.to()}) {
                        content.moveTo(plot + (float) end * plotWidth, centre - 4);
                        content.lineTo(plot + (float) end * plotWidth, centre + 4);
                    }
                    content.stroke();
                }
                case Box box -> {
                    float from = plot + (float) box.from() * plotWidth;
                    float width = Math.max((float) (box.to() - box.from()) * plotWidth, 1);
                    fill(content, ChartPalette.BOX);
                    content.addRect(from, barBottom + 2, width, BAR_HEIGHT - 4);
                    content.fill();
                }
                case Median median -> {
                    stroke(content, ChartPalette.MEDIAN, 2);
                    float at = plot + (float) median.at() * plotWidth;
                    content.moveTo(at, barBottom);
                    content.lineTo(at, barBottom + BAR_HEIGHT);
                    content.stroke();
                }
                case Dot dot -> drawDot(content, plot + (float) dot.at() * plotWidth, centre);
            }
        }

        /** Prints the first of a segment's texts that fits in it with padding; otherwise the table carries it. */
        private void drawInside(PDPageContentStream content, Segment segment, float left, float right, float centre)
                throws IOException {
            for (String candidate : segment.texts()) {
                String text = small.drawable(candidate);
                float width = small.width(text);
                if (width + 2 * INSIDE_PADDING <= right - left) {
                    fill(content, segment.fill().text());
                    PageFlow.showText(content, small.font(), smallSize, (left + right - width) / 2,
                            centre - smallSize * 0.35f, text);
                    return;
                }
            }
        }

        private void drawEnds(PDPageContentStream content, Ends ends, float x, float rowsBottom) throws IOException {
            float left = x + plotX;
            float right = left + plotWidth;
            stroke(content, ChartPalette.AXIS, 1);
            content.moveTo(left, rowsBottom + ROW_GAP / 2);
            content.lineTo(left, rowsBottom - 2);
            content.moveTo(right, rowsBottom + ROW_GAP / 2);
            content.lineTo(right, rowsBottom - 2);
            content.stroke();
            fill(content, ChartPalette.TEXT);
            float baseline = rowsBottom - 2 - smallLeading * 0.75f;
            String low = small.drawable(ends.low());
            String high = small.drawable(ends.high());
            PageFlow.showText(content, small.font(), smallSize, left - small.width(low) / 2, baseline, low);
            PageFlow.showText(content, small.font(), smallSize, right - small.width(high) / 2, baseline, high);
        }

        private void drawKey(PDPageContentStream content, float x, float top) throws IOException {
            float baseline = top - leading * 0.75f;
            for (List<KeyPiece> line : keyLines) {
                float centre = baseline + labelSize * 0.33f;
                for (KeyPiece piece : line) {
                    if (piece.symbol() != null) {
                        drawSymbol(content, piece.symbol(), x + piece.x(), centre);
                    }
                    fill(content, ChartPalette.TEXT);
                    drawLine(content, labels, labelSize, piece.text(), x + piece.x() + KEY_SYMBOL + KEY_SYMBOL_GAP,
                            baseline);
                }
                baseline -= leading;
            }
        }

        private void drawSymbol(PDPageContentStream content, Symbol symbol, float x, float centre) throws IOException {
            float half = KEY_SYMBOL / 2;
            switch (symbol) {
                case Swatch swatch -> {
                    fill(content, swatch.fill().mark());
                    content.addRect(x, centre - half, KEY_SYMBOL, KEY_SYMBOL);
                    content.fill();
                }
                case Shape shape -> {
                    switch (shape) {
                        case RANGE -> {
                            stroke(content, ChartPalette.RANGE, 1.5f);
                            content.moveTo(x, centre);
                            content.lineTo(x + KEY_SYMBOL, centre);
                            content.moveTo(x, centre - 3);
                            content.lineTo(x, centre + 3);
                            content.moveTo(x + KEY_SYMBOL, centre - 3);
                            content.lineTo(x + KEY_SYMBOL, centre + 3);
                            content.stroke();
                        }
                        case BOX -> {
                            fill(content, ChartPalette.BOX);
                            content.addRect(x, centre - half + 1, KEY_SYMBOL, KEY_SYMBOL - 2);
                            content.fill();
                        }
                        case MEDIAN -> {
                            stroke(content, ChartPalette.MEDIAN, 2);
                            content.moveTo(x + half, centre - half);
                            content.lineTo(x + half, centre + half);
                            content.stroke();
                        }
                        case DOT -> drawDot(content, x + half, centre);
                    }
                }
            }
        }
    }

    /** Whether another mark of the row ends or starts where this segment's edge is. */
    private static boolean meetsAnother(double edge, List<Mark> marks) {
        int touching = 0;
        for (Mark mark : marks) {
            if (mark instanceof Segment segment
                    && (Math.abs(segment.from() - edge) < 1e-9 || Math.abs(segment.to() - edge) < 1e-9)) {
                touching++;
            }
        }
        return touching > 1;
    }

    /** The dot with a white ring, so it stands out from the box or line it sits on. */
    private static void drawDot(PDPageContentStream content, float cx, float cy) throws IOException {
        fill(content, ChartPalette.DOT);
        stroke(content, ChartPalette.WHITE, 1);
        circle(content, cx, cy, DOT_RADIUS);
        content.fillAndStroke();
    }

    /** A circle from four Bézier curves (the usual 0.5523 control distance). */
    private static void circle(PDPageContentStream content, float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        content.moveTo(cx + r, cy);
        content.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        content.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        content.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        content.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        content.closePath();
    }

    private List<List<TextLayout.Piece>> lines(TextLayout layout, String text, float width) {
        return layout.lines(List.of(Span.of(text)), width);
    }

    /** Lays the key's entries out in lines, in category order; an entry too long for a line wraps by itself. */
    private List<List<KeyPiece>> keyLines(List<KeyEntry> key, float width) {
        List<List<KeyPiece>> lines = new ArrayList<>();
        List<KeyPiece> line = new ArrayList<>();
        float x = 0;
        float symbol = KEY_SYMBOL + KEY_SYMBOL_GAP;
        for (KeyEntry entry : key) {
            List<List<TextLayout.Piece>> text = lines(labels, entry.label(), width - symbol);
            if (text.isEmpty()) {
                text = List.of(List.of());
            }
            float entryWidth = symbol + textWidth(text.get(0));
            if (text.size() == 1 && x + entryWidth <= width) {
                line.add(new KeyPiece(x, entry.symbol(), text.get(0)));
                x += entryWidth + KEY_ENTRY_GAP;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
                line = new ArrayList<>();
            }
            if (text.size() == 1) {
                line.add(new KeyPiece(0, entry.symbol(), text.get(0)));
                x = entryWidth + KEY_ENTRY_GAP;
                continue;
            }
            for (int i = 0; i < text.size(); i++) {
                lines.add(List.of(new KeyPiece(0, i == 0 ? entry.symbol() : null, text.get(i))));
            }
            x = 0;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private static float textWidth(List<TextLayout.Piece> line) {
        float width = 0;
        for (TextLayout.Piece piece : line) {
            width += piece.width();
        }
        return width;
    }

    /** Draws lines of text as a block centred vertically on {@code centre}. */
    private void drawBlock(PDPageContentStream content, TextLayout layout, float size,
            List<List<TextLayout.Piece>> lines, float x, float centre) throws IOException {
        float baseline = centre + lines.size() * leading / 2 - leading * 0.75f;
        for (List<TextLayout.Piece> line : lines) {
            drawLine(content, layout, size, line, x, baseline);
            baseline -= leading;
        }
    }

    private static void drawLine(PDPageContentStream content, TextLayout layout, float size,
            List<TextLayout.Piece> line, float x, float baseline) throws IOException {
        for (TextLayout.Piece piece : line) {
            PageFlow.showText(content, layout.font(), size, x, baseline, piece.text());
            x += piece.width();
        }
    }

    private static void fill(PDPageContentStream content, ChartPalette.Colour colour) throws IOException {
        content.setNonStrokingColor(colour.red(), colour.green(), colour.blue());
    }

    private static void stroke(PDPageContentStream content, ChartPalette.Colour colour, float width)
            throws IOException {
        content.setStrokingColor(colour.red(), colour.green(), colour.blue());
        content.setLineWidth(width);
    }
}
