package nhssm.report.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.stats.Group;
import nhssm.core.stats.PeerGroup;
import nhssm.core.survey.Question;
import nhssm.report.PdfUa;
import nhssm.report.document.Block;
import nhssm.report.document.Chart;
import nhssm.report.document.ReportDocument;
import nhssm.report.document.Span;
import nhssm.report.pdf.TaggedPdfWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-trust reports built from a round of the real definition and reference list (see {@link TrustRoundFixture}):
 * a trust with Welsh and emoji in its free text, one without an official return, one with conflicts, one in a
 * peer group below the threshold, one that did not respond and one that joins no peer group.
 */
class TrustReportTest {

    /** The per-trust outline of REPORTS.md, items 2 to 19, with the 2026 definition's section titles for 5 to 14. */
    private static final List<String> OUTLINE = List.of(
            "How to read this report", "At a glance", "Your responses",
            "Channels and presence", "Strategy and policy", "Staff access and enablement", "Leadership and the board",
            "Training", "Listening, monitoring and engagement", "Resourcing", "Measuring value",
            "Benefits and barriers", "Accessibility and inclusion",
            "Maturity profile", "Your examples and comments", "Data verification annex", "Methodology and caveats",
            "Accessibility and alternative formats");

    private static final Pattern RANK_WORDS = Pattern.compile(
            "\\brank|\\bposition|\\b\\d+(st|nd|rd|th) of\\b|\\b(first|second|third|\\w+th) of \\d",
            Pattern.CASE_INSENSITIVE);

    private static RoundData round;

    @BeforeAll
    static void buildRound() {
        round = TrustRoundFixture.round();
    }

    static Stream<String> cases() {
        return Stream.of(TrustRoundFixture.FREE_TEXT, TrustRoundFixture.NO_OFFICIAL, TrustRoundFixture.CONFLICTS,
                TrustRoundFixture.SMALL_PEER_GROUP, TrustRoundFixture.NO_RESPONSE, TrustRoundFixture.NO_PEER_GROUP);
    }

    // ---- structure ----

    @ParameterizedTest
    @MethodSource("cases")
    void build_shouldHaveEveryOutlineSectionInOrder(String ods) {
        ReportDocument report = TrustReport.build(round, ods, ReportAudience.TRUST);

        assertThat(report.body()).allMatch(Block.Section.class::isInstance);
        assertThat(report.body().stream().map(b -> ((Block.Section) b).title()).toList()).isEqualTo(OUTLINE);
        // Sections 5 to 14: one row each at a glance, and two or three questions to consider at the end of each.
        List<String> compared = OUTLINE.subList(3, 13);
        assertThat(tables(section(report, "At a glance")).getFirst().rows())
                .extracting(r -> r.header().substring(0, r.header().indexOf(':'))).isEqualTo(compared);
        for (String title : compared) {
            List<Block> content = section(report, title).content();
            assertThat(content.getLast()).isInstanceOfSatisfying(Block.Section.class, last -> {
                assertThat(last.title()).isEqualTo("Questions to consider");
                assertThat(items(last)).hasSizeBetween(2, 3).doesNotHaveDuplicates();
            });
        }
    }

    @Test
    void build_shouldPutTheTrustOnTheCover_inDisplayCasing() {
        ReportDocument report = TrustReport.build(round, TrustRoundFixture.FREE_TEXT, ReportAudience.TRUST);

        assertThat(report.title()).startsWith("Manchester University NHS Foundation Trust");
        assertThat(report.metadata().subject()).contains("ODS code R0A", "Peer group: Acute trusts",
                "draft for verification");
        assertThat(report.metadata().round()).isEqualTo("2026");
        assertThat(report.metadata().dataSnapshotId()).isEqualTo(round.snapshotId());
    }

