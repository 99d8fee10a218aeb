package nhssm.report.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Deque;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import nhssm.report.chart.ChartPalette;
import nhssm.report.document.Block;
import nhssm.report.document.Block.DataTable;
import nhssm.report.document.Block.Figure;
import nhssm.report.document.Block.ItemList;
import nhssm.report.document.Block.Paragraph;
import nhssm.report.document.Block.Section;
import nhssm.report.document.ReportDocument;
import nhssm.report.document.ReportMetadata;
import nhssm.report.document.Span;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDListAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Renders a {@link ReportDocument} to a tagged PDF meant to conform to PDF/UA-1.
 *
 * <p>The PDF is tagged as it is drawn: every text and path is inside a marked-content sequence of the
 * structure element it belongs to, or inside an Artifact (running header, footer, table rules, repeated
 * table headers). The structure tree (Document → Sect → H1…H6, P, L, Table, Figure), the bookmarks and the
 * contents page all follow from the model. The output is deterministic: the same document gives the same
 * bytes, because the document ID and dates come from the model's metadata.
 */
public final class TaggedPdfWriter {

    /** NHS Black #212B32 for text: 14:1 against white. */
    private static final float[] TEXT = {ChartPalette.TEXT.red(), ChartPalette.TEXT.green(),
            ChartPalette.TEXT.blue()};
    /** NHS Dark Grey #425563 for running headers and footers: 7.6:1 against white. */
    private static final float[] QUIET_TEXT = {0x42 / 255f, 0x55 / 255f, 0x63 / 255f};
    /** NHS Mid Grey #768692 for rules (decorative). */
    private static final float[] RULE = {0x76 / 255f, 0x86 / 255f, 0x92 / 255f};
    /** NHS Pale Grey #E8EDEE behind table header rows (decorative). */
    private static final float[] HEADER_FILL = {0xE8 / 255f, 0xED / 255f, 0xEE / 255f};

    private static final float BODY_SIZE = 11;
    private static final float LEADING = 15;
    private static final float SMALL_SIZE = 9;
    private static final float SMALL_LEADING = 12;
    private static final float PARAGRAPH_GAP = 8;
    private static final float CELL_PADDING = 4;
    private static final float LIST_INDENT = 16;
    private static final float[] HEADING_SIZE = {22, 17, 14, 12.5f, 11.5f, 11};
    private static final int CONTENTS_DEPTH = 2;
    private static final String PRODUCER = "nhssm report renderer (Apache PDFBox)";

    /** Renders the document to PDF bytes. */
    public byte[] write(ReportDocument report) {
        try (PDDocument document = new PDDocument(); ReportFonts fonts = ReportFonts.load(document)) {
            new Rendering(document, fonts, report).render();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render report '" + report.title() + "' to PDF", e);
        }
    }

    /** The state of one rendering: the document, its pages, its structure tree and its outline. */
    private static final class Rendering {
        private final PDDocument document;
        private final ReportDocument report;
        private final ReportFonts fonts;
        private final TextLayout body;
        private final TextLayout small;
        private final PageFlow flow;
        private final PDStructureTreeRoot root = new PDStructureTreeRoot();
        private final PDDocumentOutline outline = new PDDocumentOutline();
        private final Deque<PDOutlineNode> outlineParents = new ArrayDeque<>();
        private final List<ContentsEntry> contents = new ArrayList<>();

        /** A line of the contents page: a heading, its level and, once drawn, its page number. */
        private static final class ContentsEntry {
            final String title;
            final int level;
            int page;

            ContentsEntry(String title, int level) {
                this.title = title;
                this.level = level;
            }
        }

        Rendering(PDDocument document, ReportFonts fonts, ReportDocument report) {
            this.document = document;
            this.report = report;
            this.fonts = fonts;
            this.body = new TextLayout(fonts, fonts.regular, BODY_SIZE);
            this.small = new TextLayout(fonts, fonts.regular, SMALL_SIZE);
            this.flow = new PageFlow(document, this::decorate);
        }

