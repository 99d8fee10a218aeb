package nhssm.report.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answer;
import nhssm.core.stats.PeerGroup;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Audience;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;
import nhssm.core.survey.Requirement;
import nhssm.core.survey.Section;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustName;
import nhssm.report.document.Block;
import nhssm.report.document.Chart;
import nhssm.report.document.ReportDocument;
import nhssm.report.document.Span;
import org.junit.jupiter.api.Test;

class NationalReportTest {

    /** The chapters of the national outline (REPORTS.md items 3 to 21), in order. */
    private static final List<String> OUTLINE = List.of("Key findings", "How to read this report", "Who responded",
            "Channels and presence", "Strategy, governance and policy", "Staff access and enablement",
            "Leadership and the board", "Training", "Listening and engagement", "Resourcing", "Measuring value",
            "Benefits, barriers and online abuse", "Maturity profile",
            "Accessibility and inclusion of trusts' own content", "Practice examples", "Methodology",
            "Caveats and responsible use", "Annex", "Accessibility and alternative formats");

    private static final RoundData MIXED = Rounds.mixed(2026);
    private static final ReportDocument REPORT = NationalReport.build(MIXED);

    /** Every trust answers everything, except that only 3 of the ambulance trusts respond. */
    private static final int AMBULANCE_RESPONDING = 3;
    private static final RoundData SMALL_AMBULANCE = Rounds.round(Rounds.DEFINITION, 7, new FirstOfType("ambulance",
            AMBULANCE_RESPONDING)::test, Rounds.Shape.COMPLETE);

    @Test
    void build_shouldHaveEveryOutlineChapterInOrder_withTheNotesTheOutlineAsksFor() {
        assertThat(Blocks.chapters(REPORT)).containsExactlyElementsOf(OUTLINE);
        assertThat(Blocks.text(Blocks.section(REPORT, "Leadership and the board").content()))
                .contains("No individual is named or ranked");
        assertThat(Blocks.text(Blocks.section(REPORT, "Measuring value").content()))
                .contains("Follower counts measure the size of an audience, not the value");
        Block.Section profile = Blocks.section(Blocks.section(REPORT, "Maturity profile").content(),
                "The four dimensions side by side");
        assertThat(Blocks.all(profile.content(), Block.Figure.class)).singleElement().satisfies(f -> {
            assertThat(((Chart.DivergingBars) f.chart()).rows()).map(Chart.StackedBars.Row::label).containsExactly(
                    "Maturity: channels and communities", "Maturity: content", "Maturity: leadership and policy",
                    "Maturity: organisation and culture");
            assertThat(f.data().rows()).map(Block.DataTable.Row::header).as("nothing added up")
                    .noneMatch(h -> h.matches("(?i).*(total|sum|score|overall).*"));
        });
        assertThat(Blocks.section(REPORT, "Annex").content()).map(b -> ((Block.Section) b).title())
                .containsExactly("The data behind the charts", "The questionnaire", "Participating trusts");
        // The table behind each chart follows the chart; the annex says so and points to the CSV for regions.
        assertThat(Blocks.text(Blocks.section(Blocks.section(REPORT, "Annex").content(), "The data behind the charts")
                .content())).contains("followed directly by the table of its values", "each NHS England region",
                        "/reports/2026/national.csv");
        assertThat(Blocks.section(REPORT, "Methodology").content()).filteredOn(Block.Section.class::isInstance)
                .map(b -> ((Block.Section) b).title())
                .contains("From responses to one record per trust", "Peer groups and regions",
                        "Thresholds and suppression", "What is deliberately not measured, and why");
        assertThat(Blocks.text(Blocks.section(REPORT, "Accessibility and alternative formats").content()))
                .contains("/reports/2026/national.html", "/reports/2026/national.csv");
    }

    @Test
    void build_shouldPutTheCollectionWindowAndDataDateOnTheCover() {
        assertThat(REPORT.title()).isEqualTo("The state of social media in the NHS 2026");
        assertThat(REPORT.metadata().subject()).contains("1 October 2026 to 31 January 2027")
                .contains("data as of " + Figures.date(MIXED.asOf()));
        assertThat(REPORT.metadata().dataSnapshotId()).isEqualTo(MIXED.snapshotId());
        assertThat(REPORT.metadata().publishedAt()).isEqualTo(MIXED.asOf());
    }

