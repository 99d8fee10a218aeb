package nhssm.report.html;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nhssm.report.document.Block;
import nhssm.report.document.Block.DataTable;
import nhssm.report.document.Block.Figure;
import nhssm.report.document.Block.ItemList;
import nhssm.report.document.Block.Paragraph;
import nhssm.report.document.Block.Section;
import nhssm.report.document.Chart.BandPositions;
import nhssm.report.document.Chart.DivergingBars;
import nhssm.report.document.Chart.HorizontalBars;
import nhssm.report.document.Chart.StackedBars;
import nhssm.report.document.ReportDocument;
import nhssm.report.document.ReportMetadata;
import nhssm.report.document.Span;

/** Named report documents for the HTML tests. */
final class HtmlSamples {

    /** Text that would break out of any context it was not escaped in: element, attribute, SVG title. */
    static final String HOSTILE = "<script>alert(\"x\")</script> & 'single' \"double\" </title></svg><b>&amp;";
    static final String WELSH = "Mae\u2019r ymddiriedolaeth yn defnyddio\u2019r cyfryngau cymdeithasol: dŵr a tŷ.";

    private HtmlSamples() {
    }

    /** Every block kind, every chart kind, a Welsh run, sections six deep, and hostile text in every field. */
    static ReportDocument everything() {
        Figure bars = new Figure("Bar chart: every trust uses Facebook; TikTok is used by few. " + HOSTILE,
                "Figure 1: Platforms used " + HOSTILE,
                new HorizontalBars(List.of(
                        new HorizontalBars.Bar("Facebook", 100, "190 of 190 (100%)"),
                        new HorizontalBars.Bar("X (formerly Twitter)", 90, "171 of 190 (90%)"),
                        new HorizontalBars.Bar("Platform " + HOSTILE, 45, "85 of 190 (45%) " + HOSTILE),
                        new HorizontalBars.Bar("TikTok", 0, "0 of 190 (0%)")), 100),
                table("Platforms " + HOSTILE, List.of("Platform", "Trusts " + HOSTILE),
                        List.of(DataTable.Row.of("Facebook", "190 of 190 (100%)"),
                                DataTable.Row.of("Platform " + HOSTILE, "85 of 190 (45%) " + HOSTILE))));
        Figure stacked = new Figure("Stacked bars: most acute trusts have a strategy.",
                "Figure 2: Strategy status by peer group",
                new StackedBars(List.of("Has a strategy", "Developing one", "None " + HOSTILE), List.of(
                        new StackedBars.Row("Acute trusts", List.of(0.6, 0.3, 0.1), List.of("60%", "30%", "10%"),
                                "n = 42"),
                        new StackedBars.Row("Ambulance trusts " + HOSTILE, List.of(), List.of(), "[c] " + HOSTILE),
                        new StackedBars.Row("Community trusts", List.of(0.25, 0.25, 0.5), List.of("25%", "25%", "50%"),
                                "n = 20"))),
                table("Strategy status", List.of("Peer group", "Has a strategy", "Developing one", "None"),
                        List.of(DataTable.Row.of("Acute trusts", "25 (60%)", "13 (30%)", "4 (10%)"))));
        Figure diverging = new Figure("Diverging bars: staff are mostly encouraged.",
                "Figure 3: Encouragement of staff",
                new DivergingBars(List.of("Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"), 2,
                        List.of(new StackedBars.Row("All trusts", List.of(0.05, 0.1, 0.2, 0.4, 0.25),
                                        List.of("5%", "10%", "20%", "40%", "25%"), "n = 120"),
                                new StackedBars.Row("Acute trusts", List.of(0.1, 0.2, 0.2, 0.3, 0.2),
                                        List.of("10%", "20%", "20%", "30%", "20%"), "n = 40"),
                                new StackedBars.Row("Ambulance trusts", List.of(), List.of(), "[c]"))),
                table("Encouragement", List.of("Group", "Agree"), List.of(DataTable.Row.of("All trusts", "78 (65%)"))));
        Figure bands = new Figure("Band chart: the trust is in the middle half of acute trusts.",
                "Figure 4: Whole-time equivalent staff",
                new BandPositions(List.of(
                        new BandPositions.Position("Social media staff (WTE)",
                                Optional.of(new BandPositions.Spread(0.5, 1.5, 2.5, 4, 9)), Optional.of(3.0),
                                "in the middle half of acute trusts"),
                        new BandPositions.Position("Budget band " + HOSTILE, Optional.empty(), Optional.empty(),
                                "[c] " + HOSTILE))),
                table("Whole-time equivalent staff", List.of("Measure", "Value"),
                        List.of(DataTable.Row.of("Median", "2.5"))));

        List<Block> body = List.of(
                Section.of("Key findings",
                        Paragraph.of("Self-reported by trusts. " + HOSTILE),
                        ItemList.of("190 of 190 trusts (100%) use Facebook.", "An item " + HOSTILE)),
                Section.of("How to read " + HOSTILE,
                        Paragraph.of("Percentages always come with their counts."),
                        Section.of("Quartile bands",
                                Section.of("Level three",
                                        Section.of("Level four",
                                                Section.of("Level five",
                                                        Section.of("Level six", Paragraph.of("Deepest."))))))),
                Section.of("Channels and presence",
                        bars,
                        stacked,
                        Paragraph.of(Span.of("A Welsh trust wrote: "), Span.in("cy", WELSH), Span.of(" " + HOSTILE)),
                        new ItemList(List.of(List.of(Span.of("In English")),
                                List.of(Span.in("cy", "Eitem yn Gymraeg gyda ŵ ac ŷ"))))),
                Section.of("Staff access", diverging, bands),
                // The same title twice, to need a counter in its id.
                Section.of("Channels and presence", Paragraph.of("A second section with the same title.")),
                Section.of("Annex",
                        table("Table A1 " + HOSTILE, List.of("Trust", "Responses"),
                                List.of(DataTable.Row.of("Trust " + HOSTILE, "[c]")))));

        return new ReportDocument("The state of social media in the NHS " + HOSTILE, ReportDocument.ENGLISH_UK,
                new ReportMetadata("How NHS trusts use social media. " + HOSTILE, "2026 " + HOSTILE,
                        "definition " + HOSTILE, "methodology " + HOSTILE, "snapshot " + HOSTILE,
                        Instant.parse("2026-11-24T09:00:00Z")),
                body);
    }

    private static DataTable table(String caption, List<String> headers, List<DataTable.Row> rows) {
        return new DataTable(caption, headers, rows);
    }
}