        void render() throws IOException {
            document.setVersion(1.7f);
            PDStructureElement top = new PDStructureElement("Document", root);
            root.appendKid(top);
            outlineParents.push(outline);

            // Cover, then the contents pages reserved now and drawn once the page of every heading is known.
            cover(top);
            collectContents(report.body(), 1);
            PDStructureElement contentsSection = child(top, "Sect");
            List<PageFlow.Sheet> contentsPages = flow.reserve(contentsPageCount());
            PDOutlineItem contentsBookmark = new PDOutlineItem();
            outline.addLast(contentsBookmark);

            flow.newPage();
            for (Block block : report.body()) {
                block(block, 1, top);
            }
            flow.drawInto(contentsPages);
            contentsPage(contentsSection, contentsBookmark);
            flow.close();

            finishCatalog();
        }

        // ---- Blocks --------------------------------------------------------------------------------

        private void block(Block block, int depth, PDStructureElement parent) throws IOException {
            switch (block) {
                case Section section -> section(section, depth, parent);
                case Paragraph paragraph -> paragraph(paragraph.spans(), parent);
                case ItemList list -> list(list, parent);
                case DataTable table -> table(table, parent);
                case Figure figure -> figure(figure, parent);
            }
        }

        private void section(Section section, int depth, PDStructureElement parent) throws IOException {
            if (depth > HEADING_SIZE.length) {
                throw new IllegalArgumentException("Section '" + section.title() + "' is nested " + depth
                        + " deep; PDF headings stop at H6");
            }
            PDStructureElement sect = child(parent, "Sect");
            heading(sect, depth, section.title(), startOf(section.content(), depth + 1));
            contentsEntryDrawn(section.title(), depth);
            PDOutlineItem bookmark = bookmark(section.title());
            outlineParents.peek().addLast(bookmark);
            outlineParents.push(bookmark);
            for (Block block : section.content()) {
                block(block, depth + 1, sect);
            }
            outlineParents.pop();
        }

        /**
         * Draws a heading on the same page as the start of what follows it ({@code keepWithNext} high), so a
         * heading is never left alone at the foot of a page.
         */
        private void heading(PDStructureElement parent, int level, String title, float keepWithNext)
                throws IOException {
            float size = HEADING_SIZE[level - 1];
            List<List<TextLayout.Piece>> lines = headingLines(level, title);
            float leading = size * 1.3f;
            if (!flow.atTopOfPage()) {
                flow.down(size * 0.8f);
            }
            flow.ensure(headingHeight(level, title) + keepWithNext);
            PDStructureElement heading = child(parent, "H" + level);
            lastHeadingTop = flow.y();
            lastHeadingSheet = flow.sheet();
            for (List<TextLayout.Piece> line : lines) {
                drawLine(heading, line, fonts.bold, size, PageFlow.MARGIN_X, flow.y() - leading * 0.78f);
                flow.down(leading);
            }
            flow.down(size * 0.4f);
        }

        private List<List<TextLayout.Piece>> headingLines(int level, String title) {
            return new TextLayout(fonts, fonts.bold, HEADING_SIZE[level - 1]).lines(List.of(Span.of(title)),
                    PageFlow.WIDTH);
        }

        /** A heading's height from the top of its first line to where what follows it starts. */
        private float headingHeight(int level, String title) {
            float size = HEADING_SIZE[level - 1];
            return headingLines(level, title).size() * size * 1.3f + size * 0.4f;
        }

        /** How much of these blocks, drawn at the given depth, must stay with the heading above them. */
        private float startOf(List<Block> blocks, int depth) {
            return blocks.isEmpty() ? 0 : start(blocks.get(0), depth);
        }