    @Test
    void build_shouldShowEveryTopicQuestionOfTheDefinition_asAFigureWithTableAndAltText() {
        for (Question question : Rounds.DEFINITION.questions()) {
            boolean tabulated = !(question.answer() instanceof AnswerSpec.FreeText || question.answer() instanceof AnswerSpec.FromToken)
                    && !question.id().equals("Q02") && !question.id().equals("Q42_CONSENT");
            if (!tabulated) {
                continue;
            }
            Block.Section section = Blocks.section(REPORT, question.shortLabel());
            List<Block.Figure> figures = Blocks.all(section.content(), Block.Figure.class);
            assertThat(figures).as(question.id()).hasSize(1);
            Block.Figure figure = figures.getFirst();
            assertThat(figure.caption()).startsWith(question.id()).contains("self-reported");
            assertThat(figure.altText()).as(question.id() + " states its key message with counts")
                    .containsPattern("All trusts: .*(\\d+ of \\d+|median|no trust)");
            assertThat(figure.chart()).as(question.id()).isInstanceOf(switch (question.answer()) {
                case AnswerSpec.Multiple m -> Chart.HorizontalBars.class;
                case AnswerSpec.Single s -> Chart.StackedBars.class;
                case AnswerSpec.YesNo y -> Chart.StackedBars.class;
                case AnswerSpec.Likert l -> Chart.DivergingBars.class;
                default -> Chart.BandPositions.class;
            });
            if (question.answer() instanceof AnswerSpec.Single single) {
                assertThat(((Chart.StackedBars) figure.chart()).categories()).as("answers in the definition's order")
                        .containsExactlyElementsOf(single.options().stream().map(Option::label).toList());
            }
            if (question.answer() instanceof AnswerSpec.Multiple multiple) {
                assertThat(((Chart.HorizontalBars) figure.chart()).bars()).map(Chart.HorizontalBars.Bar::label)
                        .as("answers in the definition's order, not by count")
                        .containsExactlyElementsOf(multiple.options().stream().map(Option::label).toList());
            }
        }
    }

    @Test
    void keyFindings_shouldCountTheRecords() {
        List<String> findings = keyFindings(REPORT);
        List<TrustRecord> records = MIXED.records();
        int open = Rounds.open(Rounds.DEFINITION).size();

        assertThat(findings).hasSizeBetween(6, 8);
        long responding = records.stream().filter(TrustRecord::responded).count();
        long official = records.stream().filter(TrustRecord::hasOfficialReturn).count();
        assertThat(findings.getFirst()).startsWith(trusts(responding, open)).contains(counted(official, open) + " sent an official return");

        // the most used platform, counted from the records
        Map<String, Integer> platforms = new LinkedHashMap<>();
        List<Answer> answers = records.stream().flatMap(r -> Rounds.value(r, "Q06").stream()).toList();
        answers.forEach(a -> ((Answer.Codes) a).codes().forEach(c -> platforms.merge(c, 1, Integer::sum)));
        int platformBase = answers.size();
        int top = platforms.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<Option> options = ((AnswerSpec.Multiple) Rounds.DEFINITION.question("Q06").orElseThrow().answer()).options();
        String topLabels = ItemFigures.joined(options.stream().filter(o -> platforms.getOrDefault(o.code(), 0) == top)
                .map(Option::label).toList());
        assertThat(findings).anySatisfy(f -> assertThat(f).startsWith(topLabels)
                .contains("by " + trusts(top, platformBase)));

        assertThat(findings).anySatisfy(f -> assertThat(f)
                .startsWith(capital(share(records, "Q13", "STANDALONE", "PART_OF_COMMS_ENGAGEMENT_STRATEGY")))
                .contains("have a social media strategy"));
        assertThat(findings).anySatisfy(f -> assertThat(f)
                .contains("All staff can reach major social platforms on the trust network in "
                        + share(records, "Q17", "ALL_STAFF")));
        assertThat(findings).anySatisfy(f -> assertThat(f)
                .startsWith(capital(share(records, "Q36", "1_5", "6_20", "GT20"))).contains("abusive content"));
        BigDecimal medianStaffTime = median(records.stream().flatMap(r -> Rounds.value(r, "Q30").stream())
                .map(a -> ((Answer.DecimalNumber) a).value()).toList());
        assertThat(findings).anySatisfy(f -> assertThat(f)
                .contains("median of " + medianStaffTime.stripTrailingZeros().toPlainString() + " whole-time-equivalent"));
        assertThat(String.join(" ", findings)).doesNotContainPattern("(?i)\\b(rank|ranked|top|best|worst|league)\\b");
    }

