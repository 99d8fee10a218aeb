package nhssm.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import nhssm.core.reconcile.Distribution;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answer;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;

/**
 * Properties over generated rounds: any subset of the real reference list (275 trusts, 73 of them not open
 * on the census date), a few codes not in it, an occasional record of another round, and for every trust
 * a random mix of official returns, individual responses and reconciled values of every kind (official,
 * majority, median, conflict, absent; scale values between points; multiple choice with no option).
 * Subsets range from a handful of trusts to all, so small peer groups (10 ambulance trusts) fall on both
 * sides of their threshold.
 */
class RoundStatisticsPropertiesTest {

    private static final SurveyDefinition DEFINITION = Fixtures.DEFINITION;
    private static final TrustRegister REGISTER = TrustRegister.bundled();
    private static final List<Question> TABULATED = DEFINITION.questions().stream()
            .filter(q -> RoundStatistics.tabulated(DEFINITION, q))
            .toList();
    private static final List<String> ROLES = ((AnswerSpec.Single) DEFINITION.question("Q02").orElseThrow().answer())
            .options().stream().map(Option::code).toList();

    // ---- properties ----

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void countsAddUp_whenEveryRespondingTrustIsCountedOncePerSingleChoiceAndScale(@ForAll("rounds") List<TrustRecord> records) {
        RoundStatistics statistics = RoundStatistics.compute(DEFINITION, REGISTER, records);

        for (ItemStatistics item : statistics.items()) {
            for (GroupFigures figures : item.byGroup()) {
                int responding = statistics.participation(figures.group()).responding().count();
                if (figures.group() instanceof Group.National) {
                    assertThat(figures.answered()).as("national figures are always shown").isInstanceOf(Count.class);
                }
                if (!(figures.answered() instanceof Count answered)) {
                    continue;
                }
                Count conflicts = (Count) figures.conflicts();
                Count notAnswered = (Count) figures.notAnswered();
                assertThat(answered.count() + conflicts.count() + notAnswered.count())
                        .as("%s %s: answered + conflicts + not answered", item.question().id(), figures.group())
                        .isEqualTo(responding);
                List<Integer> options = switch (figures) {
                    case GroupFigures.Choice c -> counts(c.options());
                    case GroupFigures.Scale s -> Stream.of(counts(s.points()), counts(s.extras()),
                            counts(List.of(new OptionCell(new Option("~", "~"), s.betweenPoints())))).flatMap(List::stream).toList();
                    case GroupFigures.Amount a -> a.summary() instanceof Summary s ? List.of(s.n()) : List.of();
                };
                if (options.isEmpty()) {
                    continue; // the per-option cells are suppressed as one
                }
                boolean multiple = item.question().answer() instanceof AnswerSpec.Multiple;
                if (multiple) {
                    assertThat(options).allSatisfy(n -> assertThat(n).isBetween(0, answered.count()));
                } else {
                    assertThat(options.stream().mapToInt(Integer::intValue).sum())
                            .as("%s %s: options add up to the trusts answering", item.question().id(), figures.group())
                            .isEqualTo(answered.count());
                }
            }
        }
    }

    @Property(tries = 40, edgeCases = EdgeCasesMode.NONE)
    void resultsDoNotDependOnInputOrder_whenTheRecordsAreShuffled(@ForAll("rounds") List<TrustRecord> records,
            @ForAll Random random) {
        List<TrustRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, random);

        RoundStatistics once = RoundStatistics.compute(DEFINITION, REGISTER, records);
        RoundStatistics again = RoundStatistics.compute(DEFINITION, REGISTER, shuffled);