        /**
         * The height of a block's start, drawn at the given depth, that may not be parted from the heading
         * before it: the room the block makes for itself before it draws (a table's caption, header and first
         * row; a whole chart that fits on a page, or its key and first row), or a text's first two lines.
         */
        private float start(Block block, int depth) {
            return switch (block) {
                // Too deep for a heading: section() refuses it when it comes to draw it.
                case Section section when depth > HEADING_SIZE.length -> 0;
                case Section section -> HEADING_SIZE[depth - 1] * 0.8f + headingHeight(depth, section.title())
                        + startOf(section.content(), depth + 1);
                case Paragraph paragraph -> Math.min(2, body.lines(paragraph.spans(), PageFlow.WIDTH).size())
                        * LEADING;
                case ItemList list -> list.items().isEmpty() ? 0
                        : Math.min(2, body.lines(list.items().get(0), PageFlow.WIDTH - LIST_INDENT).size())
                                * LEADING;
                case DataTable table -> tableStart(table);
                case Figure figure -> figureStart(figure);
            };
        }

        private float lastHeadingTop;
        private PageFlow.Sheet lastHeadingSheet;

        private PDOutlineItem bookmark(String title) {
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(title);
            PDPageXYZDestination destination = new PDPageXYZDestination();
            destination.setPage(lastHeadingSheet.page);
            destination.setLeft(0);
            destination.setTop(Math.round(lastHeadingTop + 4));
            item.setDestination(destination);
            return item;
        }

        private void paragraph(List<Span> spans, PDStructureElement parent) throws IOException {
            PDStructureElement paragraph = child(parent, "P");
            text(paragraph, body, spans, PageFlow.MARGIN_X, PageFlow.WIDTH);
            flow.down(PARAGRAPH_GAP);
        }

        /** Wraps runs of text into lines at x, width wide, moving down the flow, tagged as the element. */
        private void text(PDStructureElement element, TextLayout layout, List<Span> spans, float x, float width)
                throws IOException {
            for (List<TextLayout.Piece> line : layout.lines(spans, width)) {
                flow.ensure(LEADING);
                drawLine(element, line, layout.font(), BODY_SIZE, x, flow.y() - LEADING * 0.75f);
                flow.down(LEADING);
            }
        }

        /**
         * Draws one line: each piece in the element's marked content, or in a Span child carrying its
         * language (a Welsh passage) or the ActualText of a replaced character.
         */
        private void drawLine(PDStructureElement element, List<TextLayout.Piece> line, PDType0Font font, float size,
                float x, float baseline) throws IOException {
            PDPageContentStream content = flow.content();
            for (TextLayout.Piece piece : line) {
                PDStructureElement owner = element;
                if (piece.lang() != null || piece.actualText() != null) {
                    owner = child(element, "Span");
                    if (piece.lang() != null) {
                        owner.setLanguage(piece.lang());
                    }
                    if (piece.actualText() != null) {
                        owner.setActualText(piece.actualText());
                    }
                }
                flow.beginTagged(owner);
                content.setNonStrokingColor(TEXT[0], TEXT[1], TEXT[2]);
                PageFlow.showText(content, font, size, x, baseline, piece.text());
                flow.end(flow.sheet());
                x += piece.width();
            }
        }

        private void list(ItemList list, PDStructureElement parent) throws IOException {
            PDStructureElement l = child(parent, "L");
            PDListAttributeObject numbering = new PDListAttributeObject();
            numbering.setListNumbering(PDListAttributeObject.LIST_NUMBERING_DISC);
            l.addAttribute(numbering);
            float indent = LIST_INDENT;
            for (List<Span> item : list.items()) {
                PDStructureElement li = child(l, "LI");
                PDStructureElement label = child(li, "Lbl");
                PDStructureElement itemBody = child(li, "LBody");
                List<List<TextLayout.Piece>> lines = body.lines(item, PageFlow.WIDTH - indent);
                boolean first = true;
                for (List<TextLayout.Piece> line : lines) {
                    flow.ensure(LEADING);
                    float baseline = flow.y() - LEADING * 0.75f;
                    if (first) {
                        // The bullet is the list item's label, so it is read as such rather than as text.
                        drawLine(label, body.lines(List.of(Span.of("\u2022")), indent).get(0), fonts.regular,
                                BODY_SIZE, PageFlow.MARGIN_X + 4, baseline);
                        first = false;
                    }
                    drawLine(itemBody, line, fonts.regular, BODY_SIZE, PageFlow.MARGIN_X + indent, baseline);
                    flow.down(LEADING);
                }
                flow.down(3);
            }
            flow.down(PARAGRAPH_GAP);
        }