    @Test
    void build_shouldShowASmallPeerGroupAsSuppressed_andItsCountsNowhere() {
        ReportDocument report = NationalReport.build(SMALL_AMBULANCE);
        String ambulance = PeerGroup.AMBULANCE.label();

        for (Block.Figure figure : Blocks.all(report.body(), Block.Figure.class)) {
            Block.DataTable table = figure.data();
            int column = table.columnHeaders().indexOf(ambulance);
            if (column > 0) {
                assertThat(table.rows()).as(table.caption()).allSatisfy(r -> assertThat(r.cells().get(column - 1)).isEqualTo("[c]"));
            } else if (table.rows().stream().anyMatch(r -> r.header().equals(ambulance))) {
                assertThat(table.rows()).filteredOn(r -> r.header().equals(ambulance)).singleElement()
                        .satisfies(r -> assertThat(r.cells()).containsOnly("[c]"));
            }
            List<Chart.StackedBars.Row> rows = switch (figure.chart()) {
                case Chart.StackedBars s -> s.rows();
                case Chart.DivergingBars d -> d.rows();
                default -> List.of();
            };
            rows.stream().filter(r -> r.label().equals(ambulance)).forEach(r -> {
                assertThat(r.shares()).isEmpty();
                assertThat(r.note()).isEqualTo("[c]");
            });
        }
        // the 3 ambulance trusts' answers ("2 of 3") are the only figures with a base of 3, and none is shown
        assertThat(Blocks.text(report)).doesNotContainPattern("\\b\\d+ of " + AMBULANCE_RESPONDING + "\\b");
        // ... while how many responded is always shown
        assertThat(Blocks.tables(Blocks.section(report, "By peer group").content()).getFirst().rows())
                .filteredOn(r -> r.header().equals(ambulance)).singleElement()
                .satisfies(r -> assertThat(r.cells().get(1)).isEqualTo(AMBULANCE_RESPONDING + " of 10"));
        assertThat(Blocks.text(report)).contains("[c] marks a figure withheld: A peer-group figure is shown only when "
                + "at least 5 trusts of the peer group responded.");
    }

    @Test
    void build_shouldGiveCountsWithoutPercentages_whenAGroupHasFewerThan20Trusts() {
        ReportDocument report = NationalReport.build(SMALL_AMBULANCE);
        int specialist = (int) Rounds.open(Rounds.DEFINITION).stream().filter(t -> t.type().equals("acute_specialist")).count();
        assertThat(specialist).isLessThan(20);

        Block.DataTable strategy = Blocks.all(Blocks.section(report, "A social media strategy exists").content(),
                Block.Figure.class).getFirst().data();
        int specialistColumn = strategy.columnHeaders().indexOf(PeerGroup.ACUTE_SPECIALIST.label()) - 1;
        int nationalColumn = strategy.columnHeaders().indexOf("All trusts") - 1;
        assertThat(strategy.rows()).allSatisfy(r -> {
            assertThat(r.cells().get(specialistColumn)).matches("\\d+ of " + specialist);
            assertThat(r.cells().get(nationalColumn)).matches("\\d+ of \\d+ \\(\\d+%\\)");
        });
    }

    @Test
    void participatingTrusts_shouldBeListedAlphabetically_andBeExactlyTheRespondingTrusts() {
        Block.ItemList list = Blocks.all(Blocks.section(REPORT, "Participating trusts").content(), Block.ItemList.class)
                .getFirst();
        List<String> names = list.items().stream().map(Blocks::spans).toList();
        Collator collator = Collator.getInstance(Locale.UK);
        collator.setStrength(Collator.SECONDARY);
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(collator);
        assertThat(names).isEqualTo(sorted);

        Set<String> codes = MIXED.records().stream().filter(TrustRecord::responded).map(TrustRecord::odsCode)
                .collect(Collectors.toSet());
        assertThat(names).hasSize(codes.size());
        for (String code : codes) {
            Trust trust = Rounds.REGISTER.find(code).orElseThrow();
            assertThat(names).contains(TrustName.displayed(trust.name()) + " (" + code + ")");
        }
        assertThat(names).noneMatch(n -> n.equals(n.toUpperCase(Locale.UK)));
    }