        assertThat(again).isEqualTo(once);
        assertThat(again.hashCode()).isEqualTo(once.hashCode());
        assertThat(again.toString()).isEqualTo(once.toString());
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void noFigureBelowItsThresholdIsShown_andNoFigureAboveItIsSuppressed(@ForAll("rounds") List<TrustRecord> records) {
        RoundStatistics statistics = RoundStatistics.compute(DEFINITION, REGISTER, records);
        Map<String, Trust> counted = statistics.participants().stream()
                .collect(Collectors.toMap(Trust::odsCode, t -> t));
        int ambulance = statistics.participation(new Group.Peer(PeerGroup.AMBULANCE)).responding().count();
        Statistics.label("ambulance peer group").collect(ambulance < Thresholds.PEER_GROUP_MIN_RESPONDING_TRUSTS ? "suppressed" : "shown");
        Statistics.label("ambulance peer group").coverage(checker -> {
            checker.check("suppressed").percentage(p -> p >= 10);
            checker.check("shown").percentage(p -> p >= 10);
        });

        boolean breakdownSuppressed = false;
        for (ItemStatistics item : statistics.items()) {
            for (GroupFigures figures : item.byGroup()) {
                Group group = figures.group();
                // an oracle independent of the implementation: the trusts behind each cell, from the records
                List<TrustRecord> members = records.stream()
                        .filter(r -> counted.containsKey(r.odsCode()) && r.round().equals(DEFINITION.round()))
                        .filter(r -> isMember(group, counted.get(r.odsCode())))
                        .toList();
                int responding = members.size();
                int usable = (int) members.stream().filter(r -> usable(r, item.question())).count();
                int numeric = (int) members.stream().filter(r -> numeric(r, item.question())).count();
                boolean peerTooSmall = group instanceof Group.Peer && responding < Thresholds.PEER_GROUP_MIN_RESPONDING_TRUSTS;

                for (Cell cell : cells(figures)) {
                    if (cell.equals(new Suppressed(SuppressionRule.BREAKDOWN_CELL))) {
                        breakdownSuppressed = true;
                    }
                    if (peerTooSmall) {
                        assertThat(cell).as("%s %s", item.question().id(), group)
                                .isEqualTo(new Suppressed(SuppressionRule.PEER_GROUP_RESPONDING));
                    }
                    if (cell instanceof Count count && group.breakdown()) {
                        assertThat(count.of()).as("%s %s: a breakdown cell's base", item.question().id(), group)
                                .isGreaterThanOrEqualTo(Thresholds.BREAKDOWN_CELL_MIN_TRUSTS);
                    }
                    if (cell instanceof Summary summary && group.breakdown()) {
                        assertThat(summary.n()).isGreaterThanOrEqualTo(Thresholds.BREAKDOWN_CELL_MIN_TRUSTS);
                    }
                }
                // and nothing is withheld that the rules allow: shown exactly when the base reaches the threshold
                if (!peerTooSmall) {
                    assertThat(figures.answered() instanceof Count)
                            .isEqualTo(!group.breakdown() || responding >= Thresholds.BREAKDOWN_CELL_MIN_TRUSTS);
                    List<OptionCell> perOption = switch (figures) {
                        case GroupFigures.Choice c -> c.options();
                        case GroupFigures.Scale s -> s.points();
                        case GroupFigures.Amount a -> List.of();
                    };
                    perOption.forEach(o -> assertThat(o.cell() instanceof Count)
                            .isEqualTo(!group.breakdown() || usable >= Thresholds.BREAKDOWN_CELL_MIN_TRUSTS));
                    SummaryCell summary = switch (figures) {
                        case GroupFigures.Amount a -> a.summary();
                        case GroupFigures.Scale s -> s.summary();
                        case GroupFigures.Choice c -> null;
                    };
                    if (summary != null) {
                        assertThat(summary instanceof Suppressed)
                                .isEqualTo(group.breakdown() && numeric < Thresholds.BREAKDOWN_CELL_MIN_TRUSTS);
                        assertThat(summary instanceof NoValues).isEqualTo(!group.breakdown() && numeric == 0);
                    }
                }
            }
        }
        Statistics.label("breakdown cells").collect(breakdownSuppressed ? "some [c] below 3 trusts" : "none below 3 trusts");
        Statistics.label("breakdown cells").coverage(checker ->
                checker.check("some [c] below 3 trusts").percentage(p -> p >= 20));
        for (OptionCell role : statistics.respondentRoles()) {
            if (role.cell() instanceof Count count) {
                assertThat(count.of()).isGreaterThanOrEqualTo(Thresholds.INDIVIDUAL_RESPONSES_MIN);
            }
        }
        for (Trust trust : counted.values()) {
            for (OptionCell role : statistics.individualRoles(trust.odsCode())) {
                if (role.cell() instanceof Count count) {
                    assertThat(count.of()).isGreaterThanOrEqualTo(Thresholds.INDIVIDUAL_RESPONSES_MIN);
                }
            }
            for (ItemStatistics item : statistics.items()) {
                if (item instanceof ItemStatistics.Scale) {
                    for (OptionCell answer : statistics.individualAnswers(item.question().id(), trust.odsCode())) {
                        assertThat(answer.cell() instanceof Count).isEqualTo(statistics.record(trust.odsCode())
                                .map(r -> r.distributions().get(item.question().id()))
                                .map(Distribution::answering).orElse(0) >= Thresholds.INDIVIDUAL_RESPONSES_MIN);
                    }
                }
                if (!(item instanceof ItemStatistics.Choice)) {
                    QuartileBand band = statistics.quartileBand(item.question().id(), trust.odsCode());
                    if (band instanceof QuartileBand.Placed placed) {
                        GroupFigures peers = item.in(new Group.Peer(placed.peerGroup()));
                        assertThat(peers.answered()).isInstanceOf(Count.class);
                        assertThat(placed.position()).isEqualTo(QuartileBand.Position.of(placed.value(), placed.peers()));
                    }
                }
            }
        }
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void percentagesAreWholeNumbersFrom0To100ConsistentWithCountAndBase(@ForAll("rounds") List<TrustRecord> records) {
        RoundStatistics statistics = RoundStatistics.compute(DEFINITION, REGISTER, records);

        List<Count> counts = new ArrayList<>();
        statistics.participation().forEach(p -> counts.addAll(List.of(p.responding(), p.officialReturns())));
        statistics.items().forEach(i -> i.byGroup().forEach(f -> cells(f).stream()
                .filter(Count.class::isInstance).map(Count.class::cast).forEach(counts::add)));
        statistics.respondentRoles().stream().map(OptionCell::cell).filter(Count.class::isInstance)
                .map(Count.class::cast).forEach(counts::add);

        for (Count count : counts) {
            assertThat(count.count()).isBetween(0, count.of());
            assertThat(count.percent().isPresent()).isEqualTo(count.of() >= Thresholds.PERCENT_MIN_BASE);
            count.percent().ifPresent(percent -> {
                BigDecimal exact = BigDecimal.valueOf(100L * count.count())
                        .divide(BigDecimal.valueOf(count.of()), 10, RoundingMode.HALF_UP);
                assertThat(percent).isBetween(0, 100)
                        .isEqualTo(exact.setScale(0, RoundingMode.HALF_UP).intValueExact());
                assertThat(BigDecimal.valueOf(percent).subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.5"));
            });
        }
    }

    @Property(tries = 500)
    void quartilesAgreeWithAnIndependentType7Implementation_andAreInOrder(
            @ForAll("numbers") List<BigDecimal> values, @ForAll Random random) {
        Summary summary = Summary.of(values);
        List<BigDecimal> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);

        assertThat(Summary.of(shuffled)).isEqualTo(summary);
        double[] sorted = values.stream().mapToDouble(BigDecimal::doubleValue).sorted().toArray();
        // R's quantile(type = 7): h = (n - 1) p + 1 (1-based); Q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])
        double tolerance = 1e-9;
        assertThat(summary.lowerQuartile().doubleValue()).isCloseTo(type7(sorted, 0.25), org.assertj.core.api.Assertions.within(tolerance));
        assertThat(summary.median().doubleValue()).isCloseTo(type7(sorted, 0.5), org.assertj.core.api.Assertions.within(tolerance));
        assertThat(summary.upperQuartile().doubleValue()).isCloseTo(type7(sorted, 0.75), org.assertj.core.api.Assertions.within(tolerance));
        assertThat(summary.n()).isEqualTo(values.size());
        assertThat(summary.min()).isEqualByComparingTo(values.stream().min(BigDecimal::compareTo).orElseThrow());
        assertThat(summary.max()).isEqualByComparingTo(values.stream().max(BigDecimal::compareTo).orElseThrow());
    }

    @Property(tries = 500)
    void percentOfACount_isTheRoundedHalfUpShare_forAnyCountAndBase(@ForAll @IntRange(min = 0, max = 5000) int of,
            @ForAll @IntRange(min = 0, max = 5000) int countSeed) {
        int count = of == 0 ? 0 : countSeed % (of + 1);
        Count cell = Count.of(count, of);

        if (of < Thresholds.PERCENT_MIN_BASE) {
            assertThat(cell.percent()).isEmpty();
        } else {
            assertThat(cell.percent()).hasValue(BigDecimal.valueOf(100L * count)
                    .divide(BigDecimal.valueOf(of), 0, RoundingMode.HALF_UP).intValueExact());
        }
    }

    private static double type7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p + 1;
        int low = (int) Math.floor(h);
        double fraction = h - low;
        return low >= sorted.length ? sorted[sorted.length - 1] : sorted[low - 1] + fraction * (sorted[low] - sorted[low - 1]);
    }

