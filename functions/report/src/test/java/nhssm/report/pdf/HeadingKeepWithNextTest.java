package nhssm.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nhssm.report.PdfUa;
import nhssm.report.document.Block;
import nhssm.report.document.Block.DataTable;
import nhssm.report.document.Block.Figure;
import nhssm.report.document.Block.Paragraph;
import nhssm.report.document.Block.Section;
import nhssm.report.document.Chart.HorizontalBars;
import nhssm.report.document.ReportDocument;
import nhssm.report.document.ReportMetadata;

import org.junit.jupiter.api.Test;

/** A heading is never left alone at the foot of a page: it moves over with the start of what follows it. */
class HeadingKeepWithNextTest {

    /** One-line paragraphs, each a little over 20 points high, so a run of counts walks a page's height. */
    private static final int MOST_FILLERS = 36;

    @Test
    void write_shouldKeepEveryHeadingWithItsFigureOrTable_wherePrecedingTextEnds() throws IOException {
        for (int fillers = 0; fillers <= MOST_FILLERS; fillers++) {
            ReportDocument report = report(fillers);

            byte[] pdf = new TaggedPdfWriter().write(report);

            HeadingPlacement.assertHeadingsKeptWithNext(pdf, report);
        }
    }

    @Test
    void write_shouldPassEveryPdfUa1Rule_whenHeadingsMoveToTheNextPage() {
        for (int fillers : new int[] {24, 31}) {
            PdfUa.Verdict verdict = PdfUa.validate(new TaggedPdfWriter().write(report(fillers)));

            assertThat(verdict.failures()).as("failed PDF/UA-1 rules with %d fillers", fillers).isEmpty();
            assertThat(verdict.compliant()).isTrue();
        }
    }

    /** Filler text, then sections that open with a figure, a table and a nested section's table. */
    private static ReportDocument report(int fillers) {
        List<Block> filler = new ArrayList<>();
        for (int i = 1; i <= fillers; i++) {
            filler.add(Paragraph.of("Filler paragraph " + i + " moves what follows down the page."));
        }
        List<Block> body = List.of(
                new Section("Introduction", filler),
                Section.of("Platforms used", platforms()),
                Paragraph.of("Between the sections, a paragraph of one line."),
                Section.of("Channels and presence",
                        Section.of("Accounts per trust", accounts()),
                        Paragraph.of("What the table shows, in a sentence.")),
                Section.of("Staffing", accounts()));
        return new ReportDocument("Headings kept with what follows", ReportDocument.ENGLISH_UK,
                new ReportMetadata("A document whose headings fall near the foot of a page.", "2026",
                        "definition-3", "methodology-2", "snap-keep", Instant.parse("2026-11-24T09:00:00Z")),
                body);
    }

    private static Figure platforms() {
        DataTable data = new DataTable("Platforms used by trusts (self-reported)", List.of("Platform", "Trusts"),
                List.of(DataTable.Row.of("Facebook", "190 of 190 (100%)"),
                        DataTable.Row.of("LinkedIn", "160 of 190 (84%)"),
                        DataTable.Row.of("Instagram", "140 of 190 (74%)")));
        return new Figure("Horizontal bar chart of the share of trusts using each platform: all use Facebook.",
                "Figure 1: Platforms used by trusts, percentage of responding trusts",
                new HorizontalBars(List.of(
                        new HorizontalBars.Bar("Facebook", 100, "190 of 190 (100%)"),
                        new HorizontalBars.Bar("LinkedIn", 84, "160 of 190 (84%)"),
                        new HorizontalBars.Bar("Instagram", 74, "140 of 190 (74%)")), 100),
                data);
    }

    private static DataTable accounts() {
        List<DataTable.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            rows.add(DataTable.Row.of("Peer group " + i, Integer.toString(10 + i), Integer.toString(3 * i)));
        }
        return new DataTable("Table 1: Accounts per trust by peer group", List.of("Group", "Trusts", "Accounts"),
                rows);
    }
}