    @Test
    void build_shouldNameNoTrustInAnyChart_norAnywhereButTheListOfParticipants() {
        Set<String> names = new HashSet<>();
        for (Trust trust : Rounds.REGISTER.all()) {
            names.add(trust.name());
            names.add(TrustName.displayed(trust.name()));
        }
        for (Block.Figure figure : Blocks.all(REPORT.body(), Block.Figure.class)) {
            String drawn = String.join("\n", Blocks.chartText(figure.chart())) + "\n" + figure.altText() + "\n"
                    + figure.caption();
            assertThat(names).noneMatch(drawn::contains);
        }
        List<Block> outsideTheList = REPORT.body().stream()
                .map(b -> b instanceof Block.Section s && s.title().equals("Annex")
                        ? new Block.Section(s.title(), s.content().stream()
                                .filter(c -> !(c instanceof Block.Section t && t.title().equals("Participating trusts"))).toList())
                        : b)
                .toList();
        String text = Blocks.text(outsideTheList);
        assertThat(names).noneMatch(text::contains);
    }

    @Test
    void practiceExamples_shouldQuoteOnlyConsentedText_attributedByPeerGroup_withWelshMarked() {
        List<Block> examples = Blocks.section(REPORT, "Practice examples").content();
        String text = Blocks.text(examples);
        long consented = MIXED.records().stream().flatMap(r -> r.freeText().stream())
                .filter(f -> f.question().equals("Q42") && f.consentToQuote()).count();
        assertThat(consented).as("the generated round has quotable examples").isPositive();
        assertThat(text).contains(Figures.plural((int) consented, "example", "examples") + " may be quoted");

        assertThat(Blocks.text(REPORT.body())).doesNotContain(Rounds.NOT_CONSENTED).doesNotContain(Rounds.UNPUBLISHED);
        List<Block.Paragraph> paragraphs = Blocks.all(examples, Block.Paragraph.class);
        assertThat(paragraphs).anySatisfy(p -> assertThat(p.spans()).contains(Span.in("cy", Rounds.WELSH_EXAMPLE)));
        assertThat(paragraphs.stream().map(p -> Blocks.spans(p.spans())).filter(t -> t.contains("\u2014 ")))
                .allSatisfy(t -> assertThat(t).matches("(?s).*\u2014 (An? [a-z ]+ trust|A trust of another type), "
                        + "(official return|a member of staff)\\."));
        // a quotation typed over two lines keeps both, as two paragraphs of one quotation
        assertThat(text).contains("campaigns reached\nfamilies who needed the service.");
    }

    @Test
    void build_shouldShowAQuestionAndASectionAddedToTheDefinition_withoutAnyCodeChange() {
        SurveyDefinition base = Rounds.DEFINITION;
        List<Section> sections = new ArrayList<>(base.sections());
        sections.add(sections.size() - 1, new Section("PA", "Partnerships"));
        List<Question> questions = new ArrayList<>(base.questions());
        questions.add(new Question("Q45", "CH", "Does your trust run a social media help desk?",
                "A social media help desk is run", null, Audience.ALL, Requirement.NONE, false, null,
                new AnswerSpec.Single(List.of(new Option("YES", "Yes"), new Option("PILOT", "Being piloted"),
                        new Option("NO", "No")))));
        questions.add(new Question("Q46", "PA", "We work with local partners on joint campaigns.",
                "Joint campaigns with local partners", null, Audience.ALL, Requirement.NONE, true, null,
                new AnswerSpec.Likert(1, 5, Map.of("1", "Strongly disagree", "5", "Strongly agree"), List.of())));
        SurveyDefinition extended = new SurveyDefinition(base.round(), base.definitionVersion(), base.title(),
                base.window(), base.censusDate(), base.namedReportConsent(), sections, questions);

        ReportDocument report = NationalReport.build(Rounds.round(extended, 11, t -> true, Rounds.Shape.MIXED));

        Block.Section helpDesk = Blocks.section(Blocks.section(report, "Channels and presence").content(),
                "A social media help desk is run");
        assertThat(Blocks.all(helpDesk.content(), Block.Figure.class)).singleElement()
                .satisfies(f -> assertThat(((Chart.StackedBars) f.chart()).categories())
                        .containsExactly("Yes", "Being piloted", "No"));
        assertThat(Blocks.chapters(report)).containsSubsequence("Accessibility and inclusion of trusts' own content",
                "Partnerships", "Practice examples");
        assertThat(Blocks.all(Blocks.section(report, "Partnerships").content(), Block.Figure.class)).singleElement()
                .satisfies(f -> assertThat(f.chart()).isInstanceOf(Chart.DivergingBars.class));
        assertThat(Blocks.text(Blocks.section(report, "The questionnaire").content()))
                .contains("Q45 Does your trust run a social media help desk?", "Q46 We work with local partners");
    }

