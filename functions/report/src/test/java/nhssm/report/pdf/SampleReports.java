package nhssm.report.pdf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nhssm.report.document.Block;
import nhssm.report.document.Block.DataTable;
import nhssm.report.document.Block.Figure;
import nhssm.report.document.Block.ItemList;
import nhssm.report.document.Block.Paragraph;
import nhssm.report.document.Block.Section;
import nhssm.report.document.Chart.HorizontalBars;
import nhssm.report.document.ReportDocument;
import nhssm.report.document.ReportMetadata;
import nhssm.report.document.Span;

/** Named report documents for the renderer tests. */
final class SampleReports {

    static final String TITLE = "The state of social media in the NHS 2026";
    static final String WELSH = "Mae\u2019r ymddiriedolaeth yn defnyddio\u2019r cyfryngau cymdeithasol bob dydd: "
            + "ŵyr, ŷd, dŵr a tŷ.";
    static final String EMOJI_COMMENT = "Our followers love it \uD83D\uDC4D\uD83C\uDFFD and the team \u2764\uFE0F it";

    private SampleReports() {
    }

    /** A document with every block kind, Welsh and emoji text, a table longer than a page and a figure. */
    static ReportDocument everything() {
        List<DataTable.Row> manyRows = new ArrayList<>();
        for (int i = 1; i <= 70; i++) {
            manyRows.add(DataTable.Row.of(String.format("Trust number %02d", i), i % 7 == 0 ? "[c]" : Integer.toString(i),
                    (i * 3 % 100) + "%"));
        }
        DataTable platforms = new DataTable("Platforms used by trusts (self-reported)",
                List.of("Platform", "Trusts", "Percentage"),
                List.of(DataTable.Row.of("Facebook", "190", "100%"), DataTable.Row.of("X (formerly Twitter)", "171", "90%"),
                        DataTable.Row.of("LinkedIn", "160", "84%"), DataTable.Row.of("Instagram", "140", "74%"),
                        DataTable.Row.of("TikTok", "12", "[c]")));
        Figure figure = new Figure(
                "Horizontal bar chart of the share of trusts using each platform: all use Facebook, nine in ten "
                        + "X, and TikTok is used by few trusts.",
                "Figure 1: Platforms used by trusts, percentage of responding trusts",
                new HorizontalBars(List.of(
                        new HorizontalBars.Bar("Facebook", 100, "190 of 190 (100%)"),
                        new HorizontalBars.Bar("X (formerly Twitter)", 90, "171 of 190 (90%)"),
                        new HorizontalBars.Bar("LinkedIn", 84, "160 of 190 (84%)"),
                        new HorizontalBars.Bar("Instagram", 74, "140 of 190 (74%)"),
                        new HorizontalBars.Bar("TikTok", 6, "12 of 190")), 100),
                platforms);

        List<Block> body = List.of(
                Section.of("Key findings",
                        Paragraph.of("Every responding trust uses at least one social media platform. This is "
                                + "self-reported data from the trusts' communications teams, and the unit is the trust."),
                        ItemList.of("190 of 190 trusts (100%) use Facebook.",
                                "160 of 190 trusts (84%) use LinkedIn, more than in the last round.",
                                "No trust is ranked, and no composite score is computed.")),
                Section.of("How to read this report",
                        Paragraph.of("Percentages are whole numbers and always come with their counts. Cells with "
                                + "fewer than five trusts are suppressed and shown as [c]."),
                        Section.of("Quartile bands",
                                Paragraph.of("A trust is placed in the lower quarter, the middle half or the upper "
                                        + "quarter of its peer group."),
                                Section.of("An example",
                                        Paragraph.of("A long paragraph to exercise wrapping across lines. " .repeat(12))))),
                Section.of("Channels and presence",
                        figure,
                        Paragraph.of(Span.of("A Welsh trust wrote: "), Span.in("cy", WELSH),
                                Span.of(" That is, the trust uses social media every day.")),
                        Paragraph.of(Span.of("A comment with emoji: "), Span.of(EMOJI_COMMENT),
                                Span.of(" and a script the fonts lack: \u0BA4\u0BAE\u0BBF\u0BB4\u0BCD.")),
                        new ItemList(List.of(List.of(Span.of("An item in English")),
                                List.of(Span.in("cy", "Eitem yn Gymraeg gyda ŵ ac ŷ"))))),
                Section.of("Annex: responses by trust",
                        new DataTable("Table A1: Responses by trust (a table longer than a page)",
                                List.of("Trust", "Responses", "Share"), manyRows)));

        return new ReportDocument(TITLE, ReportDocument.ENGLISH_UK,
                new ReportMetadata("How NHS trusts in England use social media, from the 2026 survey.", "2026",
                        "definition-3", "methodology-2", "snap-2026-11-24-abc123",
                        Instant.parse("2026-11-24T09:00:00Z")),
                body);
    }
}
