package nhssm.report.html;

import static nhssm.report.html.HtmlSamples.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.trust.TrustRegister;
import nhssm.report.chart.ChartMarks;
import nhssm.report.chart.ChartPalette;
import nhssm.report.content.ItemFigures;
import nhssm.report.content.RoundData;
import nhssm.report.csv.GeneratedRound;
import nhssm.report.document.Block;
import nhssm.report.document.Block.DataTable;
import nhssm.report.document.Block.Figure;
import nhssm.report.document.Block.Paragraph;
import nhssm.report.document.Block.Section;
import nhssm.report.document.Chart;
import nhssm.report.document.Chart.StackedBars;
import nhssm.report.document.ReportDocument;
import nhssm.report.document.ReportMetadata;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    private static final ReportDocument SAMPLE = HtmlSamples.everything();
    private static byte[] html;
    private static Document page;

    @BeforeAll
    static void render() {
        html = new HtmlReportWriter().write(SAMPLE);
        page = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
    }

    @Test
    void write_shouldDeclareLanguageTitleAndCharset() {
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(page.title()).isEqualTo(SAMPLE.title());
        assertThat(page.select("head meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
        assertThat(new String(html, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>\n");
    }

    @Test
    void write_shouldPrintWhatTheReportWasComputedFrom_onTheCover() {
        Element cover = page.selectFirst("body > header");
        ReportMetadata metadata = SAMPLE.metadata();

        assertThat(cover.selectFirst("h1").text()).isEqualTo(SAMPLE.title());
        assertThat(cover.select("dt").eachText()).containsExactly("Round", "Published", "Survey definition version",
                "Methodology version", "Data snapshot");
        assertThat(cover.select("dd").eachText()).containsExactly(metadata.round(), "24 November 2026",
                metadata.definitionVersion(), metadata.methodologyVersion(), metadata.dataSnapshotId());
        assertThat(cover.selectFirst("time").attr("datetime")).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(cover.select("p").text()).isEqualTo(metadata.subject());
    }

    @Test
    void write_shouldHeadEachSectionByItsNestingDepth_neverSkippingALevel() {
        List<String> expected = new ArrayList<>();
        sections(SAMPLE.body(), 1, (section, depth) -> expected.add("h" + depth + " " + section.title()));

        Elements sections = page.select("main section");
        List<String> actual = new ArrayList<>();
        for (Element section : sections) {
            Element heading = section.child(0);
            int depth = section.parents().stream().filter(p -> p.tagName().equals("section")).toList().size() + 1;
            assertThat(heading.tagName()).as("the first child of a section is its heading").isEqualTo("h" + depth);
            actual.add(heading.tagName() + " " + heading.text());
        }
        assertThat(actual).isEqualTo(expected);

        int previous = 0;
        for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.tagName().charAt(1) - '0';
            assertThat(level).as("heading '%s' after a level %d", heading.text(), previous).isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
        assertThat(page.select("h6").eachText()).containsExactly("Level six");
    }

    @Test
    void write_shouldListTheFirstTwoLevels_inTheContents_linkingToTheirHeadings() {
        List<String> expected = new ArrayList<>();
        sections(SAMPLE.body(), 1, (section, depth) -> {
            if (depth <= 2) {
                expected.add(depth + " " + section.title());
            }
        });

        Element nav = page.selectFirst("nav");
        assertThat(nav.attr("aria-labelledby")).isEqualTo(nav.selectFirst("h1").id());
        List<String> listed = new ArrayList<>();
        for (Element link : nav.select("a")) {
            int depth = link.parents().stream().filter(p -> p.tagName().equals("ol")).toList().size();
            listed.add(depth + " " + link.text());
            Element target = page.getElementById(link.attr("href").substring(1));
            assertThat(target).as("target of %s", link.attr("href")).isNotNull();
            assertThat(target.tagName()).matches("h[1-6]");
            assertThat(target.text()).isEqualTo(link.text());
        }
        assertThat(listed).isEqualTo(expected);
    }

    @Test
    void write_shouldGiveUniqueStableIds_derivedFromTheHeadings() {
        List<String> ids = page.select("[id]").eachAttr("id");
        assertThat(new HashSet<>(ids)).as("ids are unique").hasSameSizeAs(ids);

        List<String> channels = page.select("main h1").stream().filter(h -> h.text().equals("Channels and presence"))
                .map(Element::id).toList();
        assertThat(channels).containsExactly("channels-and-presence", "channels-and-presence-2");
        assertThat(page.selectFirst("main h1").id()).isEqualTo("key-findings");

        assertThat(new HtmlReportWriter().write(SAMPLE)).as("the same document renders to the same bytes").isEqualTo(html);
    }

    @Test
    void write_shouldNameEachChartByItsAltText_captionIt_andFollowItWithItsTable() {
        List<Figure> figures = new ArrayList<>();
        blocks(SAMPLE.body(), block -> {
            if (block instanceof Figure figure) {
                figures.add(figure);
            }
        });
        Elements rendered = page.select("figure");
        assertThat(rendered).hasSameSizeAs(figures);

        for (int i = 0; i < figures.size(); i++) {
            Figure figure = figures.get(i);
            Element element = rendered.get(i);
            Element svg = element.selectFirst("svg");
            assertThat(svg).isNotNull();
            assertThat(svg.attr("role")).isEqualTo("img");
            // The accessible name: the text of the elements aria-labelledby points to.
            String name = String.join(" ", List.of(svg.attr("aria-labelledby").split(" ")).stream()
                    .map(id -> page.getElementById(id))
                    .peek(labelling -> assertThat(labelling.tagName()).isEqualTo("title"))
                    .peek(labelling -> assertThat(labelling.parent()).isEqualTo(svg))
                    .map(Element::text).toList());
            assertThat(name).isEqualTo(figure.altText());
            assertThat(element.selectFirst("figcaption").text()).isEqualTo(figure.caption());

            Element next = element.nextElementSibling();
            assertThat(next.tagName()).as("what follows figure %d", i + 1).isEqualTo("table");
            assertThat(next.selectFirst("caption").text()).isEqualTo(figure.data().caption());
        }
    }

    @Test
    void write_shouldRenderEveryTable_withCaptionColumnAndRowHeaders() {
        List<DataTable> tables = new ArrayList<>();
        blocks(SAMPLE.body(), block -> {
            switch (block) {
                case DataTable table -> tables.add(table);
                case Figure figure -> tables.add(figure.data());
                default -> {
                }
            }
        });
        Elements rendered = page.select("table");
        assertThat(rendered).hasSameSizeAs(tables);

        for (int i = 0; i < tables.size(); i++) {
            DataTable table = tables.get(i);
            Element element = rendered.get(i);
            assertThat(element.child(0).tagName()).as("the caption comes first").isEqualTo("caption");
            assertThat(element.selectFirst("caption").text()).isEqualTo(table.caption());
            Elements columnHeaders = element.select("thead tr th");
            assertThat(columnHeaders.eachText()).isEqualTo(table.columnHeaders());
            assertThat(columnHeaders.eachAttr("scope")).containsOnly("col").hasSize(table.columnHeaders().size());
            Elements rows = element.select("tbody tr");
            assertThat(rows).hasSize(table.rows().size());
            for (int r = 0; r < rows.size(); r++) {
                Element row = rows.get(r);
                assertThat(row.child(0).tagName()).isEqualTo("th");
                assertThat(row.child(0).attr("scope")).isEqualTo("row");
                assertThat(row.child(0).text()).isEqualTo(table.rows().get(r).header());
                assertThat(row.select("td").eachText()).isEqualTo(table.rows().get(r).cells());
            }
        }
    }

    @Test
    void write_shouldKeepHostileTextAsText_inEveryField() {
        String source = new String(html, StandardCharsets.UTF_8);

        assertThat(page.select("script")).as("no script element").isEmpty();
        assertThat(page.select("b")).as("no element from the text").isEmpty();
        assertThat(source).doesNotContain("<script").doesNotContain("</title></svg><b>");
        // Each field reads back exactly as written, so it was escaped and not mangled.
        assertThat(page.title()).endsWith(HOSTILE);
        assertThat(page.selectFirst("meta[name=description]").attr("content")).endsWith(HOSTILE);
        assertThat(page.select("main h1").eachText()).contains("How to read " + HOSTILE);
        assertThat(page.select("nav a").eachText()).contains("How to read " + HOSTILE);
        assertThat(page.select("main p").eachText()).contains("Self-reported by trusts. " + HOSTILE);
        assertThat(page.select("main li").eachText()).contains("An item " + HOSTILE);
        assertThat(page.select("caption").eachText()).contains("Table A1 " + HOSTILE, "Platforms " + HOSTILE);
        assertThat(page.select("th").eachText()).contains("Trusts " + HOSTILE, "Trust " + HOSTILE);
        assertThat(page.select("td").eachText()).contains("85 of 190 (45%) " + HOSTILE);
        assertThat(page.select("figcaption").eachText()).contains("Figure 1: Platforms used " + HOSTILE);
        assertThat(page.select("svg title").eachText()).anySatisfy(t -> assertThat(t).endsWith(HOSTILE));
        // Long labels wrap onto several lines of the chart.
        assertThat(String.join(" ", page.select("svg text").eachText()))
                .contains("85 of 190 (45%) " + HOSTILE, "[c] " + HOSTILE, "Budget band " + HOSTILE);
        assertThat(page.select("header dd").eachText()).allSatisfy(fact -> assertThat(fact).satisfiesAnyOf(
                f -> assertThat(f).endsWith(HOSTILE), f -> assertThat(f).isEqualTo("24 November 2026")));
    }

    @Test
    void write_shouldMarkWelshPassages() {
        assertThat(page.select("span[lang=cy]").eachText())
                .containsExactly(HtmlSamples.WELSH, "Eitem yn Gymraeg gyda ŵ ac ŷ");
        assertThat(page.selectFirst("span[lang=cy]").parent().tagName()).isEqualTo("p");
    }

    @Test
    void write_shouldBeSelfContained_withNoScriptAndNothingFetched() {
        assertThat(page.select("script, link, iframe, object, embed, img, [src]")).isEmpty();
        assertThat(page.select("a[href]").eachAttr("href")).allSatisfy(href -> assertThat(href).startsWith("#"));
        assertThat(page.select("[style], [onload], [onclick]")).isEmpty();
        String style = page.select("style").html();
        assertThat(style).doesNotContain("url(").doesNotContain("@import").contains("@media print");
    }

    @Test
    void write_shouldLabelEveryChartDirectly_withEachNameAndValue() {
        List<String> texts = page.select("figure").get(0).select("svg text").eachText();
        assertThat(texts).contains("Facebook", "190 of 190 (100%)", "X (formerly Twitter)", "171 of 190 (90%)",
                "TikTok", "0 of 190 (0%)");

        List<String> stacked = page.select("figure").get(1).select("svg text").eachText();
        assertThat(stacked).as("the key names every category").contains("Has a strategy", "Developing one");
        // Long labels wrap onto several lines.
        assertThat(String.join(" ", stacked)).contains("None " + HOSTILE, "Ambulance trusts " + HOSTILE);
        assertThat(String.join(" ", stacked)).contains("[c] " + HOSTILE);
        assertThat(stacked).contains("Acute trusts", "n = 42", "Community trusts", "n = 20");
        assertThat(stacked).as("segments wide enough carry their category and share")
                .contains("Has a strategy 60%", "Developing one 30%");

        List<String> diverging = page.select("figure").get(2).select("svg text").eachText();
        assertThat(diverging).contains("Strongly disagree", "Neither", "Strongly agree", "All trusts", "n = 120", "[c]");
        assertThat(diverging).anySatisfy(t -> assertThat(t).endsWith("40%"));

        List<String> bands = page.select("figure").get(3).select("svg text").eachText();
        assertThat(bands).contains("Social media staff (WTE)", "in the middle half of acute trusts", "0.5", "9")
                .anySatisfy(t -> assertThat(t).startsWith("Dot"))
                .anySatisfy(t -> assertThat(t).startsWith("Box"));
        assertThat(page.select("figure").get(3).select("svg circle")).as("the key's dot and the trust's").hasSize(2);
    }

    @Test
    void write_shouldDrawBarsToScale() {
        Elements bars = page.select("figure").get(0).select("svg rect");
        // Facebook 100, X 90, the third 45, TikTok 0 (no rectangle).
        assertThat(bars).hasSize(3);
        double full = Double.parseDouble(bars.get(0).attr("width"));
        assertThat(Double.parseDouble(bars.get(1).attr("width")) / full).isCloseTo(0.9, within(0.01));
        assertThat(Double.parseDouble(bars.get(2).attr("width")) / full).isCloseTo(0.45, within(0.01));

        // The stacked chart: the key's swatches, then the segments of each row in category order.
        List<Element> segments = page.select("figure").get(1).select("svg rect[stroke]");
        assertThat(segments).hasSize(6);
        double acute = segments.subList(0, 3).stream().mapToDouble(s -> Double.parseDouble(s.attr("width"))).sum();
        assertThat(Double.parseDouble(segments.get(0).attr("width")) / acute).isCloseTo(0.6, within(0.01));
        assertThat(Double.parseDouble(segments.get(5).attr("width")) / acute).isCloseTo(0.5, within(0.01));
        assertThat(Double.parseDouble(segments.get(1).attr("x")))
                .as("segments follow each other left to right in category order")
                .isCloseTo(Double.parseDouble(segments.get(0).attr("x")) + Double.parseDouble(segments.get(0).attr("width")),
                        within(0.02));
    }

    @Test
    void write_shouldSplitTheNeutralPointAcrossTheCentre_ofADivergingChart() {
        Element svg = page.select("figure").get(2).selectFirst("svg");
        Element centre = svg.selectFirst("line[stroke-width=2]");
        double centreX = Double.parseDouble(centre.attr("x1"));
        List<Element> firstRow = svg.select("rect[stroke]").subList(0, 5);
        // Drawn in scale order, from the most negative point.
        Element neutral = firstRow.get(2);
        double left = Double.parseDouble(neutral.attr("x"));
        double width = Double.parseDouble(neutral.attr("width"));
        assertThat(left + width / 2).isCloseTo(centreX, within(0.02));
        assertThat(Double.parseDouble(firstRow.get(1).attr("x")) + Double.parseDouble(firstRow.get(1).attr("width")))
                .as("'Disagree' ends where the neutral point begins").isCloseTo(left, within(0.02));
        assertThat(Double.parseDouble(firstRow.get(3).attr("x")))
                .as("'Agree' begins where the neutral point ends").isCloseTo(left + width, within(0.02));
    }

    @Test
    void write_shouldPlaceEverySegmentWhereTheSharedChartMarksPutIt_asThePdfDoes() {
        // The geometry is decided once (ChartMarks) for both formats: pixels are a linear map of the 0..1 plot.
        Figure diverging = figures().stream().filter(f -> f.chart() instanceof Chart.DivergingBars).findFirst()
                .orElseThrow();
        List<ChartMarks.Segment> expected = ChartMarks.of(diverging.chart()).rows().stream()
                .flatMap(row -> row.marks().stream()).map(ChartMarks.Segment.class::cast).toList();
        Elements drawn = page.select("figure").get(2).select("svg rect[stroke]");
        assertThat(drawn).hasSameSizeAs(expected);

        double x0 = Double.parseDouble(drawn.get(0).attr("x"));
        double unit = Double.parseDouble(drawn.get(0).attr("width")) / (expected.get(0).to() - expected.get(0).from());
        double origin = x0 - expected.get(0).from() * unit;
        // Coordinates are written to two decimals, and the scale is measured from them: a tenth of a pixel.
        for (int i = 0; i < expected.size(); i++) {
            ChartMarks.Segment segment = expected.get(i);
            Element rect = drawn.get(i);
            assertThat(Double.parseDouble(rect.attr("x"))).as("left of segment %d", i)
                    .isCloseTo(origin + segment.from() * unit, within(0.1));
            assertThat(Double.parseDouble(rect.attr("width"))).as("width of segment %d", i)
                    .isCloseTo((segment.to() - segment.from()) * unit, within(0.1));
            assertThat(rect.attr("fill")).isEqualTo(segment.fill().mark().hex());
        }
    }

    @Test
    void write_shouldDrawEveryPoint_ofAnOddScaleWithoutANeutralPoint() {
        // Five points, none neutral: the lower half (two points) is below the centre, the other three above.
        Figure figure = new Figure("Diverging bars without a neutral point.", "Figure: five points",
                new Chart.DivergingBars(List.of("One", "Two", "Three", "Four", "Five"), -1,
                        List.of(new StackedBars.Row("All trusts", List.of(0.1, 0.2, 0.3, 0.2, 0.2),
                                List.of("10%", "20%", "30%", "20%", "20%"), "n = 50"))),
                new DataTable("Five points", List.of("Group", "One"), List.of(DataTable.Row.of("All trusts", "5"))));

        Element svg = Jsoup.parse(new String(new HtmlReportWriter().write(document(figure)), StandardCharsets.UTF_8))
                .selectFirst("figure svg");

        double centre = Double.parseDouble(svg.selectFirst("line[stroke-width=2]").attr("x1"));
        List<Element> segments = svg.select("rect[stroke]");
        assertThat(segments).as("one segment per point").hasSize(5);
        double below = segments.stream().filter(r -> Double.parseDouble(r.attr("x")) < centre - 0.01)
                .mapToDouble(r -> Double.parseDouble(r.attr("width"))).sum();
        double above = segments.stream().filter(r -> Double.parseDouble(r.attr("x")) >= centre - 0.01)
                .mapToDouble(r -> Double.parseDouble(r.attr("width"))).sum();
        assertThat(below / above).as("(10% + 20%) below against (30% + 20% + 20%) above").isCloseTo(0.3 / 0.7, within(0.01));
    }

    @Test
    void write_shouldDrawOnlyTheNote_ofABandRowWithoutSpread_andKeyOnlyWhatIsDrawn() {
        Figure national = new Figure("Peer spreads, no trust placed.", "Figure: spreads",
                new Chart.BandPositions(List.of(
                        new Chart.BandPositions.Position("Acute trusts",
                                Optional.of(new Chart.BandPositions.Spread(1, 2, 3, 4, 5)), Optional.empty(), "n = 40"),
                        new Chart.BandPositions.Position("Ambulance trusts", Optional.empty(), Optional.of(7.0), "[c]"))),
                new DataTable("Spreads", List.of("Group", "Median"), List.of(DataTable.Row.of("Acute trusts", "3"))));

        Element svg = Jsoup.parse(new String(new HtmlReportWriter().write(document(national)), StandardCharsets.UTF_8))
                .selectFirst("figure svg");

        assertThat(svg.select("circle")).as("no trust is placed without its peers' spread").isEmpty();
        assertThat(svg.select("text").eachText()).as("the key names only what is drawn")
                .noneMatch(t -> t.startsWith("Dot")).anyMatch(t -> t.startsWith("Box"))
                .contains("[c]", "1", "5").doesNotContain("7");
    }

    private static List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        blocks(SAMPLE.body(), block -> {
            if (block instanceof Figure figure) {
                figures.add(figure);
            }
        });
        return figures;
    }

    private static ReportDocument document(Block... body) {
        return new ReportDocument("One figure", ReportDocument.ENGLISH_UK,
                new ReportMetadata("s", "2026", "d", "m", "snap", Instant.EPOCH), List.of(body));
    }

    @Test
    void write_shouldDrawOnlyInTheSharedChartPalette_withContrastingMarksAndText_andNoRedOrGreen() {
        Set<String> palette = new HashSet<>();
        ChartPalette.marks().forEach(colour -> palette.add(colour.hex()));
        ChartPalette.fills().forEach(fill -> palette.add(fill.text().hex()));
        palette.add(ChartPalette.TEXT.hex());
        String white = ChartPalette.WHITE.hex();

        Set<String> marks = new HashSet<>();
        for (Element element : page.select("svg rect, svg line, svg circle")) {
            for (String attribute : List.of("fill", "stroke")) {
                if (element.hasAttr(attribute) && !element.attr(attribute).equals(white)) {
                    marks.add(element.attr(attribute));
                }
            }
        }
        assertThat(marks).as("mark colours used").hasSizeGreaterThan(5);
        assertThat(palette).as("the palette shared with the PDF").containsAll(marks);
        for (String colour : marks) {
            // WCAG 1.4.11: graphical objects need 3:1 against the white page.
            assertThat(Contrast.ratio(colour, white)).as("mark %s against white", colour).isGreaterThanOrEqualTo(3);
            assertThat(Contrast.isRedOrGreen(colour)).as("%s is red or green", colour).isFalse();
        }

        Elements texts = page.select("svg text");
        assertThat(texts).isNotEmpty();
        for (Element text : texts) {
            // Text inside a segment sits on the segment drawn just before it; all other text is on white.
            boolean inside = "middle".equals(text.attr("text-anchor"));
            String background = inside ? text.previousElementSibling().attr("fill") : white;
            if (inside) {
                assertThat(text.previousElementSibling().tagName()).isEqualTo("rect");
            }
            assertThat(palette).contains(text.attr("fill"));
            // WCAG 1.4.3: 4.5:1 for text.
            assertThat(Contrast.ratio(text.attr("fill"), background)).as("'%s' on %s", text.text(), background)
                    .isGreaterThanOrEqualTo(4.5);
        }
        assertThat(page.select("svg text[text-anchor=middle]")).as("labels printed inside segments").isNotEmpty();
    }

    @Test
    void write_shouldRenderTheFigureOfEveryItemOfARound_namedByItsAltText_andFollowedByItsTable() {
        SurveyDefinition definition = SurveyDefinitions.forRound("2026").orElseThrow();
        TrustRegister register = TrustRegister.bundled();
        RoundData data = RoundData.of(definition, register,
                GeneratedRound.records(definition, register, 12, 0.4, Set.of()));
        List<Block> sections = new ArrayList<>();
        for (nhssm.core.survey.Section section : definition.sections()) {
            List<Block> content = new ArrayList<>();
            data.statistics().items().stream().filter(i -> i.question().section().equals(section.code()))
                    .forEach(item -> content.add(new Block.Section(item.question().shortLabel(),
                            ItemFigures.blocks(item, ItemFigures.nationalAndPeerGroups()))));
            sections.add(new Block.Section(section.title(), content));
        }
        ReportDocument report = new ReportDocument("Every item", ReportDocument.ENGLISH_UK,
                new ReportMetadata("s", "2026", "d", "m", data.snapshotId(), data.asOf()), sections);

        Document parsed = Jsoup.parse(new String(new HtmlReportWriter().write(report), StandardCharsets.UTF_8));

        Elements figures = parsed.select("figure");
        assertThat(figures).hasSize(data.statistics().items().size());
        for (Element figure : figures) {
            Element svg = figure.selectFirst("svg[role=img]");
            Element title = parsed.getElementById(svg.attr("aria-labelledby"));
            assertThat(title.tagName()).isEqualTo("title");
            assertThat(title.text()).isNotBlank();
            assertThat(svg.select("text")).as("labelled directly").isNotEmpty();
            assertThat(figure.nextElementSibling().tagName()).isEqualTo("table");
        }
        assertThat(parsed.select("main h2")).as("one section per item, inside its survey section")
                .hasSize(data.statistics().items().size());
    }

    @Test
    void write_shouldRefuseSectionsNestedBeyondSix() {
        Block deep = Paragraph.of("too deep");
        for (int level = 7; level >= 1; level--) {
            deep = Section.of("Level " + level, deep);
        }
        ReportDocument tooDeep = new ReportDocument("Too deep", ReportDocument.ENGLISH_UK,
                new ReportMetadata("s", "2026", "d", "m", "snap", Instant.EPOCH), List.of(deep));

        assertThatThrownBy(() -> new HtmlReportWriter().write(tooDeep))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("h6");
    }

    @Test
    void write_shouldLeaveOutTheContents_whenTheReportHasNoSections() {
        ReportDocument flat = new ReportDocument("Flat", ReportDocument.ENGLISH_UK,
                new ReportMetadata("s", "2026", "d", "m", "snap", Instant.EPOCH), List.of(Paragraph.of("Only text.")));

        Document parsed = Jsoup.parse(new String(new HtmlReportWriter().write(flat), StandardCharsets.UTF_8));

        assertThat(parsed.select("nav")).isEmpty();
        assertThat(parsed.select("main p").text()).isEqualTo("Only text.");
    }

    // ---- Walking the model ----

    private interface SectionVisitor {
        void visit(Section section, int depth);
    }

    private static void sections(List<Block> blocks, int depth, SectionVisitor visitor) {
        for (Block block : blocks) {
            if (block instanceof Section section) {
                visitor.visit(section, depth);
                sections(section.content(), depth + 1, visitor);
            }
        }
    }

    private static void blocks(List<Block> blocks, Consumer<Block> visitor) {
        for (Block block : blocks) {
            visitor.accept(block);
            if (block instanceof Section section) {
                blocks(section.content(), visitor);
            }
        }
    }
}
