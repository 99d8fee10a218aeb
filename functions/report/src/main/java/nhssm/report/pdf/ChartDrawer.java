package nhssm.report.pdf;

import java.io.IOException;
import java.util.List;

import nhssm.report.document.Chart;
import nhssm.report.document.Chart.HorizontalBars;
import nhssm.report.document.Span;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Draws charts as vector paths with direct labels. Each kind of {@link Chart} has one height and one
 * drawing method here; the caller has already opened the Figure's marked-content sequence.
 */
final class ChartDrawer {

    /** NHS Blue #005EB8: 6.3:1 against white, above the 3:1 needed for chart marks. */
    private static final float[] BAR = {0x00 / 255f, 0x5E / 255f, 0xB8 / 255f};
    /** NHS Dark Grey #425563: 7.6:1 against white. */
    private static final float[] AXIS = {0x42 / 255f, 0x55 / 255f, 0x63 / 255f};

    private static final float BAR_HEIGHT = 12;
    private static final float ROW_GAP = 6;
    private static final float PADDING = 6;

    private final TextLayout labels;
    private final float labelSize;
    private final float leading;

    ChartDrawer(TextLayout labels, float labelSize, float leading) {
        this.labels = labels;
        this.labelSize = labelSize;
        this.leading = leading;
    }

    /** The height the chart takes at the given width. */
    float height(Chart chart, float width) {
        return switch (chart) {
            case HorizontalBars bars -> barsHeight(bars, width);
            default -> throw new UnsupportedOperationException("not drawn yet: " + chart.getClass().getSimpleName());
        };
    }

    /** Draws the chart with its top-left corner at (x, top). */
    void draw(Chart chart, PDPageContentStream content, float x, float top, float width) throws IOException {
        switch (chart) {
            case HorizontalBars bars -> drawBars(bars, content, x, top, width);
            default -> throw new UnsupportedOperationException("not drawn yet: " + chart.getClass().getSimpleName());
        }
    }

    private float labelWidth(float width) {
        return width * 0.38f;
    }

    private List<List<TextLayout.Piece>> labelLines(String label, float width) {
        return labels.lines(List.of(Span.of(label)), labelWidth(width));
    }

    private float rowHeight(HorizontalBars.Bar bar, float width) {
        return Math.max(labelLines(bar.label(), width).size() * leading, BAR_HEIGHT) + ROW_GAP;
    }

    private float barsHeight(HorizontalBars bars, float width) {
        float height = 2 * PADDING;
        for (HorizontalBars.Bar bar : bars.bars()) {
            height += rowHeight(bar, width);
        }
        return height;
    }

    private void drawBars(HorizontalBars bars, PDPageContentStream content, float x, float top, float width)
            throws IOException {
        float valueWidth = 0;
        for (HorizontalBars.Bar bar : bars.bars()) {
            valueWidth = Math.max(valueWidth, labels.width(labels.drawable(bar.shownValue())));
        }
        float barX = x + labelWidth(width) + 8;
        float barSpace = Math.max(width - labelWidth(width) - 8 - valueWidth - 6, 20);
        float y = top - PADDING;
        float height = barsHeight(bars, width);

        // The baseline of the bars, so that a bar of zero still has a visible origin.
        content.setStrokingColor(AXIS[0], AXIS[1], AXIS[2]);
        content.setLineWidth(1);
        content.moveTo(barX, top - PADDING / 2);
        content.lineTo(barX, top - height + PADDING / 2);
        content.stroke();

        for (HorizontalBars.Bar bar : bars.bars()) {
            float row = rowHeight(bar, width);
            List<List<TextLayout.Piece>> lines = labelLines(bar.label(), width);
            float barTop = y - (row - ROW_GAP - BAR_HEIGHT) / 2;
            float barBaseline = barTop - BAR_HEIGHT + 2.5f;

            // Direct label: the name of the bar to its left.
            content.setNonStrokingColor(TaggedPdfWriter.TEXT[0], TaggedPdfWriter.TEXT[1], TaggedPdfWriter.TEXT[2]);
            float baseline = y - leading * 0.75f;
            for (List<TextLayout.Piece> line : lines) {
                float lineX = x;
                for (TextLayout.Piece piece : line) {
                    PageFlow.showText(content, labels.font(), labelSize, lineX, baseline, piece.text());
                    lineX += piece.width();
                }
                baseline -= leading;
            }

            // The bar, to scale.
            float length = (float) (bar.value() / bars.max()) * barSpace;
            if (length > 0) {
                content.setNonStrokingColor(BAR[0], BAR[1], BAR[2]);
                content.addRect(barX, barTop - BAR_HEIGHT, length, BAR_HEIGHT);
                content.fill();
            }

            // Direct label: the shown value just after the end of the bar.
            content.setNonStrokingColor(TaggedPdfWriter.TEXT[0], TaggedPdfWriter.TEXT[1], TaggedPdfWriter.TEXT[2]);
            PageFlow.showText(content, labels.font(), labelSize, barX + length + 4, barBaseline,
                    labels.drawable(bar.shownValue()));
            y -= row;
        }
    }
}
