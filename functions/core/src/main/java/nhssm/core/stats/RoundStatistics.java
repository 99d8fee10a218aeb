package nhssm.core.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;
import nhssm.core.reconcile.Distribution;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;

/**
 * The statistics of one round: everything the national and per-trust reports show, computed once from
 * the round's reconciled trust records and the trust reference list, with every presentation rule of
 * SURVEY.md already applied (see {@link Cell}). Immutable; pure (no I/O, no clock); the same inputs in
 * any order give an equal result.
 *
 * <p>The unit is the trust: each trust counts once, with its reconciled value; individual respondents
 * appear only in {@link #respondentRoles()} and the per-trust distributions. The denominator is the trusts
 * open on the round's census date in the reference list. Records for trusts not open on that date, not in
 * the list, or of another round are not counted and are listed in {@link #ignored()}. Nothing here ranks,
 * scores or orders trusts.
 */
public final class RoundStatistics {

    /** The question whose codes name the respondent roles. */
    public static final String ROLE_QUESTION = "Q02";

    private final String round;
    private final String definitionVersion;
    private final LocalDate censusDate;
    private final List<Group> groups;
    private final List<Participation> participation;
    private final List<OptionCell> respondentRoles;
    private final List<IgnoredRecord> ignored;
    private final List<ItemStatistics> items;
    private final Map<String, Counted> counted;
    private final List<Option> roleOptions;

    /** A trust that counts: open on the census date, and responded. */
    private record Counted(Trust trust, TrustRecord record) {
    }

    private RoundStatistics(String round, String definitionVersion, LocalDate censusDate, List<Group> groups,
            List<Participation> participation, List<OptionCell> respondentRoles, List<IgnoredRecord> ignored,
            List<ItemStatistics> items, Map<String, Counted> counted, List<Option> roleOptions) {
        this.round = round;
        this.definitionVersion = definitionVersion;
        this.censusDate = censusDate;
        this.groups = List.copyOf(groups);
        this.participation = List.copyOf(participation);
        this.respondentRoles = List.copyOf(respondentRoles);
        this.ignored = List.copyOf(ignored);
        this.items = List.copyOf(items);
        this.counted = Map.copyOf(counted);
        this.roleOptions = List.copyOf(roleOptions);
    }

    /**
     * The statistics of {@code definition}'s round.
     *
     * @param records at most one per trust for the round, in any order
     * @throws IllegalArgumentException when two records of the round share an ODS code, or a value does
     *                                  not fit its question (a code the question lacks, a number for a
     *                                  choice): such input is a bug upstream and is never silently counted
     */
    public static RoundStatistics compute(SurveyDefinition definition, TrustRegister register, List<TrustRecord> records) {
        LocalDate census = definition.censusDate();
        List<IgnoredRecord> ignored = new ArrayList<>();
        Map<String, Counted> counted = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (TrustRecord record : records) {
            if (!definition.round().equals(record.round())) {
                ignored.add(new IgnoredRecord(record.odsCode(), IgnoredRecord.Reason.OTHER_ROUND));
                continue;
            }
            if (!seen.add(record.odsCode())) {
                throw new IllegalArgumentException("two records for trust " + record.odsCode() + " in round " + record.round());
            }
            Optional<Trust> trust = register.find(record.odsCode());
            if (trust.isEmpty()) {
                ignored.add(new IgnoredRecord(record.odsCode(), IgnoredRecord.Reason.NOT_IN_REFERENCE_LIST));
            } else if (!trust.get().isOpenOn(census)) {
                ignored.add(new IgnoredRecord(record.odsCode(), IgnoredRecord.Reason.NOT_OPEN_ON_CENSUS_DATE));
            } else if (record.responded()) {
                counted.put(record.odsCode(), new Counted(trust.get(), record));
            }
        }
        ignored.sort(Comparator.comparing(IgnoredRecord::odsCode).thenComparing(IgnoredRecord::reason));

        List<Trust> open = register.openOn(census);
        List<Group> groups = groups(open);
        Map<Group, List<Counted>> members = new LinkedHashMap<>();
        for (Group group : groups) {
            members.put(group, counted.values().stream().filter(c -> isMember(group, c.trust())).toList());
        }

        List<Participation> participation = groups.stream().map(g -> {
            int openTrusts = (int) open.stream().filter(t -> isMember(g, t)).count();
            List<Counted> in = members.get(g);
            int official = (int) in.stream().filter(c -> c.record().hasOfficialReturn()).count();
            int individuals = in.stream().mapToInt(c -> c.record().individualResponses()).sum();
            return new Participation(g, openTrusts, Count.of(in.size(), openTrusts), Count.of(official, openTrusts),
                    individuals);
        }).toList();

        List<Option> roleOptions = roleOptions(definition, counted.values().stream().map(Counted::record).toList());
        List<OptionCell> roles = individualDistribution(roleOptions,
                sumRoles(counted.values().stream().map(Counted::record).toList(), roleOptions));

        List<ItemStatistics> items = definition.questions().stream()
                .filter(q -> tabulated(definition, q))
                .map(q -> item(q, groups, members))
                .toList();

        return new RoundStatistics(definition.round(), definition.definitionVersion(), census, groups, participation,
                roles, ignored, items, counted, roleOptions);
    }