    // ---- helpers ----

    private static List<Integer> counts(List<OptionCell> cells) {
        return cells.stream().map(OptionCell::cell).filter(Count.class::isInstance).map(c -> ((Count) c).count()).toList();
    }

    private static List<Cell> cells(GroupFigures figures) {
        List<Cell> cells = new ArrayList<>(List.of(figures.answered(), figures.conflicts(), figures.notAnswered()));
        switch (figures) {
            case GroupFigures.Choice c -> c.options().forEach(o -> cells.add(o.cell()));
            case GroupFigures.Amount a -> cells.add(a.summary());
            case GroupFigures.Scale s -> {
                s.points().forEach(o -> cells.add(o.cell()));
                s.extras().forEach(o -> cells.add(o.cell()));
                cells.add(s.betweenPoints());
                cells.add(s.summary());
            }
        }
        return cells;
    }

    private static boolean isMember(Group group, Trust trust) {
        return switch (group) {
            case Group.National n -> true;
            case Group.Peer p -> p.peerGroup().type().equals(trust.type());
            case Group.Region r -> r.name().equals(trust.region());
        };
    }

    private static boolean usable(TrustRecord record, Question question) {
        Reconciled value = record.values().get(question.id());
        return value != null && !(value instanceof Reconciled.Conflict);
    }

