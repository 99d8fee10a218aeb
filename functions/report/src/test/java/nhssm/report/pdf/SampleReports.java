package nhssm.report.pdf;

import java.time.Instant;
import java.util.ArrayList;
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

/** Named report documents for the renderer tests. */
final class SampleReports {

    static final String TITLE = "The state of social media in the NHS 2026";
    static final String WELSH = "Mae\u2019r ymddiriedolaeth yn defnyddio\u2019r cyfryngau cymdeithasol bob dydd: "
            + "ŵyr, ŷd, dŵr a tŷ.";
    static final String EMOJI_COMMENT = "Our followers love it \uD83D\uDC4D\uD83C\uDFFD and the team \u2764\uFE0F it";
    /** Chart row labels with Welsh letters, an emoji, and one long enough to wrap. */
    static final String WELSH_LABEL = "Byrddau iechyd yng Nghymru: dŵr a tŷ";
    static final String EMOJI_LABEL = "Specialist trusts \uD83D\uDC4D\uD83C\uDFFD";
    static final String LONG_LABEL = "Mental health, learning disability and autism trusts with community services";
    static final String SUPPRESSED = "[c]";
    /** The caption of the chart with more rows than fit on a page. */
    static final String LONG_CHART_CAPTION = "Figure 5: Account registers by integrated care board area";

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
                Section.of("Strategy, staff and resourcing",
                        strategyByPeerGroup(), encouragementByPeerGroup(), staffAgainstPeers(),
                        Paragraph.of("The register of accounts differs between areas; each area is shown with its "
                                + "own count, not ranked."),
                        registersByArea()),
                Section.of("Annex: responses by trust",
                        new DataTable("Table A1: Responses by trust (a table longer than a page)",
                                List.of("Trust", "Responses", "Share"), manyRows)));

        return new ReportDocument(TITLE, ReportDocument.ENGLISH_UK,
                new ReportMetadata("How NHS trusts in England use social media, from the 2026 survey.", "2026",
                        "definition-3", "methodology-2", "snap-2026-11-24-abc123",
                        Instant.parse("2026-11-24T09:00:00Z")),
                body);
    }

    /** Stacked bars with a wrapped label, a suppressed row, and Welsh and emoji labels. */
    private static Figure strategyByPeerGroup() {
        List<String> categories = List.of("Published strategy", "Strategy in development", "No strategy");
        List<StackedBars.Row> rows = List.of(
                stackedRow("Acute trusts", 42, 26, 10, 6),
                stackedRow(LONG_LABEL, 48, 30, 12, 6),
                new StackedBars.Row("Ambulance trusts", List.of(), List.of(), SUPPRESSED),
                stackedRow(WELSH_LABEL, 12, 6, 3, 3),
                stackedRow(EMOJI_LABEL, 16, 9, 4, 3));
        return new Figure("Stacked bar chart of the strategy status of trusts by peer group: in every group shown, "
                        + "most trusts have a published strategy; ambulance trusts are suppressed.",
                "Figure 2: Social media strategy by peer group (self-reported)",
                new StackedBars(categories, rows),
                table("Strategy status by peer group", categories, rows));
    }

    /** A diverging five-point scale with a neutral point, a zero share, a suppressed row and a Welsh label. */
    private static Figure encouragementByPeerGroup() {
        List<String> points = List.of("Strongly discourage", "Discourage", "Neither", "Encourage",
                "Strongly encourage");
        List<StackedBars.Row> rows = List.of(
                stackedRow("Acute trusts", 42, 3, 5, 8, 16, 10),
                stackedRow("Community trusts", 30, 0, 3, 6, 12, 9),
                new StackedBars.Row("Ambulance trusts", List.of(), List.of(), SUPPRESSED),
                stackedRow(WELSH_LABEL, 15, 3, 3, 3, 3, 3));
        return new Figure("Diverging bar chart of how far trusts encourage staff to use social media, by peer "
                        + "group: more trusts encourage than discourage in every group shown.",
                "Figure 3: Encouragement of staff to use social media (self-reported)",
                new DivergingBars(points, 2, rows),
                table("Encouragement by peer group", points, rows));
    }

    /** A trust on its peers' spreads: a full row, a row with no value and a suppressed row. */
    private static Figure staffAgainstPeers() {
        List<BandPositions.Position> rows = List.of(
                new BandPositions.Position("Acute trusts",
                        Optional.of(new BandPositions.Spread(0.5, 1.2, 2, 3.1, 6)), Optional.of(2.5),
                        "in the middle half of acute trusts"),
                new BandPositions.Position("All trusts",
                        Optional.of(new BandPositions.Spread(0, 1, 1.8, 3, 8)), Optional.of(2.5),
                        "in the middle half of all trusts"),
                new BandPositions.Position(WELSH_LABEL,
                        Optional.of(new BandPositions.Spread(0.2, 0.8, 1.1, 1.5, 2.4)), Optional.empty(),
                        "no answer from this trust"),
                new BandPositions.Position("Ambulance trusts", Optional.empty(), Optional.of(2.5), SUPPRESSED));
        List<DataTable.Row> data = new ArrayList<>();
        for (BandPositions.Position row : rows) {
            data.add(new DataTable.Row(row.label(), List.of(
                    row.value().map(SampleReports::number).orElse("no answer"),
                    row.spread().map(s -> number(s.min())).orElse(SUPPRESSED),
                    row.spread().map(s -> number(s.lowerQuartile())).orElse(SUPPRESSED),
                    row.spread().map(s -> number(s.median())).orElse(SUPPRESSED),
                    row.spread().map(s -> number(s.upperQuartile())).orElse(SUPPRESSED),
                    row.spread().map(s -> number(s.max())).orElse(SUPPRESSED))));
        }
        return new Figure("Chart of this trust's social media staff (whole-time equivalent) on the spread of its "
                        + "peers: 2.5, in the middle half of acute trusts and of all trusts.",
                "Figure 4: Social media staff, whole-time equivalent, this trust against its peers",
                new BandPositions(rows),
                new DataTable("Social media staff (WTE) against peers",
                        List.of("Group", "This trust", "Lowest", "Lower quartile", "Median", "Upper quartile",
                                "Highest"),
                        data));
    }

    /** A stacked bar chart of 42 rows: more than a page holds. */
    private static Figure registersByArea() {
        List<String> categories = List.of("Register kept and reviewed", "Register kept", "No register");
        List<StackedBars.Row> rows = new ArrayList<>();
        for (int area = 1; area <= 42; area++) {
            int trusts = 12 + area % 4;
            int reviewed = 3 + area % 3;
            int kept = (trusts - reviewed) / 2;
            rows.add(stackedRow(String.format("Integrated care board area %02d", area), trusts, reviewed, kept,
                    trusts - reviewed - kept));
        }
        return new Figure("Stacked bar chart of account registers in each of 42 areas: most areas have trusts "
                        + "in every category.",
                LONG_CHART_CAPTION,
                new StackedBars(categories, rows),
                table("Account registers by area", categories, rows));
    }

    /** A row of counts out of {@code of}, shown as counts, with whole percentages from 20 trusts. */
    private static StackedBars.Row stackedRow(String label, int of, int... counts) {
        List<Double> shares = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int count : counts) {
            shares.add((double) count / of);
            shown.add(of >= 20 ? count + " (" + Math.round(100.0 * count / of) + "%)" : Integer.toString(count));
        }
        return new StackedBars.Row(label, shares, shown, "n = " + of);
    }

    private static DataTable table(String caption, List<String> categories, List<StackedBars.Row> rows) {
        List<String> headers = new ArrayList<>();
        headers.add("Group");
        headers.addAll(categories);
        List<DataTable.Row> data = new ArrayList<>();
        for (StackedBars.Row row : rows) {
            List<String> cells = row.shownShares().isEmpty()
                    ? categories.stream().map(c -> SUPPRESSED).toList()
                    : row.shownShares();
            data.add(new DataTable.Row(row.label(), cells));
        }
        return new DataTable(caption, headers, data);
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