    // ---- the model ----

    public String round() {
        return round;
    }

    public String definitionVersion() {
        return definitionVersion;
    }

    /** The date on which a trust must be open in the reference list to count. */
    public LocalDate censusDate() {
        return censusDate;
    }

    /** National, then the five peer groups (in {@link PeerGroup} order), then the regions by name. */
    public List<Group> groups() {
        return groups;
    }

    /** The regions of the trusts open on the census date, by name. */
    public List<Group.Region> regions() {
        return groups.stream().filter(g -> g instanceof Group.Region).map(g -> (Group.Region) g).toList();
    }

    /** Participation of every group, in {@link #groups()} order. */
    public List<Participation> participation() {
        return participation;
    }

    public Participation participation(Group group) {
        return participation.stream().filter(p -> p.group().equals(group)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no such group: " + group));
    }

    /**
     * Individual respondents nationally by role (the sum of every counted trust's individual responses by
     * role), out of all individual responses; suppressed below 5 individuals.
     */
    public List<OptionCell> respondentRoles() {
        return respondentRoles;
    }

    /** Records given but not counted (not open on the census date, unknown, other round), by ODS code. */
    public List<IgnoredRecord> ignored() {
        return ignored;
    }

    /** The trusts that count: open on the census date and responded. Unordered; a report sorts them by name. */
    public Set<Trust> participants() {
        return Set.copyOf(counted.values().stream().map(Counted::trust).toList());
    }

    /** A counted trust's reconciled record. */
    public Optional<TrustRecord> record(String odsCode) {
        return Optional.ofNullable(counted.get(odsCode)).map(Counted::record);
    }

    /**
     * Every question that carries a value of the trust, in definition order: all but the trust code, free
     * text, the respondent's role (see {@link #respondentRoles()}) and consent to quote.
     */
    public List<ItemStatistics> items() {
        return items;
    }

    /** The statistics of one question. */
    public ItemStatistics item(String questionId) {
        return items.stream().filter(i -> i.question().id().equals(questionId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no statistics for question " + questionId
                        + " (unknown, or not a value of the trust)"));
    }

    // ---- per trust ----

    /**
     * Where a trust's value for a number or scale item lies among its peer group's values.
     *
     * @throws IllegalArgumentException when the item is a choice (choices are compared by counts)
     */
    public QuartileBand quartileBand(String questionId, String odsCode) {
        ItemStatistics item = item(questionId);
        if (item instanceof ItemStatistics.Choice) {
            throw new IllegalArgumentException(questionId + " is a choice: compare it by counts, not by quartile band");
        }
        Counted trust = counted.get(odsCode);
        if (trust == null) {
            return new QuartileBand.NotPlaced(QuartileBand.Reason.NOT_COUNTED);
        }
        Optional<PeerGroup> peerGroup = PeerGroup.ofType(trust.trust().type());
        if (peerGroup.isEmpty()) {
            return new QuartileBand.NotPlaced(QuartileBand.Reason.NO_PEER_GROUP);
        }
        BigDecimal value = switch (TrustValue.of(trust.record(), item.question())) {
            case TrustValue.Amount a -> a.value();
            case TrustValue.Point p -> BigDecimal.valueOf(p.point());
            case TrustValue.Between b -> b.value();
            case TrustValue.Absent a -> null;
            case TrustValue.Conflicted c -> null;
            case TrustValue.Extra e -> null;
            case TrustValue.Chosen c -> throw new IllegalStateException("a choice value on a numeric item");
        };
        if (value == null) {
            return new QuartileBand.NotPlaced(switch (TrustValue.of(trust.record(), item.question())) {
                case TrustValue.Absent a -> QuartileBand.Reason.NOT_ANSWERED;
                case TrustValue.Conflicted c -> QuartileBand.Reason.CONFLICT;
                default -> QuartileBand.Reason.NOT_A_NUMBER;
            });
        }
        Group.Peer peers = new Group.Peer(peerGroup.get());
        SummaryCell distribution = switch (item.in(peers)) {
            case GroupFigures.Amount a -> a.summary();
            case GroupFigures.Scale s -> s.summary();
            case GroupFigures.Choice c -> throw new IllegalStateException("a choice item");
        };
        return switch (distribution) {
            case Suppressed s -> s;
            case Summary summary -> new QuartileBand.Placed(peerGroup.get(), value,
                    QuartileBand.Position.of(value, summary), summary);
            case NoValues n -> throw new IllegalStateException("the trust's own value is missing from its peer group");
        };
    }

    /**
     * How a trust's individual respondents answered a perception (scale) item: per point and extra code,
     * out of the individuals who answered it; every cell suppressed below 5 individuals.
     *
     * @throws IllegalArgumentException when the item is not a scale or the trust is not counted
     */
    public List<OptionCell> individualAnswers(String questionId, String odsCode) {
        if (!(item(questionId) instanceof ItemStatistics.Scale scale)) {
            throw new IllegalArgumentException(questionId + " is not a scale item: individuals' answers are not kept");
        }
        TrustRecord record = countedRecord(odsCode);
        Distribution distribution = record.distributions().get(questionId);
        Map<String, Integer> counts = distribution == null ? Map.of() : distribution.counts();
        int answering = distribution == null ? 0 : distribution.answering();
        List<Option> options = new ArrayList<>(scaleOptions((AnswerSpec.Likert) scale.question().answer()));
        options.addAll(((AnswerSpec.Likert) scale.question().answer()).extraOptions());
        for (String code : counts.keySet()) {
            if (options.stream().noneMatch(o -> o.code().equals(code))) {
                throw new IllegalArgumentException("trust " + odsCode + ", " + questionId + ": individuals' answer "
                        + code + " is not on the scale");
            }
        }
        return distribution(options, counts, answering);
    }

    /**
     * A counted trust's individual respondents by role, out of its individual responses; every cell
     * suppressed below 5 individuals.
     */
    public List<OptionCell> individualRoles(String odsCode) {
        return individualDistribution(roleOptions, sumRoles(List.of(countedRecord(odsCode)), roleOptions));
    }

    private TrustRecord countedRecord(String odsCode) {
        Counted trust = counted.get(odsCode);
        if (trust == null) {
            throw new IllegalArgumentException(odsCode + " is not a counted trust of round " + round);
        }
        return trust.record();
    }

    // ---- computation ----

    private static List<Group> groups(List<Trust> open) {
        List<Group> groups = new ArrayList<>();
        groups.add(Group.NATIONAL);
        for (PeerGroup peerGroup : PeerGroup.values()) {
            groups.add(new Group.Peer(peerGroup));
        }
        new TreeSet<>(open.stream().map(Trust::region).toList()).forEach(r -> groups.add(new Group.Region(r)));
        return groups;
    }

    private static boolean isMember(Group group, Trust trust) {
        return switch (group) {
            case Group.National n -> true;
            case Group.Peer p -> PeerGroup.ofType(trust.type()).equals(Optional.of(p.peerGroup()));
            case Group.Region r -> r.name().equals(trust.region());
        };
    }

    /**
     * Whether a question has statistics: every question that carries a value of the trust, as the
     * reconciliation defines it. Not the trust's code (from the token), not free text (never merged), not
     * the respondent's role (about the person answering: see {@link #respondentRoles()}) and not a consent
     * to quote (about one response's own text).
     */
    static boolean tabulated(SurveyDefinition definition, Question question) {
        boolean consentToQuote = definition.questions().stream()
                .anyMatch(q -> q.answer() instanceof AnswerSpec.FreeText text && question.id().equals(text.consentQuestion()));
        return !(question.answer() instanceof AnswerSpec.FromToken || question.answer() instanceof AnswerSpec.FreeText)
                && !ROLE_QUESTION.equals(question.id())
                && !consentToQuote;
    }

    /**
     * The rule that withholds a figure of {@code group} resting on {@code base} trusts, if any: a peer
     * group with fewer than 5 responding trusts shows nothing; any breakdown cell needs 3 trusts behind it.
     */
    static Optional<SuppressionRule> suppression(Group group, int respondingInGroup, int base) {
        if (group instanceof Group.Peer && respondingInGroup < SuppressionRule.PEER_GROUP_RESPONDING.minimum()) {
            return Optional.of(SuppressionRule.PEER_GROUP_RESPONDING);
        }
        if (group.breakdown() && base < SuppressionRule.BREAKDOWN_CELL.minimum()) {
            return Optional.of(SuppressionRule.BREAKDOWN_CELL);
        }
        return Optional.empty();
    }

    private static CountCell countCell(Group group, int responding, int count, int base) {
        return suppression(group, responding, base).<CountCell>map(Suppressed::new).orElseGet(() -> Count.of(count, base));
    }

    private static SummaryCell summaryCell(Group group, int responding, List<BigDecimal> values) {
        Optional<SuppressionRule> rule = suppression(group, responding, values.size());
        if (rule.isPresent()) {
            return new Suppressed(rule.get());
        }
        return values.isEmpty() ? new NoValues() : Summary.of(values);
    }

    private static ItemStatistics item(Question question, List<Group> groups, Map<Group, List<Counted>> members) {
        Function<Group, List<TrustValue>> values = g -> members.get(g).stream()
                .map(c -> TrustValue.of(c.record(), question)).toList();
        return switch (question.answer()) {
            case AnswerSpec.Single s -> new ItemStatistics.Choice(question,
                    groups.stream().map(g -> choice(g, s.options(), values.apply(g))).toList());
            case AnswerSpec.YesNo y -> new ItemStatistics.Choice(question,
                    groups.stream().map(g -> choice(g, AnswerSpec.YesNo.OPTIONS, values.apply(g))).toList());
            case AnswerSpec.Multiple m -> new ItemStatistics.Choice(question,
                    groups.stream().map(g -> choice(g, m.options(), values.apply(g))).toList());
            case AnswerSpec.WholeNumber w -> new ItemStatistics.Amount(question,
                    groups.stream().map(g -> amount(g, values.apply(g))).toList());
            case AnswerSpec.DecimalNumber d -> new ItemStatistics.Amount(question,
                    groups.stream().map(g -> amount(g, values.apply(g))).toList());
            case AnswerSpec.Likert l -> new ItemStatistics.Scale(question,
                    groups.stream().map(g -> scale(g, l, values.apply(g))).toList());
            case AnswerSpec.FreeText t -> throw new IllegalArgumentException("free text is not tabulated");
            case AnswerSpec.FromToken t -> throw new IllegalArgumentException("the trust code is not tabulated");
        };
    }

    private static GroupFigures.Choice choice(Group group, List<Option> options, List<TrustValue> values) {
        int responding = values.size();
        int conflicts = 0;
        int absent = 0;
        int answered = 0;
        Map<String, Integer> byCode = new HashMap<>();
        for (TrustValue value : values) {
            switch (value) {
                case TrustValue.Absent a -> absent++;
                case TrustValue.Conflicted c -> conflicts++;
                case TrustValue.Chosen chosen -> {
                    answered++;
                    chosen.codes().forEach(code -> byCode.merge(code, 1, Integer::sum));
                }
                default -> throw new IllegalStateException("not a choice: " + value);
            }
        }
        int base = answered;
        return new GroupFigures.Choice(group,
                countCell(group, responding, answered, responding),
                options.stream().map(o -> new OptionCell(o,
                        countCell(group, responding, byCode.getOrDefault(o.code(), 0), base))).toList(),
                countCell(group, responding, conflicts, responding),
                countCell(group, responding, absent, responding));
    }

    private static GroupFigures.Amount amount(Group group, List<TrustValue> values) {
        int responding = values.size();
        int conflicts = 0;
        int absent = 0;
        List<BigDecimal> numbers = new ArrayList<>();
        for (TrustValue value : values) {
            switch (value) {
                case TrustValue.Absent a -> absent++;
                case TrustValue.Conflicted c -> conflicts++;
                case TrustValue.Amount a -> numbers.add(a.value());
                default -> throw new IllegalStateException("not a number: " + value);
            }
        }
        return new GroupFigures.Amount(group,
                countCell(group, responding, numbers.size(), responding),
                summaryCell(group, responding, numbers),
                countCell(group, responding, conflicts, responding),
                countCell(group, responding, absent, responding));
    }

    private static GroupFigures.Scale scale(Group group, AnswerSpec.Likert likert, List<TrustValue> values) {
        int responding = values.size();
        int conflicts = 0;
        int absent = 0;
        int between = 0;
        Map<String, Integer> byCode = new HashMap<>();
        List<BigDecimal> numbers = new ArrayList<>();
        for (TrustValue value : values) {
            switch (value) {
                case TrustValue.Absent a -> absent++;
                case TrustValue.Conflicted c -> conflicts++;
                case TrustValue.Point p -> {
                    byCode.merge(Integer.toString(p.point()), 1, Integer::sum);
                    numbers.add(BigDecimal.valueOf(p.point()));
                }
                case TrustValue.Between b -> {
                    between++;
                    numbers.add(b.value());
                }
                case TrustValue.Extra e -> byCode.merge(e.code(), 1, Integer::sum);
                default -> throw new IllegalStateException("not a scale value: " + value);
            }
        }
        int answered = responding - conflicts - absent;
        Function<Option, OptionCell> cell = o -> new OptionCell(o,
                countCell(group, responding, byCode.getOrDefault(o.code(), 0), answered));
        return new GroupFigures.Scale(group,
                countCell(group, responding, answered, responding),
                scaleOptions(likert).stream().map(cell).toList(),
                likert.extraOptions().stream().map(cell).toList(),
                countCell(group, responding, between, answered),
                summaryCell(group, responding, numbers),
                countCell(group, responding, conflicts, responding),
                countCell(group, responding, absent, responding));
    }

    /** The points of a scale as options: code "1" … "5", labelled by the anchor where there is one. */
    static List<Option> scaleOptions(AnswerSpec.Likert likert) {
        return IntStream.rangeClosed(likert.min(), likert.max())
                .mapToObj(Integer::toString)
                .map(p -> new Option(p, likert.anchors().getOrDefault(p, p)))
                .toList();
    }

    private static List<Option> roleOptions(SurveyDefinition definition, List<TrustRecord> records) {
        return definition.question(ROLE_QUESTION)
                .map(Question::answer)
                .filter(AnswerSpec.Single.class::isInstance)
                .map(spec -> ((AnswerSpec.Single) spec).options())
                .orElseGet(() -> new TreeSet<>(records.stream().flatMap(r -> r.individualRoles().keySet().stream())
                        .toList()).stream().map(code -> new Option(code, code)).toList());
    }

    private static Map<String, Integer> sumRoles(List<TrustRecord> records, List<Option> roleOptions) {
        Map<String, Integer> total = new TreeMap<>();
        for (TrustRecord record : records) {
            record.individualRoles().forEach((role, n) -> {
                if (roleOptions.stream().noneMatch(o -> o.code().equals(role))) {
                    throw new IllegalArgumentException("trust " + record.odsCode() + ": unknown respondent role " + role);
                }
                if (n < 0) {
                    throw new IllegalArgumentException("trust " + record.odsCode() + ": negative count for role " + role);
                }
                total.merge(role, n, Integer::sum);
            });
        }
        return total;
    }

    private static List<OptionCell> individualDistribution(List<Option> options, Map<String, Integer> counts) {
        return distribution(options, counts, counts.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** Individuals' answers per option out of {@code individuals}: every cell withheld below 5 individuals. */
    private static List<OptionCell> distribution(List<Option> options, Map<String, Integer> counts, int individuals) {
        boolean shown = individuals >= SuppressionRule.INDIVIDUAL_RESPONSES.minimum();
        return options.stream().map(o -> new OptionCell(o, shown
                ? Count.of(counts.getOrDefault(o.code(), 0), individuals)
                : new Suppressed(SuppressionRule.INDIVIDUAL_RESPONSES))).toList();
    }

    // ---- value semantics ----

    @Override
    public boolean equals(Object other) {
        return other instanceof RoundStatistics that
                && round.equals(that.round)
                && definitionVersion.equals(that.definitionVersion)
                && censusDate.equals(that.censusDate)
                && groups.equals(that.groups)
                && participation.equals(that.participation)
                && respondentRoles.equals(that.respondentRoles)
                && ignored.equals(that.ignored)
                && items.equals(that.items)
                && counted.equals(that.counted)
                && roleOptions.equals(that.roleOptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(round, definitionVersion, censusDate, groups, participation, respondentRoles, ignored,
                items, counted, roleOptions);
    }

    @Override
    public String toString() {
        Participation national = participation(Group.NATIONAL);
        return "RoundStatistics[round " + round + " (" + definitionVersion + "), census " + censusDate + ": "
                + national.responding().count() + " of " + national.openTrusts() + " trusts responded, "
                + items.size() + " items, " + ignored.size() + " records ignored]";
    }
}