    private static boolean numeric(TrustRecord record, Question question) {
        return switch (record.values().get(question.id())) {
            case null -> false;
            case Reconciled.Conflict c -> false;
            case Reconciled.FromOfficial o -> !(o.answer() instanceof Answer.Code);
            case Reconciled.ByMajority m -> !(m.answer() instanceof Answer.Code);
            case Reconciled.ByMedian m -> !(m.answer() instanceof Answer.Code);
        };
    }

    // ---- generators ----

    @Provide
    Arbitrary<List<BigDecimal>> numbers() {
        return Arbitraries.integers().between(-2000, 2000).map(i -> BigDecimal.valueOf(i, 1)).list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<TrustRecord>> rounds() {
        List<String> codes = REGISTER.all().stream().map(Trust::odsCode).sorted().toList();
        Arbitrary<List<String>> unknown = Arbitraries.strings().withCharRange('0', '9').ofLength(3)
                .map(s -> "ZZ" + s).list().ofMaxSize(2).uniqueElements();
        // a response propensity for the round (1 % to 100 %), then each trust of the list independently
        return Arbitraries.integers().between(1, 100).flatMap(percent -> Combinators.combine(codes.stream()
                        .map(code -> Arbitraries.integers().between(1, 100).map(x -> x <= percent ? code : null))
                        .toList()).as(drawn -> drawn.stream().filter(java.util.Objects::nonNull).toList()))
                .flatMap(chosen -> unknown.flatMap(strangers -> {
                    List<Arbitrary<TrustRecord>> arbitraries = Stream.concat(chosen.stream(), strangers.stream())
                            .map(RoundStatisticsPropertiesTest::record).toList();
                    return arbitraries.isEmpty() ? Arbitraries.just(List.<TrustRecord>of())
                            : Combinators.combine(arbitraries).as(List::copyOf);
                }));
    }

    private static Arbitrary<TrustRecord> record(String ods) {
        Arbitrary<String> round = Arbitraries.frequency(Tuple.of(29, "2026"), Tuple.of(1, "2025"));
        Arbitrary<Boolean> official = Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false));
        Arbitrary<List<String>> individuals = Arbitraries.of(ROLES).list().ofMaxSize(7);
        return Combinators.combine(round, official, individuals, reconciledValues(), distributions())
                .as((r, o, roles, values, distributions) -> new TrustRecord(r, ods, "2026.1",
                        o ? Fixtures.SUBMITTED : null, roles.size(), tally(roles), values, distributions, List.of(),
                        Fixtures.SUBMITTED, 1));
    }

    private static Arbitrary<Map<String, Reconciled>> reconciledValues() {
        List<Arbitrary<Optional<Map.Entry<String, Reconciled>>>> perQuestion = TABULATED.stream()
                .map(q -> Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.just(Optional.<Reconciled>empty())),
                        Tuple.of(1, Arbitraries.just(Optional.<Reconciled>of(new Reconciled.Conflict(Map.of("A", 1, "B", 1), 2)))),
                        Tuple.of(7, reconciled(answer(q.answer())).map(Optional::of)))
                        .map(v -> v.map(value -> Map.entry(q.id(), value))))
                .toList();
        return Combinators.combine(perQuestion).as(entries -> entries.stream().flatMap(Optional::stream)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static Arbitrary<Reconciled> reconciled(Arbitrary<Answer> answer) {
        return Combinators.combine(Arbitraries.integers().between(0, 2), answer).as((kind, a) -> switch (kind) {
            case 0 -> new Reconciled.FromOfficial(a);
            case 1 -> new Reconciled.ByMajority(a, 3);
            default -> new Reconciled.ByMedian(a, 4);
        });
    }

    private static Arbitrary<Answer> answer(AnswerSpec spec) {
        return switch (spec) {
            case AnswerSpec.Single s -> Arbitraries.of(codes(s.options())).map(Answer.Code::new);
            case AnswerSpec.YesNo y -> Arbitraries.of("YES", "NO").map(Answer.Code::new);
            case AnswerSpec.Multiple m -> Arbitraries.subsetOf(codes(m.options()))
                    .map(set -> new Answer.Codes(codes(m.options()).stream().filter(set::contains).toList()));
            case AnswerSpec.WholeNumber w -> Arbitraries.oneOf(
                    Arbitraries.longs().between(w.min(), w.max()).map(Answer.WholeNumber::new),
                    Arbitraries.longs().between(w.min(), w.max() - 1)
                            .map(v -> new Answer.DecimalNumber(BigDecimal.valueOf(v * 10 + 5, 1))));
            case AnswerSpec.DecimalNumber d -> Arbitraries.integers().between(0, d.max().movePointRight(1).intValueExact())
                    .map(i -> new Answer.DecimalNumber(Summary.normalised(BigDecimal.valueOf(i, 1))));
            case AnswerSpec.Likert l -> {
                List<Arbitrary<? extends Answer>> kinds = new ArrayList<>();
                kinds.add(Arbitraries.integers().between(l.min(), l.max()).map(Answer.ScalePoint::new));
                kinds.add(Arbitraries.integers().between(l.min(), l.max() - 1)
                        .map(p -> new Answer.DecimalNumber(BigDecimal.valueOf(p * 10L + 5, 1))));
                if (!l.extraOptions().isEmpty()) {
                    kinds.add(Arbitraries.of(codes(l.extraOptions())).map(Answer.Code::new));
                }
                yield Arbitraries.oneOf(kinds);
            }
            case AnswerSpec.FreeText t -> throw new IllegalArgumentException("not tabulated");
            case AnswerSpec.FromToken t -> throw new IllegalArgumentException("not tabulated");
        };
    }

    private static Arbitrary<Map<String, Distribution>> distributions() {
        List<Arbitrary<Map.Entry<String, Distribution>>> perItem = TABULATED.stream()
                .filter(q -> q.answer() instanceof AnswerSpec.Likert)
                .map(q -> {
                    AnswerSpec.Likert l = (AnswerSpec.Likert) q.answer();
                    List<String> answers = new ArrayList<>(IntStream.rangeClosed(l.min(), l.max())
                            .mapToObj(Integer::toString).toList());
                    answers.addAll(codes(l.extraOptions()));
                    return Arbitraries.of(answers).list().ofMaxSize(8)
                            .map(list -> Map.entry(q.id(), new Distribution(tally(list), list.size())));
                })
                .toList();
        return Combinators.combine(perItem).as(entries -> entries.stream()
                .filter(e -> e.getValue().answering() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static List<String> codes(List<Option> options) {
        return options.stream().map(Option::code).toList();
    }

    private static Map<String, Integer> tally(List<String> codes) {
        Map<String, Integer> tally = new HashMap<>();
        codes.forEach(c -> tally.merge(c, 1, Integer::sum));
        return tally;
    }

}