    @Test
    void build_shouldListRecordsNotCounted_andQuoteNothingFromThem() {
        Trust closed = Rounds.REGISTER.all().stream()
                .filter(t -> !t.isOpenOn(Rounds.DEFINITION.censusDate())).findFirst().orElseThrow();
        List<TrustRecord> records = new ArrayList<>(MIXED.records());
        TrustRecord template = records.getFirst();
        String quote = "A consented example from a trust that closed before the census date.";
        records.add(new TrustRecord(template.round(), closed.odsCode(), template.definitionVersion(),
                template.officialSubmittedAt(), template.individualResponses(), template.individualRoles(),
                template.values(), template.distributions(),
                List.of(new nhssm.core.reconcile.FreeText("Q42", nhssm.core.response.ResponseKind.OFFICIAL, quote, true)),
                template.lastResponseAt(), 1));

        ReportDocument report = NationalReport.build(RoundData.of(Rounds.DEFINITION, Rounds.REGISTER, records));

        assertThat(Blocks.text(report)).doesNotContain(quote);
        assertThat(Blocks.tables(Blocks.section(report, "Records not counted").content()).getFirst().rows())
                .singleElement().satisfies(r -> assertThat(r.cells()).containsExactly("1", closed.odsCode()));
        assertThat(Blocks.find(REPORT.body(), "Records not counted")).as("only when there are some").isEmpty();
    }

    // ---- oracles, from the records themselves ----

    private static List<String> keyFindings(ReportDocument report) {
        return Blocks.all(Blocks.section(report, "Key findings").content(), Block.ItemList.class).getFirst().items()
                .stream().map(Blocks::spans).toList();
    }

    /** "k of n trusts (p%)" from the records' values of a single-choice question. */
    private static String share(List<TrustRecord> records, String question, String... codes) {
        Set<String> wanted = Set.of(codes);
        List<String> values = records.stream().flatMap(r -> Rounds.value(r, question).stream())
                .map(a -> ((Answer.Code) a).code()).toList();
        return trusts(values.stream().filter(wanted::contains).count(), values.size());
    }

    private static String trusts(long count, long of) {
        return counted(count, of).replaceFirst(" of (\\d+)", " of $1 trusts");
    }

    /** "k of n (p%)", with the percentage worked out independently: half up, only from a base of 20. */
    private static String counted(long count, long of) {
        String text = count + " of " + of;
        if (of >= 20) {
            text += " (" + BigDecimal.valueOf(100 * count).divide(BigDecimal.valueOf(of), 0, RoundingMode.HALF_UP) + "%)";
        }
        return text;
    }

    private static BigDecimal median(Collection<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Responds for every trust except those of one type beyond the first {@code n} of it (in ODS code order). */
    private record FirstOfType(String type, int n, Set<String> taken) {
        FirstOfType(String type, int n) {
            this(type, n, new HashSet<>());
        }

        boolean test(Trust trust) {
            if (!trust.type().equals(type)) {
                return true;
            }
            if (taken.size() < n) {
                taken.add(trust.odsCode());
                return true;
            }
            return taken.contains(trust.odsCode());
        }
    }
}
