package nhssm.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import nhssm.core.reconcile.TrustRecord;
import nhssm.core.stats.Count;
import nhssm.core.stats.CountCell;
import nhssm.core.stats.Group;
import nhssm.core.stats.GroupFigures;
import nhssm.core.stats.ItemStatistics;
import nhssm.core.stats.NoValues;
import nhssm.core.stats.OptionCell;
import nhssm.core.stats.PeerGroup;
import nhssm.core.stats.RoundStatistics;
import nhssm.core.stats.Summary;
import nhssm.core.stats.SummaryCell;
import nhssm.core.stats.Suppressed;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;
import nhssm.core.survey.Section;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;
import nhssm.report.content.RoundData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NationalCsvTest {

    private static final SurveyDefinition DEFINITION = SurveyDefinitions.forRound("2026").orElseThrow();
    private static final TrustRegister REGISTER = TrustRegister.bundled();

    /** The measures of who responded, in every group. */
    private static final List<String> PARTICIPATION = List.of("trusts_open", "responding", "official_returns",
            "individual_responses");

    /** A label with every character RFC 4180 quotes for. */
    private static final String AWKWARD = "Platforms, \"main\" ones\r\nand others, \u201Cquoted\u201D too";
    private static final String AWKWARD_REGION = "London, \"Greater\"\nArea";

    // ---- Shape ----

    @Test
    void write_shouldStartWithTheHeader_andEndEveryRecordWithCrlf() {
        String csv = csv(round(1, 0.6, Set.of()));

        List<List<String>> records = Rfc4180.parse(csv); // strict: refuses a bare LF or a record without CRLF

        assertThat(records.get(0)).isEqualTo(NationalCsv.COLUMNS);
        assertThat(records.get(0)).containsSubsequence("round", "section", "question_id", "question", "group_type",
                "group", "option_code", "option", "trusts", "of", "percent", "suppressed");
        assertThat(records.get(0)).as("nothing is ranked").noneMatch(c -> c.contains("rank") || c.contains("score"));
        assertThat(records).allSatisfy(r -> assertThat(r).hasSameSizeAs(NationalCsv.COLUMNS));
        assertThat(csv).endsWith("\r\n").doesNotStartWith("\uFEFF");
    }

    @ParameterizedTest(name = "seed {0}, response rate {1}")
    @CsvSource({"1, 0.05", "2, 0.3", "3, 0.6", "4, 0.97"})
    void write_shouldHaveOneRowPerFigure_questionsTimesOptionsTimesGroups(long seed, double responseRate) {
        RoundData data = round(seed, responseRate, Set.of());

        List<Map<String, String>> rows = rows(csv(data));

        // Worked out from the definition alone: per group, who responded (open, responding, official
        // returns, individual responses); nationally, one row per role; then per question and group, each
        // option, then the summary and the three counts every item has (answered, conflicts, not answered).
        int groups = data.statistics().groups().size();
        int roles = ((AnswerSpec.Single) DEFINITION.question(RoundStatistics.ROLE_QUESTION).orElseThrow().answer())
                .options().size();
        int expected = groups * PARTICIPATION.size() + roles + GeneratedRound.tabulated(DEFINITION, REGISTER).stream()
                .mapToInt(q -> groups * rowsPerGroup(q.answer())).sum();
        assertThat(rows).hasSize(expected);
        Set<List<String>> keys = new HashSet<>();
        for (Map<String, String> row : rows) {
            assertThat(keys.add(List.of(row.get("question_id"), row.get("group_type"), row.get("group"),
                    row.get("measure"), row.get("option_code")))).as("one row per figure: %s", row).isTrue();
        }
    }

    private static int rowsPerGroup(AnswerSpec spec) {
        int counts = 3;
        int summary = 3;
        return switch (spec) {
            case AnswerSpec.Single s -> s.options().size() + counts;
            case AnswerSpec.YesNo y -> 2 + counts;
            case AnswerSpec.Multiple m -> m.options().size() + counts;
            case AnswerSpec.WholeNumber w -> summary + counts;
            case AnswerSpec.DecimalNumber d -> summary + counts;
            case AnswerSpec.Likert l -> (l.max() - l.min() + 1) + l.extraOptions().size() + 1 + summary + counts;
            case AnswerSpec.FreeText t -> 0;
            case AnswerSpec.FromToken t -> 0;
        };
    }

    // ---- Every row is its statistic ----

    @ParameterizedTest(name = "seed {0}, response rate {1}")
    @CsvSource({"5, 0.1", "6, 0.45", "7, 0.9"})
    void write_shouldMatchTheStatistics_rowByRow(long seed, double responseRate) {
        RoundData data = round(seed, responseRate, Set.of());
        RoundStatistics statistics = data.statistics();
        Map<String, String> sectionTitles = new HashMap<>();
        DEFINITION.sections().forEach(s -> sectionTitles.put(s.code(), s.title()));

        List<Map<String, String>> rows = rows(csv(data));

        for (Map<String, String> row : rows) {
            assertThat(row.get("round")).isEqualTo(DEFINITION.round());
            assertThat(row.get("snapshot_id")).isEqualTo(data.snapshotId());
            assertThat(row.get("source")).isEqualTo("self-reported by trusts");
            if (PARTICIPATION.contains(row.get("measure")) || row.get("measure").equals("respondent_role")) {
                continue; // who responded: its own tests below
            }
            ItemStatistics item = statistics.item(row.get("question_id"));
            Question question = item.question();
            assertThat(row.get("section")).isEqualTo(question.section());
            assertThat(row.get("section_title")).isEqualTo(sectionTitles.get(question.section()));
            assertThat(row.get("question")).isEqualTo(question.shortLabel());
            GroupFigures figures = item.in(group(statistics, row.get("group_type"), row.get("group")));
            switch (row.get("measure")) {
                case "option" -> {
                    OptionCell option = options(figures).stream().filter(o -> o.code().equals(row.get("option_code")))
                            .findFirst().orElseThrow(() -> new AssertionError("no option for " + row));
                    assertThat(row.get("option")).isEqualTo(option.option().label());
                    assertCount(row, option.cell());
                }
                case "between_points" -> assertCount(row, ((GroupFigures.Scale) figures).betweenPoints());
                case "answered" -> assertCount(row, figures.answered());
                case "conflicts" -> assertCount(row, figures.conflicts());
                case "not_answered" -> assertCount(row, figures.notAnswered());
                case "median", "lower_quartile", "upper_quartile" -> assertSummary(row, summary(figures));
                default -> throw new AssertionError("unknown measure in " + row);
            }
            if (!row.get("measure").equals("option")) {
                assertThat(row.get("option_code") + row.get("option")).as("only option rows name an option").isEmpty();
            }
        }
    }

    private static void assertCount(Map<String, String> row, CountCell cell) {
        assertThat(row.get("value")).as("a count has no value: %s", row).isEmpty();
        switch (cell) {
            case Count count -> {
                assertThat(row.get("trusts")).as("%s", row).isEqualTo(Integer.toString(count.count()));
                assertThat(row.get("of")).as("%s", row).isEqualTo(Integer.toString(count.of()));
                assertThat(row.get("percent")).as("%s", row).isEqualTo(
                        count.percent().isPresent() ? Integer.toString(count.percent().getAsInt()) : "");
                assertThat(row.get("suppressed")).isEqualTo("false");
            }
            case Suppressed suppressed -> assertWithheld(row);
        }
    }

    private static void assertSummary(Map<String, String> row, SummaryCell cell) {
        assertThat(row.get("of") + row.get("percent")).as("a quantity has no base or percentage: %s", row).isEmpty();
        switch (cell) {
            case Summary summary -> {
                BigDecimal expected = switch (row.get("measure")) {
                    case "median" -> summary.median();
                    case "lower_quartile" -> summary.lowerQuartile();
                    default -> summary.upperQuartile();
                };
                assertThat(row.get("value")).as("%s", row).matches("-?[0-9]+(\\.[0-9]+)?");
                assertThat(new BigDecimal(row.get("value"))).as("%s", row).isEqualByComparingTo(expected);
                assertThat(row.get("trusts")).isEqualTo(Integer.toString(summary.n()));
                assertThat(row.get("suppressed")).isEqualTo("false");
            }
            case NoValues none -> {
                assertThat(row.get("value")).isEmpty();
                assertThat(row.get("trusts")).isEqualTo("0");
                assertThat(row.get("suppressed")).isEqualTo("false");
            }
            case Suppressed suppressed -> assertWithheld(row);
        }
    }

    private static void assertWithheld(Map<String, String> row) {
        assertThat(List.of(row.get("trusts"), row.get("of"), row.get("percent"), row.get("value")))
                .as("a suppressed figure carries no number: %s", row).containsOnly("");
        assertThat(row.get("suppressed")).isEqualTo("true");
    }

    // ---- Presentation rules ----

    @Test
    void write_shouldLeaveEveryNumberEmpty_whenSuppressed_andGivePercentagesOnlyFrom20Trusts() {
        List<Map<String, String>> rows = rows(csv(round(8, 0.35, Set.of())));

        List<Map<String, String>> suppressed = rows.stream().filter(r -> r.get("suppressed").equals("true")).toList();
        List<Map<String, String>> shown = rows.stream().filter(r -> r.get("suppressed").equals("false")).toList();
        assertThat(suppressed).as("the round has suppressed figures").isNotEmpty();
        assertThat(suppressed).allSatisfy(r -> assertThat(r.get("trusts") + r.get("of") + r.get("percent") + r.get("value"))
                .isEmpty());
        assertThat(suppressed).as("who responded is never suppressed")
                .noneMatch(r -> PARTICIPATION.contains(r.get("measure")));
        assertThat(suppressed.stream().filter(r -> r.get("measure").equals("option")))
                .as("only breakdowns of the answers are suppressed")
                .allSatisfy(r -> assertThat(r.get("group_type")).isIn("peer_group", "region"));
        List<Map<String, String>> counts = shown.stream().filter(r -> !r.get("of").isEmpty()).toList();
        assertThat(counts).anySatisfy(r -> assertThat(r.get("percent")).isEmpty());
        assertThat(counts).anySatisfy(r -> assertThat(r.get("percent")).isNotEmpty());
        assertThat(counts).allSatisfy(r -> assertThat(r.get("percent").isEmpty())
                .as("percentage present exactly from a base of 20: %s", r)
                .isEqualTo(Integer.parseInt(r.get("of")) < 20));
    }

    @Test
    void write_shouldShowNoValuesAsZeroTrustsAndNoValue_whenNoTrustAnsweredANumber() {
        Question number = GeneratedRound.tabulated(DEFINITION, REGISTER).stream()
                .filter(q -> q.answer() instanceof AnswerSpec.WholeNumber).findFirst().orElseThrow();

        List<Map<String, String>> rows = rows(csv(round(9, 0.8, Set.of(number.id()))));

        List<Map<String, String>> median = rows.stream().filter(r -> r.get("question_id").equals(number.id())
                && r.get("group_type").equals("national") && r.get("measure").equals("median")).toList();
        assertThat(median).singleElement().satisfies(r -> {
            assertThat(r.get("trusts")).isEqualTo("0");
            assertThat(r.get("value")).isEmpty();
            assertThat(r.get("suppressed")).isEqualTo("false");
        });
    }

    @Test
    void write_shouldRoundTripLabels_withCommasQuotesAndLineBreaks() {
        Question single = GeneratedRound.tabulated(DEFINITION, REGISTER).stream()
                .filter(q -> q.answer() instanceof AnswerSpec.Single).findFirst().orElseThrow();
        List<Option> options = ((AnswerSpec.Single) single.answer()).options();
        List<Option> awkwardOptions = IntStream.range(0, options.size())
                .mapToObj(i -> new Option(options.get(i).code(),
                        i == 0 ? "Yes, \"fully\"" : i == 1 ? "Partly\ronly a carriage return" : options.get(i).label()))
                .toList();
        Question awkward = new Question(single.id(), single.section(), single.label(), AWKWARD, single.hint(),
                single.audience(), single.required(), single.perception(), single.restriction(),
                new AnswerSpec.Single(awkwardOptions));
        SurveyDefinition definition = new SurveyDefinition(DEFINITION.round(), DEFINITION.definitionVersion(),
                DEFINITION.title(), DEFINITION.window(), DEFINITION.censusDate(), DEFINITION.namedReportConsent(),
                DEFINITION.sections().stream().map(s -> s.code().equals(single.section())
                        ? new Section(s.code(), s.title() + ", \"and more\"") : s).toList(),
                DEFINITION.questions().stream().map(q -> q.id().equals(single.id()) ? awkward : q).toList());
        String region = REGISTER.openOn(DEFINITION.censusDate()).get(0).region();
        TrustRegister register = new TrustRegister(REGISTER.all().stream()
                .map(t -> t.region().equals(region) ? new Trust(t.odsCode(), t.name(), t.type(), AWKWARD_REGION,
                        t.openDate(), t.closeDate()) : t).toList());
        RoundData data = RoundData.of(definition, register,
                GeneratedRound.records(definition, register, 10, 0.9, Set.of()));

        String csv = csv(data);
        List<Map<String, String>> rows = rows(csv);

        List<Map<String, String>> ofQuestion = rows.stream().filter(r -> r.get("question_id").equals(single.id())).toList();
        assertThat(ofQuestion).isNotEmpty().allSatisfy(r -> assertThat(r.get("question")).isEqualTo(AWKWARD));
        assertThat(ofQuestion).allSatisfy(r -> assertThat(r.get("section_title")).endsWith(", \"and more\""));
        assertThat(ofQuestion).anySatisfy(r -> assertThat(r.get("option")).isEqualTo("Yes, \"fully\""));
        assertThat(ofQuestion).anySatisfy(r -> assertThat(r.get("option")).isEqualTo("Partly\ronly a carriage return"));
        assertThat(rows).anySatisfy(r -> assertThat(r.get("group")).isEqualTo(AWKWARD_REGION));
        assertThat(csv).contains("\"Yes, \"\"fully\"\"\"");
    }

    // ---- Who responded ----

    @ParameterizedTest(name = "seed {0}, response rate {1}")
    @CsvSource({"12, 0.05", "13, 0.5", "14, 0.95"})
    void write_shouldSayWhoRespondedInEveryGroup_asTheRecordsShow(long seed, double responseRate) {
        List<TrustRecord> records = GeneratedRound.records(DEFINITION, REGISTER, seed, responseRate, Set.of());
        RoundData data = RoundData.of(DEFINITION, REGISTER, records);
        RoundStatistics statistics = data.statistics();

        List<Map<String, String>> rows = rows(csv(data));

        for (Group group : statistics.groups()) {
            Map<String, Map<String, String>> byMeasure = new HashMap<>();
            rows.stream().filter(r -> PARTICIPATION.contains(r.get("measure")) && r.get("group").equals(group.label())
                    && r.get("group_type").equals(groupType(group))).forEach(r -> byMeasure.put(r.get("measure"), r));
            assertThat(byMeasure.keySet()).as("%s", group.label()).containsExactlyInAnyOrderElementsOf(PARTICIPATION);
            byMeasure.values().forEach(r -> {
                assertThat(r.get("question_id") + r.get("question") + r.get("section") + r.get("option_code"))
                        .as("who responded names no question: %s", r).isEmpty();
                assertThat(r.get("suppressed")).isEqualTo("false");
            });

            // Counted here from the records and the reference list, not taken from the statistics.
            List<Trust> open = REGISTER.openOn(DEFINITION.censusDate()).stream().filter(t -> isIn(group, t)).toList();
            Set<String> openCodes = new HashSet<>(open.stream().map(Trust::odsCode).toList());
            List<TrustRecord> responding = records.stream().filter(r -> openCodes.contains(r.odsCode()))
                    .filter(TrustRecord::responded).toList();
            int official = (int) responding.stream().filter(TrustRecord::hasOfficialReturn).count();
            int individuals = responding.stream().mapToInt(TrustRecord::individualResponses).sum();

            Map<String, String> openRow = byMeasure.get("trusts_open");
            assertThat(openRow.get("trusts")).isEqualTo(Integer.toString(open.size()));
            assertThat(openRow.get("of") + openRow.get("percent") + openRow.get("value")).isEmpty();
            assertCount(byMeasure.get("responding"), Count.of(responding.size(), open.size()));
            assertCount(byMeasure.get("official_returns"), Count.of(official, open.size()));
            Map<String, String> individualRow = byMeasure.get("individual_responses");
            assertThat(individualRow.get("value")).as("people, not trusts").isEqualTo(Integer.toString(individuals));
            assertThat(individualRow.get("trusts") + individualRow.get("of") + individualRow.get("percent")).isEmpty();
        }
    }

    @Test
    void write_shouldGiveRespondentRolesNationally_asCountsOfPeople_withTheirShare() {
        List<TrustRecord> records = GeneratedRound.records(DEFINITION, REGISTER, 15, 0.6, Set.of());
        RoundData data = RoundData.of(DEFINITION, REGISTER, records);
        Question roleQuestion = DEFINITION.question(RoundStatistics.ROLE_QUESTION).orElseThrow();
        Map<String, Integer> byRole = new HashMap<>();
        records.forEach(r -> r.individualRoles().forEach((role, n) -> byRole.merge(role, n, Integer::sum)));
        int individuals = byRole.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(individuals).as("the round has enough individual respondents to show roles").isGreaterThanOrEqualTo(20);

        List<Map<String, String>> roles = rows(csv(data)).stream()
                .filter(r -> r.get("measure").equals("respondent_role")).toList();

        assertThat(roles).extracting(r -> r.get("option_code")).containsExactlyElementsOf(
                ((AnswerSpec.Single) roleQuestion.answer()).options().stream().map(Option::code).toList());
        for (Map<String, String> row : roles) {
            int count = byRole.getOrDefault(row.get("option_code"), 0);
            assertThat(row.get("group_type")).isEqualTo("national");
            assertThat(row.get("question_id")).isEqualTo(roleQuestion.id());
            assertThat(row.get("question")).isEqualTo(roleQuestion.shortLabel());
            assertThat(row.get("trusts")).as("the trusts column counts only trusts").isEmpty();
            assertThat(row.get("value")).isEqualTo(Integer.toString(count));
            assertThat(row.get("of")).isEqualTo(Integer.toString(individuals));
            assertThat(row.get("percent")).isEqualTo(Integer.toString(Count.wholePercent(count, individuals).getAsInt()));
            assertThat(row.get("suppressed")).isEqualTo("false");
        }
    }

    @Test
    void write_shouldWithholdEveryRole_whenFewerThanFiveIndividualsResponded() {
        // Four individual respondents in all, in two trusts: too few for their roles to be shown.
        String role = ((AnswerSpec.Single) DEFINITION.question(RoundStatistics.ROLE_QUESTION).orElseThrow().answer())
                .options().get(0).code();
        List<TrustRecord> generated = GeneratedRound.records(DEFINITION, REGISTER, 16, 0.5, Set.of());
        List<TrustRecord> records = IntStream.range(0, generated.size()).mapToObj(i -> {
            TrustRecord r = generated.get(i);
            int individuals = i < 2 ? 2 : 0;
            return new TrustRecord(r.round(), r.odsCode(), r.definitionVersion(), GeneratedRound.SUBMITTED, individuals,
                    individuals == 0 ? Map.of() : Map.of(role, individuals), r.values(), r.distributions(),
                    r.freeText(), r.lastResponseAt(), r.watermark());
        }).toList();

        List<Map<String, String>> rows = rows(csv(RoundData.of(DEFINITION, REGISTER, records)));

        List<Map<String, String>> roles = rows.stream().filter(r -> r.get("measure").equals("respondent_role")).toList();
        assertThat(roles).isNotEmpty().allSatisfy(NationalCsvTest::assertWithheld);
        assertThat(rows).as("how many individuals responded is still shown").anySatisfy(r -> {
            assertThat(r.get("measure")).isEqualTo("individual_responses");
            assertThat(r.get("group_type")).isEqualTo("national");
            assertThat(r.get("value")).isEqualTo("4");
        });
    }

    // ---- Spreadsheets ----

    @Test
    void write_shouldKeepFormulaLikeTextAsText_butLeaveNumbersAlone() {
        List<String> dangerous = List.of("=HYPERLINK(\"http://example.org\",\"x\")", "+1 more", "-minus",
                "@SUM(A1)", "\tTab first", "\rCarriage return first");
        Question single = GeneratedRound.tabulated(DEFINITION, REGISTER).stream()
                .filter(q -> q.answer() instanceof AnswerSpec.Single s && s.options().size() >= dangerous.size() - 1)
                .findFirst().orElseThrow();
        List<Option> options = ((AnswerSpec.Single) single.answer()).options();
        List<Option> relabelled = IntStream.range(0, options.size())
                .mapToObj(i -> new Option(options.get(i).code(),
                        i + 1 < dangerous.size() ? dangerous.get(i + 1) : options.get(i).label()))
                .toList();
        Question formula = new Question(single.id(), single.section(), single.label(), dangerous.get(0), single.hint(),
                single.audience(), single.required(), single.perception(), single.restriction(),
                new AnswerSpec.Single(relabelled));
        // A number question whose values are all negative: its figures start with "-" and are still numbers.
        Question number = GeneratedRound.tabulated(DEFINITION, REGISTER).stream()
                .filter(q -> q.answer() instanceof AnswerSpec.WholeNumber w && w.atMostQuestion().isEmpty())
                .findFirst().orElseThrow();
        Question negative = new Question(number.id(), number.section(), number.label(), number.shortLabel(),
                number.hint(), number.audience(), number.required(), number.perception(), number.restriction(),
                new AnswerSpec.WholeNumber(-1000, -1, null));
        SurveyDefinition definition = new SurveyDefinition(DEFINITION.round(), DEFINITION.definitionVersion(),
                DEFINITION.title(), DEFINITION.window(), DEFINITION.censusDate(), DEFINITION.namedReportConsent(),
                DEFINITION.sections(),
                DEFINITION.questions().stream().map(q -> q.id().equals(single.id()) ? formula
                        : q.id().equals(number.id()) ? negative : q).toList());
        String region = REGISTER.openOn(DEFINITION.censusDate()).get(0).region();
        TrustRegister register = new TrustRegister(REGISTER.all().stream()
                .map(t -> t.region().equals(region) ? new Trust(t.odsCode(), t.name(), t.type(), "=1+1",
                        t.openDate(), t.closeDate()) : t).toList());

        List<Map<String, String>> rows = rows(csv(RoundData.of(definition, register,
                GeneratedRound.records(definition, register, 17, 0.9, Set.of()))));

        List<Map<String, String>> ofQuestion = rows.stream().filter(r -> r.get("question_id").equals(single.id())).toList();
        assertThat(ofQuestion).isNotEmpty().allSatisfy(r -> assertThat(r.get("question")).isEqualTo("'" + dangerous.get(0)));
        Set<String> shownOptions = new HashSet<>(ofQuestion.stream().map(r -> r.get("option")).toList());
        for (String label : dangerous.subList(1, dangerous.size())) {
            assertThat(shownOptions).as("option labelled %s", label).contains("'" + label);
        }
        assertThat(rows).anySatisfy(r -> assertThat(r.get("group")).isEqualTo("'=1+1"));
        assertThat(rows).noneSatisfy(r -> assertThat(r.get("group")).isEqualTo("=1+1"));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("question_id")).isEqualTo(number.id());
            assertThat(r.get("measure")).isEqualTo("median");
            assertThat(r.get("value")).startsWith("-");
        });
        // Ordinary text is untouched, and so is every number, which is never text.
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("group_type")).isIn("national", "peer_group", "region");
            assertThat(r.get("round")).isEqualTo(DEFINITION.round());
            for (String column : List.of("trusts", "of", "percent", "value")) {
                assertThat(r.get(column)).as("%s of %s", column, r).matches("|-?[0-9]+(\\.[0-9]+)?");
            }
        });
    }

    @Test
    void text_shouldPrefixOnlyAFirstCharacterThatStartsAFormula() {
        assertThat(NationalCsv.text("=A1")).isEqualTo("'=A1");
        assertThat(NationalCsv.text("+44 20")).isEqualTo("'+44 20");
        assertThat(NationalCsv.text("-")).isEqualTo("'-");
        assertThat(NationalCsv.text("@here")).isEqualTo("'@here");
        assertThat(NationalCsv.text("\tx")).isEqualTo("'\tx");
        assertThat(NationalCsv.text("\rx")).isEqualTo("'\rx");
        assertThat(NationalCsv.text("A = B - C")).isEqualTo("A = B - C");
        assertThat(NationalCsv.text("")).isEmpty();
    }

    @Test
    void write_shouldGiveTheSameBytes_whateverTheOrderOfTheRecords() {
        List<TrustRecord> records = GeneratedRound.records(DEFINITION, REGISTER, 11, 0.7, Set.of());
        List<TrustRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(11));

        byte[] once = NationalCsv.write(RoundData.of(DEFINITION, REGISTER, records));
        byte[] again = NationalCsv.write(RoundData.of(DEFINITION, REGISTER, shuffled));

        assertThat(again).isEqualTo(once);
    }

    // ---- Helpers ----

    private static RoundData round(long seed, double responseRate, Set<String> neverAnswered) {
        return RoundData.of(DEFINITION, REGISTER,
                GeneratedRound.records(DEFINITION, REGISTER, seed, responseRate, neverAnswered));
    }

    private static String csv(RoundData data) {
        return new String(NationalCsv.write(data), StandardCharsets.UTF_8);
    }

    /** The data rows, each keyed by the header. */
    private static List<Map<String, String>> rows(String csv) {
        List<List<String>> records = Rfc4180.parse(csv);
        List<String> header = records.get(0);
        return records.stream().skip(1).map(record -> {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            return row;
        }).toList();
    }

    private static String groupType(Group group) {
        return switch (group) {
            case Group.National n -> "national";
            case Group.Peer p -> "peer_group";
            case Group.Region r -> "region";
        };
    }

    private static boolean isIn(Group group, Trust trust) {
        return switch (group) {
            case Group.National n -> true;
            case Group.Peer p -> PeerGroup.ofType(trust.type()).filter(p.peerGroup()::equals).isPresent();
            case Group.Region r -> trust.region().equals(r.name());
        };
    }

    private static Group group(RoundStatistics statistics, String type, String label) {
        return statistics.groups().stream().filter(g -> g.label().equals(label) && type.equals(groupType(g))).findFirst().orElseThrow(() -> new AssertionError("no group " + type + " " + label));
    }

    private static List<OptionCell> options(GroupFigures figures) {
        return switch (figures) {
            case GroupFigures.Choice c -> c.options();
            case GroupFigures.Scale s -> Stream.concat(s.points().stream(), s.extras().stream()).toList();
            case GroupFigures.Amount a -> List.of();
        };
    }

    private static SummaryCell summary(GroupFigures figures) {
        return switch (figures) {
            case GroupFigures.Amount a -> a.summary();
            case GroupFigures.Scale s -> s.summary();
            case GroupFigures.Choice c -> throw new AssertionError("a choice has no summary");
        };
    }
}
