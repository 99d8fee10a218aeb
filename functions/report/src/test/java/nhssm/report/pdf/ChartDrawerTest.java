package nhssm.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nhssm.report.chart.ChartMarks;
import nhssm.report.document.Block;
import nhssm.report.document.Block.Figure;
import nhssm.report.document.Block.Section;
import nhssm.report.document.Chart;
import nhssm.report.document.Chart.BandPositions;
import nhssm.report.document.Chart.DivergingBars;
import nhssm.report.document.Chart.HorizontalBars;
import nhssm.report.document.Chart.StackedBars;
import nhssm.report.document.ReportDocument;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The charts as they come out of the PDF: labelled directly, inside their Figure, and within the page. */
class ChartDrawerTest {

    private static final ReportDocument SAMPLE = SampleReports.everything();
    private static byte[] pdf;

    @BeforeAll
    static void render() {
        pdf = new TaggedPdfWriter().write(SAMPLE);
    }

    @Test
    void write_shouldDrawEveryChartsDirectLabelsInReadingOrderInsideItsFigure() throws IOException {
        List<Figure> figures = figures(SAMPLE.body());
        List<String> drawn;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            drawn = figureTexts(document);
        }

        assertThat(figures.stream().<Class<?>>map(figure -> figure.chart().getClass()).distinct())
                .as("the sample has every kind of chart")
                .containsExactlyInAnyOrder(HorizontalBars.class, StackedBars.class, DivergingBars.class,
                        BandPositions.class);
        assertThat(drawn).hasSameSizeAs(figures);
        for (int i = 0; i < figures.size(); i++) {
            // The data table repeats every label, so only the Figure's own marked content counts here.
            assertThat(drawn.get(i)).as("text drawn in figure %d", i + 1)
                    .containsSubsequence(directLabels(figures.get(i).chart()));
        }
    }

    @Test
    void write_shouldShowWelshLettersAndAVisibleReplacementForEmoji_whenChartLabelsHaveThem() throws IOException {
        String drawn;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            drawn = String.join("", figureTexts(document));
        }

        assertThat(drawn).contains(flat(SampleReports.WELSH_LABEL));
        assertThat(drawn).contains(flat("Specialist trusts ?")).doesNotContain("\uD83D\uDC4D");
    }

    @Test
    void write_shouldKeepEveryChartWithinThePageMargins_andContinueALongChartOnTheNextPage() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                float height = page.getMediaBox().getHeight();
                for (Point2D point : pathPoints(page)) {
                    // The running header's rule is the only path outside the text area.
                    if (Math.abs(point.getY() - (height - 46)) < 0.01) {
                        continue;
                    }
                    assertThat(point.getY()).as("path point on page %s", page.getStructParents() + 1)
                            .isBetween((double) PageFlow.BOTTOM, (double) PageFlow.TOP);
                    assertThat(point.getX()).isBetween((double) PageFlow.MARGIN_X,
                            (double) PageFlow.MARGIN_X + PageFlow.WIDTH + 0.01);
                }
            }
            for (TextPosition glyph : glyphs(document)) {
                float baseline = glyph.getPageHeight() - glyph.getYDirAdj();
                boolean runningHeadOrFoot = Math.abs(baseline - 36) < 0.01
                        || Math.abs(baseline - (glyph.getPageHeight() - 40)) < 0.01;
                if (!runningHeadOrFoot) {
                    assertThat(baseline).as("baseline of '%s'", glyph.getUnicode())
                            .isBetween(PageFlow.BOTTOM, PageFlow.TOP);
                }
                assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj()).as("right edge of '%s'", glyph.getUnicode())
                        .isLessThanOrEqualTo(PageFlow.MARGIN_X + PageFlow.WIDTH + 0.5f);
            }

            PDStructureElement longChart = structureElements(document).stream()
                    .filter(element -> "Figure".equals(element.getStructureType()))
                    .filter(element -> element.getAlternateDescription().startsWith("Stacked bar chart of account"))
                    .findFirst().orElseThrow();
            List<Integer> pages = new ArrayList<>();
            for (Object kid : longChart.getKids()) {
                // A bare MCID is on the element's own page; a reference names the page it continues on.
                if (kid instanceof Integer) {
                    pages.add(document.getPages().indexOf(longChart.getPage()));
                } else if (kid instanceof PDMarkedContentReference ref) {
                    pages.add(document.getPages().indexOf(ref.getPage()));
                }
            }
            assertThat(pages).as("pages of the 42-row chart").hasSize(2).doesNotHaveDuplicates();
            assertThat(pages.get(1)).isEqualTo(pages.get(0) + 1);
        }
    }

    // ---- What each chart must show, from the model --------------------------------------------------

    /**
     * The direct labels of a chart in the order they are read: the key, then per row its label, the shares
     * of segments surely wide enough to print them (a third of the bar and more), and its note.
     */
    private static String[] directLabels(Chart chart) {
        List<String> labels = new ArrayList<>();
        switch (chart) {
            case HorizontalBars bars -> bars.bars().forEach(bar -> {
                labels.add(bar.label());
                labels.add(bar.shownValue());
            });
            case StackedBars stacked -> {
                labels.addAll(stacked.categories());
                stacked.rows().forEach(row -> addRow(labels, row));
            }
            case DivergingBars diverging -> {
                labels.addAll(diverging.points());
                diverging.rows().forEach(row -> addRow(labels, row));
            }
            case BandPositions bands -> {
                labels.addAll(List.of("Line: lowest to highest", "Box: middle half", "Tall mark: median",
                        "Dot: this trust"));
                bands.rows().forEach(row -> {
                    labels.add(row.label());
                    labels.add(row.note());
                });
                double low = bands.rows().stream().flatMap(row -> row.spread().stream())
                        .mapToDouble(BandPositions.Spread::min).min().orElseThrow();
                double high = bands.rows().stream().flatMap(row -> row.spread().stream())
                        .mapToDouble(BandPositions.Spread::max).max().orElseThrow();
                labels.add(ChartMarks.number(low));
                labels.add(ChartMarks.number(high));
            }
        }
        return labels.stream().map(ChartDrawerTest::flat).toArray(String[]::new);
    }

    private static void addRow(List<String> labels, StackedBars.Row row) {
        labels.add(row.label());
        for (int i = 0; i < row.shares().size(); i++) {
            if (row.shares().get(i) >= 1.0 / 3) {
                labels.add(row.shownShares().get(i));
            }
        }
        labels.add(row.note());
    }

    /**
     * Text as extracted, for comparison: without white space (labels wrap anywhere) and with each run of
     * emoji as the visible "?" the fonts draw for them.
     */
    private static String flat(String text) {
        return text.replaceAll("[\\p{So}\\p{Sk}\\p{Mn}\\p{Cf}]+", "?").replaceAll("\\s+", "");
    }

    private static List<Figure> figures(List<Block> blocks) {
        List<Figure> figures = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Figure figure) {
                figures.add(figure);
            } else if (block instanceof Section section) {
                figures.addAll(figures(section.content()));
            }
        }
        return figures;
    }

    // ---- Reading the PDF back -----------------------------------------------------------------------

    /** The text drawn in each Figure element's own marked content (not its caption), in structure order. */
    private static List<String> figureTexts(PDDocument document) throws IOException {
        Map<Integer, Map<Integer, String>> textByPageAndMcid = new HashMap<>();
        int index = 0;
        for (PDPage page : document.getPages()) {
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            Map<Integer, String> texts = new HashMap<>();
            for (PDMarkedContent content : extractor.getMarkedContents()) {
                if (content.getMCID() >= 0) {
                    texts.put(content.getMCID(), text(content));
                }
            }
            textByPageAndMcid.put(index++, texts);
        }
        List<String> figures = new ArrayList<>();
        for (PDStructureElement element : structureElements(document)) {
            if (!"Figure".equals(element.getStructureType())) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (Object kid : element.getKids()) {
                if (kid instanceof Integer mcid) {
                    text.append(textByPageAndMcid.get(document.getPages().indexOf(element.getPage())).get(mcid));
                } else if (kid instanceof PDMarkedContentReference ref) {
                    text.append(textByPageAndMcid.get(document.getPages().indexOf(ref.getPage())).get(ref.getMCID()));
                }
            }
            figures.add(flat(text.toString()));
        }
        return figures;
    }

    private static String text(PDMarkedContent content) {
        StringBuilder text = new StringBuilder();
        for (Object item : content.getContents()) {
            if (item instanceof TextPosition glyph) {
                text.append(glyph.getUnicode());
            } else if (item instanceof PDMarkedContent nested) {
                text.append(text(nested));
            }
        }
        return text.toString();
    }

    /** Every structure element, depth first, in document order. */
    private static List<PDStructureElement> structureElements(PDDocument document) {
        List<PDStructureElement> elements = new ArrayList<>();
        collect(document.getDocumentCatalog().getStructureTreeRoot(), elements);
        return elements;
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> elements) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                elements.add(element);
                collect(element, elements);
            }
        }
    }

    private static List<TextPosition> glyphs(PDDocument document) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                glyphs.addAll(positions);
            }
        };
        stripper.getText(document);
        return glyphs;
    }

    /** Every point of every path on the page: rectangles, lines and curves. */
    private static List<Point2D> pathPoints(PDPage page) throws IOException {
        List<Point2D> points = new ArrayList<>();
        PDFGraphicsStreamEngine engine = new PDFGraphicsStreamEngine(page) {
            private Point2D current = new Point2D.Float();

            @Override
            public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
                points.addAll(List.of(p0, p1, p2, p3));
            }

            @Override
            public void moveTo(float x, float y) {
                current = new Point2D.Float(x, y);
                points.add(current);
            }

            @Override
            public void lineTo(float x, float y) {
                moveTo(x, y);
            }

            @Override
            public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
                moveTo(x3, y3);
            }

            @Override
            public Point2D getCurrentPoint() {
                return current;
            }

            @Override
            public void drawImage(PDImage image) {
            }

            @Override
            public void clip(int windingRule) {
            }

            @Override
            public void closePath() {
            }

            @Override
            public void endPath() {
            }

            @Override
            public void strokePath() {
            }

            @Override
            public void fillPath(int windingRule) {
            }

            @Override
            public void fillAndStrokePath(int windingRule) {
            }

            @Override
            public void shadingFill(COSName shadingName) {
            }
        };
        engine.processPage(page);
        return points;
    }
}