        // ---- Tables --------------------------------------------------------------------------------

        private float[] columnWidths(int columns) {
            float[] widths = new float[columns];
            if (columns == 1) {
                widths[0] = PageFlow.WIDTH;
                return widths;
            }
            widths[0] = PageFlow.WIDTH * (columns == 2 ? 0.6f : 0.4f);
            Arrays.fill(widths, 1, columns, (PageFlow.WIDTH - widths[0]) / (columns - 1));
            return widths;
        }

        private void table(DataTable data, PDStructureElement parent) throws IOException {
            PDStructureElement table = child(parent, "Table");
            float[] widths = columnWidths(data.columnHeaders().size());
            TextLayout boldCells = new TextLayout(fonts, fonts.bold, BODY_SIZE);

            // The caption stays with the header row and the first data row.
            List<List<TextLayout.Piece>> captionLines = boldCells.lines(List.of(Span.of(data.caption())),
                    PageFlow.WIDTH);
            // Each row's cells are broken into lines once, for both its height and its drawing.
            List<List<List<TextLayout.Piece>>> headerLines = cellLines(data.columnHeaders(), widths, boldCells,
                    boldCells);
            List<List<List<List<TextLayout.Piece>>>> rowLines = new ArrayList<>();
            for (DataTable.Row dataRow : data.rows()) {
                rowLines.add(cellLines(cellsOf(dataRow), widths, boldCells, body));
            }
            flow.ensure(tableStart(captionLines.size(), headerLines, rowLines));
            PDStructureElement caption = child(table, "Caption");
            for (List<TextLayout.Piece> line : captionLines) {
                drawLine(caption, line, fonts.bold, BODY_SIZE, PageFlow.MARGIN_X, flow.y() - LEADING * 0.75f);
                flow.down(LEADING);
            }
            flow.down(4);

            PDStructureElement head = child(table, "THead");
            PDStructureElement headerRow = child(head, "TR");
            List<PDStructureElement> headerCells = new ArrayList<>();
            for (int i = 0; i < data.columnHeaders().size(); i++) {
                headerCells.add(headerCell(headerRow, PDTableAttributeObject.SCOPE_COLUMN));
            }
            row(headerLines, headerCells, widths, boldCells, boldCells, true);

            PDStructureElement tbody = child(table, "TBody");
            for (int r = 0; r < rowLines.size(); r++) {
                List<List<List<TextLayout.Piece>>> lines = rowLines.get(r);
                if (flow.y() - rowHeight(lines) < PageFlow.BOTTOM && !flow.atTopOfPage()) {
                    flow.newPage();
                    // The header row again on the new page, as a pagination artifact: it is read once, above.
                    row(headerLines, null, widths, boldCells, boldCells, true);
                }
                PDStructureElement tr = child(tbody, "TR");
                List<PDStructureElement> elements = new ArrayList<>();
                elements.add(headerCell(tr, PDTableAttributeObject.SCOPE_ROW));
                for (int i = 0; i < data.rows().get(r).cells().size(); i++) {
                    elements.add(child(tr, "TD"));
                }
                row(lines, elements, widths, boldCells, body, false);
            }
            flow.down(PARAGRAPH_GAP + 4);
        }

        /** A table's caption, header row and first data row, kept on one page. */
        private float tableStart(DataTable data) {
            float[] widths = columnWidths(data.columnHeaders().size());
            TextLayout boldCells = new TextLayout(fonts, fonts.bold, BODY_SIZE);
            int captionLines = boldCells.lines(List.of(Span.of(data.caption())), PageFlow.WIDTH).size();
            List<List<List<List<TextLayout.Piece>>>> firstRow = data.rows().isEmpty() ? List.of()
                    : List.of(cellLines(cellsOf(data.rows().get(0)), widths, boldCells, body));
            return tableStart(captionLines, cellLines(data.columnHeaders(), widths, boldCells, boldCells), firstRow);
        }