    @Test
    void build_shouldRefuse_whenTheOdsCodeIsUnknownOrTheTrustWasClosed() {
        assertThatThrownBy(() -> TrustReport.build(round, "ZZZ9", ReportAudience.TRUST)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ZZZ9");
        assertThatThrownBy(() -> TrustReport.build(round, TrustRoundFixture.CLOSED, ReportAudience.TRUST))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- content ----

    @ParameterizedTest
    @MethodSource("cases")
    void build_shouldListEveryReconciledAnswerWithItsProvenance_inDefinitionOrder(String ods) {
        Optional<TrustRecord> record = round.statistics().record(ods);
        Block.Section annex = section(TrustReport.build(round, ods, ReportAudience.TRUST), "Data verification annex");

        List<Block.DataTable.Row> rows = tables(annex).stream().flatMap(t -> t.rows().stream()).toList();
        Map<String, Reconciled> values = record.map(TrustRecord::values).orElse(Map.of());
        List<String> expectedOrder = round.definition().questions().stream().map(Question::id)
                .filter(values::containsKey).toList();
        List<String> listedWithValue = rows.stream().filter(r -> !r.cells().getFirst().equals("Not answered"))
                .map(r -> r.header().split(" ")[0]).toList();
        assertThat(listedWithValue).isEqualTo(expectedOrder);
        for (Block.DataTable.Row row : rows) {
            String id = row.header().split(" ")[0];
            if (values.containsKey(id)) {
                assertThat(row.cells().get(1)).as(id).startsWith(values.get(id).provenance().name() + ":");
            }
        }
        if (record.isEmpty()) {
            assertThat(text(annex)).contains("did not respond");
        } else {
            assertThat(rows).isNotEmpty();
        }
    }

    @Test
    void build_shouldListConflicts_withTheAnswersButNotHowManyGaveEach_whenFewerThanFiveIndividuals() {
        TrustRecord record = round.statistics().record(TrustRoundFixture.CONFLICTS).orElseThrow();
        Block.Section conflicts = subsection(section(TrustReport.build(round, TrustRoundFixture.CONFLICTS, ReportAudience.TRUST),
                "Your responses"), "Conflicts to resolve");

        List<String> items = items(conflicts);
        List<String> conflicted = record.values().entrySet().stream()
                .filter(e -> e.getValue() instanceof Reconciled.Conflict).map(Map.Entry::getKey).sorted().toList();
        assertThat(conflicted).contains("Q13", "Q17", "Q19");
        assertThat(items).hasSize(conflicted.size());
        assertThat(items.stream().map(i -> i.split(" ")[0]).sorted().toList()).isEqualTo(conflicted);
        String q13 = items.stream().filter(i -> i.startsWith("Q13 ")).findFirst().orElseThrow();
        assertThat(q13).contains("Yes, a standalone social media strategy", "No", Figures.SUPPRESSED)
                .doesNotContain(" 1,", " 1)");
    }

    @Test
    void build_shouldShowHowIndividualsSplit_whenAtLeastFiveAnswered_andTheRolesOfSix() {
        ReportDocument report = TrustReport.build(round, TrustRoundFixture.NO_OFFICIAL, ReportAudience.TRUST);
        Block.Section responses = section(report, "Your responses");

        assertThat(items(subsection(responses, "Conflicts to resolve")))
                .anySatisfy(i -> assertThat(i).startsWith("Q19 ").contains("Yes 3, No 3"));
        assertThat(text(responses)).contains("Official return: no", "Individual responses: 6.");
        Block.DataTable roles = tables(responses).stream().filter(t -> t.caption().contains("by role")).findFirst()
                .orElseThrow();
        assertThat(roles.rows()).anySatisfy(r -> assertThat(r.cells()).containsExactly("4 of 6"))
                .anySatisfy(r -> assertThat(r.cells()).containsExactly("2 of 6"));
    }

    @Test
    void build_shouldWithholdRoles_whenFewerThanFiveIndividuals() {
        Block.Section responses = section(TrustReport.build(round, TrustRoundFixture.CONFLICTS, ReportAudience.TRUST), "Your responses");

        assertThat(tables(responses)).noneMatch(t -> t.caption().contains("by role"));
        assertThat(text(responses)).contains("Roles of your individual respondents: withheld (" + Figures.SUPPRESSED);
    }

    @Test
    void build_shouldShowTheTrustsOwnFreeTextVerbatim_withWelshMarkedAndEmojiKept() {
        ReportDocument report = TrustReport.build(round, TrustRoundFixture.FREE_TEXT, ReportAudience.TRUST);
        Block.Section examples = section(report, "Your examples and comments");

        List<String> paragraphs = paragraphs(examples);
        assertThat(paragraphs).contains(TrustRoundFixture.WELSH_EXAMPLE, TrustRoundFixture.WELSH_COMMENT);
        assertThat(paragraphs).filteredOn(TrustRoundFixture.EMOJI_EXAMPLE::equals).hasSize(2);
        List<Span> spans = spans(examples);
        String welsh = TrustRoundFixture.WELSH_EXAMPLE;
        String welshSentence = welsh.substring(0, welsh.indexOf('.') + 1);
        assertThat(spans).anySatisfy(s -> {
            assertThat(s.text()).contains(welshSentence);
            assertThat(s.lang()).isEqualTo("cy");
        });
        assertThat(spans).anySatisfy(s -> {
            assertThat(s.text()).contains(TrustRoundFixture.WELSH_COMMENT);
            assertThat(s.lang()).isEqualTo("cy");
        });
        assertThat(spans).filteredOn(s -> s.text().contains(TrustRoundFixture.EMOJI_EXAMPLE))
                .allSatisfy(s -> assertThat(s.lang()).isNull());
        assertThat(text(examples)).contains("may be quoted", "will not be quoted", "never published word for word");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void build_shouldShowNoOtherTrustsFreeText(String ods) {
        String text = text(TrustReport.build(round, ods, ReportAudience.TRUST));

        assertThat(text).doesNotContain(TrustRoundFixture.OTHER_TRUSTS_WORDS);
        if (!ods.equals(TrustRoundFixture.FREE_TEXT)) {
            assertThat(text).doesNotContain(TrustRoundFixture.WELSH_EXAMPLE, TrustRoundFixture.EMOJI_EXAMPLE,
                    TrustRoundFixture.WELSH_COMMENT);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void build_shouldUseNoRankWords_besidesTheDefinitionsOwnWording(String ods) {
        ReportDocument report = TrustReport.build(round, ods, ReportAudience.TRUST);
        String text = text(report);
        // The definition's own wording is quoted, not a ranking: Q44 asks whether the answers "reflect the trust's
        // position".
        for (Question question : round.definition().questions()) {
            text = text.replace(question.label(), "").replace(question.shortLabel(), "");
        }

        assertThat(RANK_WORDS.matcher(text).results().map(r -> r.group()).toList()).isEmpty();
        assertThat(text).doesNotContainIgnoringCase("league table").doesNotContainIgnoringCase("overall score:");
    }

    @Test
    void build_shouldWithholdEveryPeerFigure_whenThePeerGroupHasFewerThanFiveRespondingTrusts() {
        ReportDocument report = TrustReport.build(round, TrustRoundFixture.SMALL_PEER_GROUP, ReportAudience.TRUST);
        Block.DataTable glance = tables(section(report, "At a glance")).getFirst();

        assertThat(glance.columnHeaders()).containsExactly("Section", "Your trust", "Peer group: Ambulance trusts",
                "All trusts");
        assertThat(glance.rows()).allSatisfy(r -> assertThat(r.cells().get(1)).contains(Figures.SUPPRESSED)
                .doesNotContain("%"));
        // National figures rest on more than 20 trusts, so they carry percentages.
        assertThat(glance.rows()).anySatisfy(r -> assertThat(r.cells().get(2)).contains("%"));
        assertThat(text(section(report, "At a glance"))).contains(Figures.SUPPRESSED + ": A peer-group figure is "
                + "shown only when at least 5 trusts of the peer group responded. "
                + "3 of the 10 ambulance trusts responded");
        assertThat(figures(report)).noneMatch(f -> f.chart() instanceof Chart.BandPositions b
                && b.rows().stream().anyMatch(p -> p.value().isPresent() && p.spread().isPresent()));
    }

    @Test
    void build_shouldGiveCountsWithoutPercentages_whenThePeerGroupHasFewerThanTwentyTrusts() {
        String mentalHealthTrust = round.statistics().participants().stream()
                .filter(t -> t.type().equals("mental_health")).map(t -> t.odsCode()).sorted().findFirst().orElseThrow();
        assertThat(round.statistics().participation(new Group.Peer(PeerGroup.MENTAL_HEALTH)).responding().count())
                .isBetween(5, 19);

        Block.DataTable glance = tables(section(TrustReport.build(round, mentalHealthTrust, ReportAudience.TRUST), "At a glance")).getFirst();

        assertThat(glance.rows()).allSatisfy(r -> assertThat(r.cells().get(1)).doesNotContain("%", Figures.SUPPRESSED));
        assertThat(glance.rows()).anySatisfy(r -> assertThat(r.cells().get(1)).containsPattern("\\d+ of \\d+"));
    }

    @Test
    void build_shouldPlaceNumbersByQuartileBandAndChoicesByCounts_whenThePeerGroupIsLargeEnough() {
        ReportDocument report = TrustReport.build(round, TrustRoundFixture.FREE_TEXT, ReportAudience.TRUST);
        String text = text(report);

        assertThat(text).containsPattern("Your trust: [^·]+ · Acute trusts: \\d+ of \\d+ \\(\\d+%\\) · All trusts: "
                + "\\d+ of \\d+ \\(\\d+%\\)");
        assertThat(text).containsPattern("in the (lower quarter|middle half|upper quarter) of acute trusts");
        assertThat(figures(report)).anyMatch(f -> f.chart() instanceof Chart.BandPositions b
                && b.rows().stream().anyMatch(p -> p.value().isPresent() && p.spread().isPresent()));
    }

    @Test
    void build_shouldSayPlainlyThatTheTrustDidNotRespond() {
        ReportDocument report = TrustReport.build(round, TrustRoundFixture.NO_RESPONSE, ReportAudience.TRUST);

        assertThat(text(section(report, "Your responses"))).contains("Your trust did not respond");
        assertThat(tables(section(report, "At a glance")).getFirst().rows())
                .allSatisfy(r -> assertThat(r.cells().getFirst()).isEqualTo("No response"));
        assertThat(text(section(report, "Your examples and comments"))).contains("did not respond");
    }

    @Test
    void build_shouldCompareWithAllTrustsOnly_whenTheTrustJoinsNoPeerGroup() {
        ReportDocument report = TrustReport.build(round, TrustRoundFixture.NO_PEER_GROUP, ReportAudience.TRUST);

        assertThat(report.metadata().subject()).contains("Peer group: none");
        assertThat(tables(section(report, "At a glance")).getFirst().rows())
                .allSatisfy(r -> assertThat(r.cells().get(1)).isEqualTo("No peer group"));
    }

    // ---- the PDF ----

    @ParameterizedTest
    @MethodSource("cases")
    void pdf_shouldPassPdfUa1_andShowTheHeadingsInOrder(String ods) throws IOException {
        ReportDocument report = TrustReport.build(round, ods, ReportAudience.TRUST);
        byte[] pdf = new TaggedPdfWriter().write(report);

        PdfUa.Verdict verdict = PdfUa.validate(pdf);
        assertThat(verdict.checks()).isPositive();
        assertThat(verdict.failures()).as("failed PDF/UA-1 rules").isEmpty();
        assertThat(verdict.compliant()).isTrue();

        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        List<String> expected = new ArrayList<>();
        expected.add(report.title());
        expected.add("Contents");
        expected.addAll(OUTLINE);
        assertThat(text).containsSubsequence(expected);
    }

    // ---- reading the model (with the shared Blocks) ----

    private static Block.Section section(ReportDocument report, String title) {
        return report.body().stream().filter(b -> b instanceof Block.Section s && s.title().equals(title))
                .map(Block.Section.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no chapter " + title));
    }

    private static Block.Section subsection(Block.Section section, String title) {
        return Blocks.section(section.content(), title);
    }

    private static List<Block.DataTable> tables(Block.Section section) {
        return Blocks.tables(section.content());
    }

    private static List<Block.Figure> figures(ReportDocument report) {
        return Blocks.all(report.body(), Block.Figure.class);
    }

    private static List<String> items(Block.Section section) {
        return Blocks.all(section.content(), Block.ItemList.class).stream()
                .flatMap(l -> l.items().stream()).map(Blocks::spans).toList();
    }

    /** The text of each paragraph, its runs joined. */
    private static List<String> paragraphs(Block.Section section) {
        return Blocks.all(section.content(), Block.Paragraph.class).stream().map(p -> Blocks.spans(p.spans())).toList();
    }

    private static List<Span> spans(Block.Section section) {
        return Blocks.all(section.content(), Block.Paragraph.class).stream().flatMap(p -> p.spans().stream()).toList();
    }

    private static String text(ReportDocument report) {
        return Blocks.text(report);
    }

    private static String text(Block.Section section) {
        return Blocks.text(List.of(section));
    }
}
