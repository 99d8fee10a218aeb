package nhssm.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nhssm.report.document.Block;
import nhssm.report.document.Block.DataTable;
import nhssm.report.document.Block.Figure;
import nhssm.report.document.Block.Section;
import nhssm.report.document.ReportDocument;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Where a rendered report's headings fell, read back from the PDF: the text lines of each page (without
 * the running header and footer) and each heading's page from its bookmark. Checks that no heading is
 * left alone at the foot of a page.
 */
public final class HeadingPlacement {

    /** The lines of each page, top to bottom, the running header and footer left out. */
    private final List<List<String>> pages = new ArrayList<>();
    /** The page index (from 0) of each bookmarked heading, by title, in document order. */
    private final Map<String, Integer> headingPages = new LinkedHashMap<>();

    private HeadingPlacement(byte[] pdf, ReportDocument report) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                List<String> lines = new ArrayList<>();
                for (String line : stripper.getText(document).split("\\R")) {
                    String text = line.strip().replaceAll("\\s+", " ");
                    boolean header = page > 1 && lines.isEmpty() && text.equals(report.title());
                    boolean footer = text.contains("data snapshot " + report.metadata().dataSnapshotId())
                            || text.matches("Page \\d+");
                    if (!text.isEmpty() && !header && !footer) {
                        lines.add(text);
                    }
                }
                pages.add(lines);
            }
            collect(document, document.getDocumentCatalog().getDocumentOutline());
        }
    }

    private void collect(PDDocument document, PDOutlineNode node) throws IOException {
        for (PDOutlineItem item : node.children()) {
            PDPageDestination destination = (PDPageDestination) item.getDestination();
            headingPages.putIfAbsent(item.getTitle(), document.getPages().indexOf(destination.getPage()));
            collect(document, item);
        }
    }

    /**
     * Asserts that no page ends with a section heading, and that every section opening with a figure or a
     * table has its heading on the page where the figure's chart and caption or the table's caption are.
     */
    public static void assertHeadingsKeptWithNext(byte[] pdf, ReportDocument report) throws IOException {
        HeadingPlacement placement = new HeadingPlacement(pdf, report);
        List<Section> sections = new ArrayList<>();
        sections(report.body(), sections);
        List<String> titles = sections.stream().map(Section::title).toList();
        for (int page = 0; page < placement.pages.size(); page++) {
            List<String> lines = placement.pages.get(page);
            assertThat(lines).as("text of page %d", page + 1).isNotEmpty();
            assertThat(titles).as("headings; the last line of page %d is %s", page + 1, lines.getLast())
                    .doesNotContain(lines.getLast());
        }
        for (Section section : sections) {
            if (section.content().isEmpty()) {
                continue;
            }
            String start = switch (section.content().getFirst()) {
                case Figure figure -> figure.caption();
                case DataTable table -> table.caption();
                default -> null;
            };
            if (start == null) {
                continue;
            }
            Integer page = placement.headingPages.get(section.title());
            assertThat(page).as("page of heading '%s'", section.title()).isNotNull().isNotNegative();
            assertThat(String.join(" ", placement.pages.get(page)))
                    .as("page %d, with the heading '%s'", page + 1, section.title())
                    .contains(section.title(), start);
        }
    }

    private static void sections(List<Block> blocks, List<Section> into) {
        for (Block block : blocks) {
            if (block instanceof Section section) {
                into.add(section);
                sections(section.content(), into);
            }
        }
    }
}