        private static float tableStart(int captionLines, List<List<List<TextLayout.Piece>>> headerLines,
                List<List<List<List<TextLayout.Piece>>>> rowLines) {
            float firstRow = rowLines.isEmpty() ? 0 : rowHeight(rowLines.get(0));
            return captionLines * LEADING + 4 + rowHeight(headerLines) + firstRow;
        }

        private static List<String> cellsOf(DataTable.Row row) {
            List<String> cells = new ArrayList<>();
            cells.add(row.header());
            cells.addAll(row.cells());
            return cells;
        }

        private PDStructureElement headerCell(PDStructureElement row, String scope) {
            PDStructureElement th = child(row, "TH");
            // The header cells of one scope share one attribute object: two objects, not one per cell.
            th.addAttribute(scopes.computeIfAbsent(scope, s -> {
                PDTableAttributeObject attributes = new PDTableAttributeObject();
                attributes.setScope(s);
                return attributes;
            }));
            return th;
        }

        private final Map<String, PDTableAttributeObject> scopes = new HashMap<>();

        /** The lines of each cell of a row, the first cell in the first layout, the others in the rest. */
        private static List<List<List<TextLayout.Piece>>> cellLines(List<String> cells, float[] widths,
                TextLayout first, TextLayout rest) {
            List<List<List<TextLayout.Piece>>> lines = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                TextLayout layout = i == 0 ? first : rest;
                lines.add(layout.lines(List.of(Span.of(cells.get(i))), widths[i] - 2 * CELL_PADDING));
            }
            return lines;
        }

        private static float rowHeight(List<List<List<TextLayout.Piece>>> cellLines) {
            int lines = 1;
            for (List<List<TextLayout.Piece>> cell : cellLines) {
                lines = Math.max(lines, cell.size());
            }
            return lines * LEADING + 2 * CELL_PADDING;
        }

        /** Draws one table row; with no elements the whole row is a pagination artifact (a repeated header). */
        private void row(List<List<List<TextLayout.Piece>>> cellLines, List<PDStructureElement> elements,
                float[] widths, TextLayout first, TextLayout rest, boolean header) throws IOException {
            float height = rowHeight(cellLines);
            flow.ensure(height);
            PDPageContentStream content = flow.content();
            PageFlow.Sheet sheet = flow.sheet();
            float top = flow.y();

            // Decoration: the header row's background and the rule under every row.
            flow.beginArtifact(sheet, "Layout", null);
            if (header) {
                content.setNonStrokingColor(HEADER_FILL[0], HEADER_FILL[1], HEADER_FILL[2]);
                content.addRect(PageFlow.MARGIN_X, top - height, PageFlow.WIDTH, height);
                content.fill();
            }
            content.setStrokingColor(RULE[0], RULE[1], RULE[2]);
            content.setLineWidth(header ? 1f : 0.5f);
            content.moveTo(PageFlow.MARGIN_X, top - height);
            content.lineTo(PageFlow.MARGIN_X + PageFlow.WIDTH, top - height);
            content.stroke();
            flow.end(sheet);

            float x = PageFlow.MARGIN_X;
            for (int i = 0; i < cellLines.size(); i++) {
                TextLayout layout = i == 0 ? first : rest;
                float baseline = top - CELL_PADDING - LEADING * 0.75f;
                for (List<TextLayout.Piece> line : cellLines.get(i)) {
                    if (elements == null) {
                        flow.beginArtifact(sheet, "Pagination", null);
                        content.setNonStrokingColor(TEXT[0], TEXT[1], TEXT[2]);
                        float lineX = x + CELL_PADDING;
                        for (TextLayout.Piece piece : line) {
                            PageFlow.showText(content, layout.font(), BODY_SIZE, lineX, baseline, piece.text());
                            lineX += piece.width();
                        }
                        flow.end(sheet);
                    } else {
                        drawLine(elements.get(i), line, layout.font(), BODY_SIZE, x + CELL_PADDING, baseline);
                    }
                    baseline -= LEADING;
                }
                x += widths[i];
            }
            flow.down(height);
        }

        // ---- Figures -------------------------------------------------------------------------------

        /**
         * A chart with its caption, then its data table. A chart that fits on a page is kept whole (on the
         * next page if need be); a taller one starts where its key and first row fit and continues over as
         * many pages as it needs, its key repeated on each, all in the one Figure element. The limit: a single
         * row taller than a page (a label of hundreds of words) is not cut, and would overflow its page.
         */
        private void figure(Figure figure, PDStructureElement parent) throws IOException {
            ChartDrawer.Layout chart = chartLayout(figure);
            List<List<TextLayout.Piece>> captionLines = figureCaptionLines(figure);
            flow.ensure(figureStart(chart, captionLines));
            List<ChartDrawer.Rows> parts = fitsOnPage(chart, captionLines) ? List.of(chart.all())
                    : chart.split(flow.y() - PageFlow.BOTTOM, PageFlow.TOP - PageFlow.BOTTOM);

            PDStructureElement element = child(parent, "Figure");
            element.setAlternateDescription(figure.altText());
            if (parts.size() == 1) {
                // BBox describes an element on a single page, so a chart over several pages goes without.
                float height = chart.height(parts.get(0));
                PDLayoutAttributeObject layout = new PDLayoutAttributeObject();
                layout.setBBox(new PDRectangle(PageFlow.MARGIN_X, flow.y() - height, PageFlow.WIDTH, height));
                element.addAttribute(layout);
            }
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    flow.newPage();
                }
                ChartDrawer.Rows part = parts.get(i);
                flow.beginTagged(element);
                chart.draw(part, flow.content(), PageFlow.MARGIN_X, flow.y());
                flow.end(flow.sheet());
                flow.down(chart.height(part) + 4);
            }

            PDStructureElement caption = child(element, "Caption");
            for (List<TextLayout.Piece> line : captionLines) {
                flow.ensure(LEADING);
                drawLine(caption, line, fonts.bold, BODY_SIZE, PageFlow.MARGIN_X, flow.y() - LEADING * 0.75f);
                flow.down(LEADING);
            }
            flow.down(PARAGRAPH_GAP);

            // The values behind the chart, as a table right after it.
            table(figure.data(), parent);
        }

        private ChartDrawer.Layout chartLayout(Figure figure) {
            return new ChartDrawer(body, BODY_SIZE, LEADING, small, SMALL_SIZE, SMALL_LEADING)
                    .layout(figure.chart(), PageFlow.WIDTH);
        }

        private List<List<TextLayout.Piece>> figureCaptionLines(Figure figure) {
            return new TextLayout(fonts, fonts.bold, BODY_SIZE).lines(List.of(Span.of(figure.caption())),
                    PageFlow.WIDTH);
        }

        private static boolean fitsOnPage(ChartDrawer.Layout chart, List<List<TextLayout.Piece>> captionLines) {
            return chart.height(chart.all()) + captionLines.size() * LEADING + 4 <= PageFlow.TOP - PageFlow.BOTTOM;
        }

        /** A figure's start: its whole chart and caption when they fit on a page, else the key and first row. */
        private float figureStart(Figure figure) {
            return figureStart(chartLayout(figure), figureCaptionLines(figure));
        }

        private static float figureStart(ChartDrawer.Layout chart, List<List<TextLayout.Piece>> captionLines) {
            return fitsOnPage(chart, captionLines) ? chart.height(chart.all()) + captionLines.size() * LEADING + 4
                    : chart.height(chart.first());
        }

        // ---- Cover and contents ----------------------------------------------------------------------

        private void cover(PDStructureElement top) throws IOException {
            ReportMetadata metadata = report.metadata();
            PDStructureElement sect = child(top, "Sect");
            flow.newPage();
            flow.down(120);
            Paragraph subject = new Paragraph(List.of(Span.of(metadata.subject())));
            heading(sect, 1, report.title(), start(subject, 1));
            PDOutlineItem bookmark = bookmark(report.title());
            outline.addLast(bookmark);
            paragraph(subject.spans(), sect);
            flow.down(LEADING);
            String published = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK)
                    .format(metadata.publishedAt().atZone(ZoneOffset.UTC));
            paragraph(List.of(Span.of("Round: " + metadata.round())), sect);
            paragraph(List.of(Span.of("Published: " + published)), sect);
            paragraph(List.of(Span.of("Survey definition version: " + metadata.definitionVersion())), sect);
            paragraph(List.of(Span.of("Methodology version: " + metadata.methodologyVersion())), sect);
            paragraph(List.of(Span.of("Data snapshot: " + metadata.dataSnapshotId())), sect);
        }

        private void collectContents(List<Block> blocks, int depth) {
            for (Block block : blocks) {
                if (block instanceof Section section && depth <= CONTENTS_DEPTH) {
                    contents.add(new ContentsEntry(section.title(), depth));
                    collectContents(section.content(), depth + 1);
                }
            }
        }

        private int contentsEntry = 0;

        /** Records the page of a heading that the contents page lists, in the order they were collected. */
        private void contentsEntryDrawn(String title, int depth) {
            if (depth <= CONTENTS_DEPTH) {
                ContentsEntry entry = contents.get(contentsEntry++);
                assert entry.title.equals(title);
                entry.page = flow.sheet().number;
            }
        }

        private static final float CONTENTS_NUMBER_WIDTH = 40;
        private static final float CONTENTS_INDENT = 16;

        private List<List<TextLayout.Piece>> contentsLines(ContentsEntry entry) {
            TextLayout layout = entry.level == 1 ? new TextLayout(fonts, fonts.bold, BODY_SIZE) : body;
            float indent = (entry.level - 1) * CONTENTS_INDENT;
            return layout.lines(List.of(Span.of(entry.title)), PageFlow.WIDTH - indent - CONTENTS_NUMBER_WIDTH);
        }

        /** How many pages the contents take, by the same arithmetic that draws them. */
        private int contentsPageCount() {
            int pages = 1;
            float y = PageFlow.TOP - headingHeight(1, "Contents");
            for (ContentsEntry entry : contents) {
                float height = contentsLines(entry).size() * LEADING;
                if (y - height < PageFlow.BOTTOM) {
                    pages++;
                    y = PageFlow.TOP;
                }
                y -= height + 4;
            }
            return pages;
        }

        private void contentsPage(PDStructureElement sect, PDOutlineItem bookmark) throws IOException {
            flow.newPage();
            // The contents start on a fresh page, so its heading has nothing to keep with.
            heading(sect, 1, "Contents", 0);
            PDOutlineItem filled = bookmark("Contents");
            bookmark.setTitle(filled.getTitle());
            bookmark.setDestination(filled.getDestination());
            PDStructureElement toc = child(sect, "TOC");
            PDStructureElement levelOneItem = null;
            PDStructureElement nested = null;
            for (ContentsEntry entry : contents) {
                PDStructureElement item;
                if (entry.level == 1 || levelOneItem == null) {
                    item = child(toc, "TOCI");
                    levelOneItem = item;
                    nested = null;
                } else {
                    if (nested == null) {
                        nested = child(levelOneItem, "TOC");
                    }
                    item = child(nested, "TOCI");
                }
                List<List<TextLayout.Piece>> lines = contentsLines(entry);
                PDType0Font font = entry.level == 1 ? fonts.bold : fonts.regular;
                float height = lines.size() * LEADING;
                if (flow.y() - height < PageFlow.BOTTOM) {
                    flow.newPage();
                }
                float x = PageFlow.MARGIN_X + (entry.level - 1) * CONTENTS_INDENT;
                for (int i = 0; i < lines.size(); i++) {
                    float baseline = flow.y() - LEADING * 0.75f;
                    drawLine(item, lines.get(i), font, BODY_SIZE, x, baseline);
                    if (i == lines.size() - 1) {
                        // The page number, right-aligned, read after the title.
                        String number = Integer.toString(entry.page);
                        float width = fonts.width(font, BODY_SIZE, number);
                        drawLine(item, List.of(new TextLayout.Piece(" " + number, null, null, width)), font,
                                BODY_SIZE, PageFlow.MARGIN_X + PageFlow.WIDTH - width
                                        - fonts.width(font, BODY_SIZE, " "), baseline);
                    }
                    flow.down(LEADING);
                }
                flow.down(4);
            }
        }

        /** Running header (the title, after the cover) and footer (page number), as pagination artifacts. */
        private void decorate(PageFlow pages, PageFlow.Sheet sheet) throws IOException {
            PDPageContentStream content = sheet.content;
            float pageWidth = PageFlow.SIZE.getWidth();
            if (sheet.number > 1) {
                pages.beginArtifact(sheet, "Pagination", "Header");
                content.setNonStrokingColor(QUIET_TEXT[0], QUIET_TEXT[1], QUIET_TEXT[2]);
                PageFlow.showText(content, fonts.regular, SMALL_SIZE, PageFlow.MARGIN_X,
                        PageFlow.SIZE.getHeight() - 40, small.drawable(report.title()));
                content.setStrokingColor(RULE[0], RULE[1], RULE[2]);
                content.setLineWidth(0.5f);
                content.moveTo(PageFlow.MARGIN_X, PageFlow.SIZE.getHeight() - 46);
                content.lineTo(pageWidth - PageFlow.MARGIN_X, PageFlow.SIZE.getHeight() - 46);
                content.stroke();
                pages.end(sheet);
            }
            pages.beginArtifact(sheet, "Pagination", "Footer");
            content.setNonStrokingColor(QUIET_TEXT[0], QUIET_TEXT[1], QUIET_TEXT[2]);
            String footer = "Page " + sheet.number;
            PageFlow.showText(content, fonts.regular, SMALL_SIZE,
                    pageWidth - PageFlow.MARGIN_X - small.width(footer), 36, footer);
            String round = small.drawable("Round " + report.metadata().round() + " \u00B7 data snapshot "
                    + report.metadata().dataSnapshotId());
            PageFlow.showText(content, fonts.regular, SMALL_SIZE, PageFlow.MARGIN_X, 36, round);
            pages.end(sheet);
        }

        // ---- Catalog, metadata, identity -------------------------------------------------------------

        private void finishCatalog() throws IOException {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            root.setParentTree(new PDNumberTreeNode(flow.parentTree(), COSObjectable.class));
            root.setParentTreeNextKey(flow.pageCount());
            catalog.setStructureTreeRoot(root);
            PDMarkInfo markInfo = new PDMarkInfo();
            markInfo.setMarked(true);
            catalog.setMarkInfo(markInfo);
            catalog.setLanguage(report.language());

            PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
            preferences.setDisplayDocTitle(true);
            catalog.setViewerPreferences(preferences);
            catalog.setDocumentOutline(outline);
            catalog.setPageMode(PageMode.USE_OUTLINES);
            outline.openNode();

            ReportMetadata metadata = report.metadata();
            Calendar published = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            published.setTimeInMillis(metadata.publishedAt().toEpochMilli());
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(report.title());
            info.setSubject(metadata.subject());
            info.setCreator("nhssm");
            info.setProducer(PRODUCER);
            info.setCreationDate(published);
            info.setModificationDate(published);

            PDMetadata xmp = new PDMetadata(document);
            xmp.importXMPMetadata(Xmp.packet(report, PRODUCER).getBytes(StandardCharsets.UTF_8));
            catalog.setMetadata(xmp);

            // A fixed document ID derived from the report's identity, so the same data gives the same bytes.
            byte[] id = Arrays.copyOf(sha256(report.title() + '\n' + metadata.round() + '\n'
                    + metadata.definitionVersion() + '\n' + metadata.methodologyVersion() + '\n'
                    + metadata.dataSnapshotId() + '\n' + metadata.publishedAt()), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
        }

        private static byte[] sha256(String text) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every JVM has SHA-256", e);
            }
        }

        private static PDStructureElement child(PDStructureNode parent, String type) {
            PDStructureElement element = new PDStructureElement(type, parent);
            parent.appendKid(element);
            return element;
        }
    }
}
