package nhssm.report.content;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nhssm.core.reconcile.FreeText;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.ResponseKind;
import nhssm.core.stats.Count;
import nhssm.core.stats.Group;
import nhssm.core.stats.GroupFigures;
import nhssm.core.stats.IgnoredRecord;
import nhssm.core.stats.ItemStatistics;
import nhssm.core.stats.OptionCell;
import nhssm.core.stats.Participation;
import nhssm.core.stats.PeerGroup;
import nhssm.core.stats.RoundStatistics;
import nhssm.core.stats.Summary;
import nhssm.core.stats.SuppressionRule;
import nhssm.core.stats.Thresholds;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Question;
import nhssm.core.survey.Readership;
import nhssm.core.survey.Section;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustName;
import nhssm.report.document.Block;
import nhssm.report.document.ReportDocument;
import nhssm.report.document.ReportMetadata;
import nhssm.report.document.Span;

/**
 * The national report, "The state of social media in the NHS", as a document (outline in REPORTS.md),
 * computed from a round's data only. The topic chapters come from the survey definition's sections and
 * every question's figure from its statistics, so a question added to the definition appears here without
 * a code change. Nothing in it ranks, orders by value or scores trusts: trusts are named only in the
 * alphabetical list of participants, and answers are always in the definition's order.
 */
public final class NationalReport {

    /** The sections reported outside the topic chapters: identity (who responded) and examples. */
    private static final String IDENTITY = "ID";
    private static final String EXAMPLES = "EX";

    /** Chapter titles of the outline for the sections it knows; any other section keeps its definition title. */
    private static final Map<String, String> CHAPTER_TITLES = Map.ofEntries(
            Map.entry("CH", "Channels and presence"),
            Map.entry("SP", "Strategy, governance and policy"),
            Map.entry("SA", "Staff access and enablement"),
            Map.entry("LB", "Leadership and the board"),
            Map.entry("TR", "Training"),
            Map.entry("LM", "Listening and engagement"),
            Map.entry("RS", "Resourcing"),
            Map.entry("ME", "Measuring value"),
            Map.entry("BB", "Benefits, barriers and online abuse"),
            Map.entry("MA", "Maturity profile"),
            Map.entry("AC", "Accessibility and inclusion of trusts' own content"));

    /** What each known chapter covers and how to read it (the outline's notes for LB, ME and MA among them). */
    private static final Map<String, String> CHAPTER_NOTES = Map.ofEntries(
            Map.entry("CH", "Which platforms trusts have official accounts on, how many accounts they run, what they "
                    + "use social media for and how often their main account posts. These describe practice: the "
                    + "census does not collect follower or post counts."),
            Map.entry("SP", "Whether trusts have a social media strategy and a staff policy or guidance, what the policy "
                    + "covers and whether a register of official accounts is kept. The table of what policies cover, by "
                    + "peer group, is the policy coverage matrix."),
            Map.entry("SA", "Whether staff can reach social platforms at work, whether they are encouraged to share "
                    + "their work, and whether the trust runs an ambassador or advocacy programme."),
            Map.entry("LB", "How the chief executive uses social media professionally, how many board members are "
                    + "active, and how often the board hears about social media. No individual is named or ranked: "
                    + "the census asks about roles, never about named people, and board figures are numbers of "
                    + "members, not who they are."),
            Map.entry("TR", "What training and support trusts offer, and roughly what share of their staff were "
                    + "trained in the last 12 months."),
            Map.entry("LM", "How trusts monitor what is said about them and respond to questions and complaints, "
                    + "where they use what they learn, and where their use sits between mostly broadcasting and "
                    + "mostly two-way conversation. Neither end of that scale is a score: it describes the balance."),
            Map.entry("RS", "Staff time is summarised by its median and its middle half (the interquartile range, "
                    + "from the lower to the upper quartile) for each peer group, so one unusually large or small "
                    + "team cannot move the figure. Budgets were asked in bands."),
            Map.entry("ME", "Follower counts measure the size of an audience, not the value social media brings to "
                    + "patients, staff or the public. The census records which measures trusts use to judge their "
                    + "social media; it does not collect or compare the numbers themselves."),
            Map.entry("BB", "The main benefits and barriers trusts report, and how often abusive content on trust "
                    + "accounts needed action in the last 12 months."),
            Map.entry("MA", "Trusts assessed their own maturity on four dimensions, each from 1 (ad hoc) to 5 "
                    + "(embedded). The dimensions are shown side by side and never added up: any weighting would be "
                    + "arbitrary, and a single number would hide which dimension needs attention."),
            Map.entry("AC", "Which accessibility and inclusion practices are routine in trusts' own posts."));

    private NationalReport() {
    }

    /** The national report of {@code data}'s round. */
    public static ReportDocument build(RoundData data) {
        SurveyDefinition definition = data.definition();
        List<Block> body = new ArrayList<>();
        body.add(keyFindings(data));
        body.add(howToRead());
        body.add(whoResponded(data));
        for (Section section : definition.sections()) {
            if (!section.code().equals(IDENTITY) && !section.code().equals(EXAMPLES)) {
                body.add(chapter(data, section));
            }
        }
        body.add(practiceExamples(data));
        body.add(methodology(data));
        body.add(caveats());
        body.add(annex(data));
        body.add(alternativeFormats(data));
        return new ReportDocument(title(definition), ReportDocument.ENGLISH_UK, metadata(data), body);
    }

    /** "The state of social media in the NHS 2026". */
    public static String title(SurveyDefinition definition) {
        return "The state of social media in the NHS " + definition.round();
    }

    private static ReportMetadata metadata(RoundData data) {
        SurveyDefinition definition = data.definition();
        // The window closes at an instant that is excluded, so the last day of collection is the day before it.
        String subject = "National report of the census of social media practice in English NHS trusts, round "
                + definition.round() + ". Responses collected from " + Figures.date(definition.window().opensAt())
                + " to " + Figures.date(definition.window().closesAt().minusNanos(1)) + "; data as of "
                + Figures.date(data.asOf()) + ". All figures are self-reported by trusts.";
        return new ReportMetadata(subject, definition.round(), definition.definitionVersion(),
                RoundData.METHODOLOGY_VERSION, data.snapshotId(), data.asOf());
    }

    // ---- 3. Key findings ----

    private static Block keyFindings(RoundData data) {
        RoundStatistics statistics = data.statistics();
        List<String> findings = new ArrayList<>();
        findings.add(responseFinding(statistics));
        List<Function<RoundStatistics, Optional<String>>> topical = List.of(
                s -> mostCommon(s, "Q06").map(m -> m.labels() + (m.tied() ? " are the platforms" : " is the platform")
                        + " most often used for official accounts, " + (m.tied() ? "each " : "") + "by " + m.trusts()
                        + " that answered."),
                s -> sharePhrase(s, "Q13", Set.of("STANDALONE", "PART_OF_COMMS_ENGAGEMENT_STRATEGY"))
                        .map(c -> capitalised(Figures.trusts(c)) + " that answered have a social media strategy, "
                                + "standalone or as part of a wider communications or engagement strategy."),
                s -> sharePhrase(s, "Q14", Set.of("CURRENT_REVIEWED_2Y", "EXISTS_OLDER"))
                        .flatMap(any -> sharePhrase(s, "Q14", Set.of("CURRENT_REVIEWED_2Y")).map(recent ->
                                capitalised(Figures.trusts(any)) + " that answered have a staff social media policy "
                                        + "or guidance; for " + Figures.count(recent)
                                        + " it was reviewed in the last two years.")),
                s -> sharePhrase(s, "Q17", Set.of("ALL_STAFF"))
                        .map(c -> "All staff can reach major social platforms on the trust network in "
                                + Figures.trusts(c) + " that answered."),
                NationalReport::staffTimeFinding,
                s -> mostCommon(s, "Q35").map(m -> "The barrier" + (m.tied() ? "s" : "") + " trusts name most often "
                        + (m.tied() ? "are " : "is ") + m.labels() + ": " + (m.tied() ? "each " : "")
                        + m.trusts() + " that answered."),
                s -> sharePhrase(s, "Q36", Set.of("1_5", "6_20", "GT20"))
                        .map(c -> capitalised(Figures.trusts(c)) + " that answered needed to act on abusive content "
                                + "on their accounts at least once in the last 12 months."));
        for (Function<RoundStatistics, Optional<String>> finding : topical) {
            if (findings.size() == 8) {
                break;
            }
            finding.apply(statistics).ifPresent(findings::add);
        }
        return new Block.Section("Key findings", List.of(
                Block.Paragraph.of("What trusts told the census, in brief. Every figure is self-reported and counts "
                        + "trusts, each once, out of the trusts that answered the question."),
                Block.ItemList.of(findings.toArray(String[]::new))));
    }

    private static String responseFinding(RoundStatistics statistics) {
        Participation national = statistics.participation(Group.NATIONAL);
        return capitalised(Figures.trusts(national.responding())) + " open on " + Figures.date(statistics.censusDate())
                + " responded to the census; " + Figures.count(national.officialReturns())
                + " sent an official return, and " + Figures.plural(national.individualResponses(),
                        "individual response was", "individual responses were") + " submitted.";
    }

    private static Optional<String> staffTimeFinding(RoundStatistics statistics) {
        return nationalFigures(statistics, "Q30")
                .filter(GroupFigures.Amount.class::isInstance)
                .map(f -> ((GroupFigures.Amount) f).summary())
                .filter(Summary.class::isInstance)
                .map(Summary.class::cast)
                .map(s -> "Trusts dedicate a median of " + Figures.number(s.median()) + " whole-time-equivalent staff "
                        + "to social media; the middle half of trusts dedicate " + Figures.number(s.lowerQuartile())
                        + " to " + Figures.number(s.upperQuartile()) + " (from " + Figures.plural(s.n(), "trust", "trusts")
                        + " that answered).");
    }

    /** The answer or answers given by most trusts nationally, with their count. */
    private record MostCommon(String labels, boolean tied, String trusts) {
    }

    private static Optional<MostCommon> mostCommon(RoundStatistics statistics, String questionId) {
        return nationalFigures(statistics, questionId)
                .filter(GroupFigures.Choice.class::isInstance)
                .map(GroupFigures.Choice.class::cast)
                .flatMap(c -> {
                    int top = c.options().stream().mapToInt(o -> Figures.countOf(o.cell()).orElse(0)).max().orElse(0);
                    if (top == 0) {
                        return Optional.empty();
                    }
                    List<OptionCell> most = c.options().stream()
                            .filter(o -> Figures.countOf(o.cell()).orElse(0) == top).toList();
                    return Optional.of(new MostCommon(ItemFigures.joined(most.stream().map(o -> o.option().label()).toList()),
                            most.size() > 1, Figures.trusts(most.getFirst().cell())));
                });
    }

    /** The trusts giving any of {@code codes} to a single-choice question, out of those that answered it. */
    private static Optional<Count> sharePhrase(RoundStatistics statistics, String questionId, Set<String> codes) {
        return nationalFigures(statistics, questionId)
                .filter(f -> f instanceof GroupFigures.Choice
                        && !(statisticsQuestion(statistics, questionId).answer() instanceof AnswerSpec.Multiple))
                .map(GroupFigures.Choice.class::cast)
                .filter(c -> c.answered() instanceof Count a && a.count() > 0)
                .map(c -> Count.of(c.options().stream().filter(o -> codes.contains(o.code()))
                        .mapToInt(o -> Figures.countOf(o.cell()).orElse(0)).sum(), ((Count) c.answered()).count()));
    }

    private static Optional<GroupFigures> nationalFigures(RoundStatistics statistics, String questionId) {
        return statistics.items().stream().filter(i -> i.question().id().equals(questionId)).findFirst()
                .map(i -> i.in(Group.NATIONAL));
    }

    private static Question statisticsQuestion(RoundStatistics statistics, String questionId) {
        return statistics.item(questionId).question();
    }

    // ---- 4. How to read this report ----

    private static Block howToRead() {
        return new Block.Section("How to read this report", List.of(
                Block.Paragraph.of("Self-reported. Every figure comes from what trusts and their staff told the census. "
                        + "Nothing has been checked against other sources, and every chart and table is labelled "
                        + "self-reported."),
                Block.Paragraph.of("The unit is the trust. All of a trust's responses are reduced to one record, with "
                        + "one value per question, and each trust counts once, however many of its staff answered. "
                        + "Figures are out of the trusts that answered the question, which the text beside each "
                        + "figure gives."),
                Block.Paragraph.of("No rankings. Trusts are not ranked, scored or placed in order, and no figure adds "
                        + "answers up into a composite score. Trusts are named only in the alphabetical list of "
                        + "participating trusts, and no chart names a trust. Answers are listed in the order of the "
                        + "questionnaire, not by how often they were given."),
                Block.Paragraph.of("Counts come with every percentage, as in \u201C31 of 42 trusts (74%)\u201D. "
                        + "Percentages are whole numbers, rounded half up, so the answers to a question may add up to "
                        + "99% or 101%. Below " + Thresholds.PERCENT_MIN_BASE + " trusts only the counts are given "
                        + "(\u201C7 of 12 trusts\u201D), because one trust would move a percentage by five points or more."),
                Block.Paragraph.of("Numbers such as staff time are summarised by the median and the middle half of "
                        + "trusts (from the lower to the upper quartile), never by a total or an average that one "
                        + "unusual trust could move. In its own report, a trust is placed in a quartile band of its "
                        + "peer group: the lower quarter, the middle half or the upper quarter. A band is not a rank."),
                Block.Paragraph.of(Figures.SUPPRESSED + " marks a figure withheld because it would rest on too few "
                        + "trusts or people; it never means zero. " + Figures.NOT_AVAILABLE + " marks a figure that does "
                        + "not exist because no trust gave a value. A 0 is always a true zero."),
                Block.Paragraph.of("Peer groups are the trust types of the NHS trust reference list: "
                        + ItemFigures.joined(java.util.Arrays.stream(PeerGroup.values())
                                .map(g -> ItemFigures.lowerFirstLetter(g.label())).toList())
                        + ". Trusts of other types belong to no peer group and count in the national and regional figures."),
                Block.Paragraph.of("\u201CNot answered\u201D is not the same as \u201Cdon't know\u201D: don't know is an "
                        + "answer and is counted like any other. Where a trust's staff disagreed with no majority, the "
                        + "trust's answer is a conflict: it is left out of the figures for that question and listed in "
                        + "the trust's own report for it to settle.")));
    }

    // ---- 5. Who responded ----

    private static Block whoResponded(RoundData data) {
        RoundStatistics statistics = data.statistics();
        Participation national = statistics.participation(Group.NATIONAL);
        List<Block> content = new ArrayList<>();
        content.add(Block.Paragraph.of(capitalised(Figures.trusts(national.responding())) + " open on the census date, "
                + Figures.date(statistics.censusDate()) + ", responded: they sent an official return or at least one "
                + "member of staff responded. " + capitalised(Figures.count(national.officialReturns()))
                + " sent an official return. How many trusts responded is always shown, in every group."));

        List<Group> byPeerGroup = ItemFigures.nationalAndPeerGroups();
        List<Block.DataTable.Row> peerRows = new ArrayList<>(byPeerGroup.stream()
                .map(g -> participationRow(statistics.participation(g))).toList());
        peerRows.add(noPeerGroupRow(data));
        content.add(new Block.Section("By peer group", List.of(new Block.DataTable(
                "Trusts open on the census date, responding and with an official return, by peer group",
                participationHeaders("Peer group"), peerRows))));

        List<Block.DataTable.Row> regionRows = new ArrayList<>();
        regionRows.add(participationRow(national));
        statistics.regions().forEach(r -> regionRows.add(participationRow(statistics.participation(r))));
        content.add(new Block.Section("By region", List.of(new Block.DataTable(
                "Trusts open on the census date, responding and with an official return, by NHS England region",
                participationHeaders("Region"), regionRows))));

        content.add(respondentRoles(data));

        for (ItemStatistics item : itemsOf(statistics, IDENTITY)) {
            content.add(new Block.Section(item.question().shortLabel(), ItemFigures.blocks(item, byPeerGroup)));
        }
        if (!statistics.ignored().isEmpty()) {
            content.add(notCounted(statistics.ignored()));
        }
        return new Block.Section("Who responded", content);
    }

    private static List<String> participationHeaders(String group) {
        return List.of(group, "Trusts open on the census date", "Responding trusts", "Official returns",
                "Individual responses");
    }

    private static Block.DataTable.Row participationRow(Participation p) {
        return Block.DataTable.Row.of(p.group().label(), Integer.toString(p.openTrusts()), Figures.count(p.responding()),
                Figures.count(p.officialReturns()), Integer.toString(p.individualResponses()));
    }

    /** Trusts of types that join no peer group: they count nationally and in their region, so the reader sees them. */
    private static Block.DataTable.Row noPeerGroupRow(RoundData data) {
        RoundStatistics statistics = data.statistics();
        List<Trust> open = data.register().openOn(statistics.censusDate()).stream()
                .filter(t -> PeerGroup.ofType(t.type()).isEmpty()).toList();
        List<Trust> responding = statistics.participants().stream()
                .filter(t -> PeerGroup.ofType(t.type()).isEmpty()).toList();
        int official = (int) responding.stream()
                .filter(t -> statistics.record(t.odsCode()).map(TrustRecord::hasOfficialReturn).orElse(false)).count();
        int individuals = responding.stream()
                .mapToInt(t -> statistics.record(t.odsCode()).map(TrustRecord::individualResponses).orElse(0)).sum();
        return Block.DataTable.Row.of("Trusts in no peer group", Integer.toString(open.size()),
                Figures.count(Count.of(responding.size(), open.size())), Figures.count(Count.of(official, open.size())),
                Integer.toString(individuals));
    }

    private static Block respondentRoles(RoundData data) {
        List<OptionCell> roles = data.statistics().respondentRoles();
        List<Block> content = new ArrayList<>();
        content.add(Block.Paragraph.of("The roles of the individual members of staff who responded, nationally. "
                + "Respondents give their role, never their name, and roles are shown only where at least "
                + SuppressionRule.INDIVIDUAL_RESPONSES.minimum() + " individuals responded. The official return is "
                + "not counted here."));
        content.add(new Block.DataTable("Individual respondents by role, all trusts",
                List.of("Role", "Individual respondents"),
                roles.stream().map(r -> Block.DataTable.Row.of(r.option().label(), Figures.count(r.cell()))).toList()));
        String note = Figures.suppressionNote(roles.stream().map(OptionCell::cell).toList());
        if (!note.isEmpty()) {
            content.add(Block.Paragraph.of(note));
        }
        return new Block.Section("Respondent roles", content);
    }

    private static Block notCounted(List<IgnoredRecord> ignored) {
        Map<IgnoredRecord.Reason, List<String>> byReason = new LinkedHashMap<>();
        for (IgnoredRecord.Reason reason : IgnoredRecord.Reason.values()) {
            List<String> codes = ignored.stream().filter(i -> i.reason() == reason).map(IgnoredRecord::odsCode).toList();
            if (!codes.isEmpty()) {
                byReason.put(reason, codes);
            }
        }
        List<Block.DataTable.Row> rows = byReason.entrySet().stream()
                .map(e -> Block.DataTable.Row.of(switch (e.getKey()) {
                    case NOT_IN_REFERENCE_LIST -> "Code not in the NHS trust reference list";
                    case NOT_OPEN_ON_CENSUS_DATE -> "Trust not open on the census date";
                    case OTHER_ROUND -> "Record of another round";
                }, Integer.toString(e.getValue().size()), String.join(", ", e.getValue())))
                .toList();
        return new Block.Section("Records not counted", List.of(
                Block.Paragraph.of("These records were received but are not in any figure, so that nothing is left "
                        + "out without anyone seeing it."),
                new Block.DataTable("Records not counted, by reason", List.of("Reason", "Records", "ODS codes"), rows)));
    }

    // ---- 6 to 16. The topic chapters ----

    private static Block chapter(RoundData data, Section section) {
        List<Block> content = new ArrayList<>();
        Optional.ofNullable(CHAPTER_NOTES.get(section.code())).ifPresent(note -> content.add(Block.Paragraph.of(note)));
        List<ItemStatistics> items = itemsOf(data.statistics(), section.code());
        if (items.isEmpty()) {
            content.add(Block.Paragraph.of("No question of this section has figures to show."));
        }
        for (List<ItemStatistics.Scale> profile : profiles(items)) {
            String title = "The " + Figures.inWords(profile.size())
                    + (section.code().equals("MA") ? " dimensions" : " scales") + " side by side";
            content.add(new Block.Section(title, List.of(
                    Block.Paragraph.of("Each scale is shown on its own bar, in the order of the questionnaire. The "
                            + "scales are never added up into one score."),
                    ItemFigures.profile(profile, Group.NATIONAL))));
        }
        for (ItemStatistics item : items) {
            content.add(new Block.Section(item.question().shortLabel(),
                    ItemFigures.blocks(item, ItemFigures.nationalAndPeerGroups())));
        }
        return new Block.Section(CHAPTER_TITLES.getOrDefault(section.code(), section.title()), content);
    }

    /** Groups of two or more scales of one section on the same points, which read best side by side. */
    private static List<List<ItemStatistics.Scale>> profiles(List<ItemStatistics> items) {
        Map<List<String>, List<ItemStatistics.Scale>> byPoints = new LinkedHashMap<>();
        for (ItemStatistics item : items) {
            if (item instanceof ItemStatistics.Scale scale) {
                List<String> points = scale.in(Group.NATIONAL).points().stream().map(ItemFigures::pointLabel).toList();
                byPoints.computeIfAbsent(points, p -> new ArrayList<>()).add(scale);
            }
        }
        return byPoints.values().stream().filter(scales -> scales.size() >= 2).toList();
    }

    private static List<ItemStatistics> itemsOf(RoundStatistics statistics, String sectionCode) {
        return statistics.items().stream().filter(i -> i.question().section().equals(sectionCode)).toList();
    }

    // ---- 17. Practice examples ----

    private static Block practiceExamples(RoundData data) {
        SurveyDefinition definition = data.definition();
        RoundStatistics statistics = data.statistics();
        List<Block> content = new ArrayList<>();
        content.add(Block.Paragraph.of("In their own words: examples of social media making a difference, quoted only "
                + "where the person who wrote the example agreed to it being quoted. Each is attributed to the kind of "
                + "trust it came from, never to a trust by name or to a person, and printed exactly as written. "
                + "Examples are in alphabetical order of their text, which says nothing about their merit."));
        for (Question question : definition.questions()) {
            if (!(question.answer() instanceof AnswerSpec.FreeText text) || !ReportAudience.PUBLIC.mayReadAny(text)) {
                continue;
            }
            List<Quote> quotes = new ArrayList<>();
            // Only the records the figures count: a closed trust's or another round's text is not quoted.
            for (Trust trust : statistics.participants()) {
                for (FreeText free : statistics.record(trust.odsCode()).map(TrustRecord::freeText).orElse(List.of())) {
                    if (free.question().equals(question.id()) && ReportAudience.PUBLIC.mayRead(text, free)
                            && !free.text().isBlank()) {
                        quotes.add(new Quote(free.text(), attribution(trust, free.from())));
                    }
                }
            }
            quotes.sort(Comparator.comparing(Quote::text, alphabetical()).thenComparing(Quote::attribution));
            List<Block> quoted = new ArrayList<>();
            quoted.add(Block.Paragraph.of(ItemFigures.asked(question)));
            if (quotes.isEmpty()) {
                quoted.add(Block.Paragraph.of("No example may be quoted in this round."));
            } else {
                quoted.add(Block.Paragraph.of(Figures.plural(quotes.size(), "example", "examples") + " may be quoted."));
                quotes.forEach(q -> quoted.addAll(q.paragraphs()));
            }
            content.add(new Block.Section(question.shortLabel(), quoted));
        }
        for (ItemStatistics item : itemsOf(statistics, EXAMPLES)) {
            content.add(new Block.Section(item.question().shortLabel(),
                    ItemFigures.blocks(item, ItemFigures.nationalAndPeerGroups())));
        }
        List<String> unpublished = definition.questions().stream()
                .filter(q -> q.answer() instanceof AnswerSpec.FreeText t && t.readers() == Readership.TRUST)
                .map(q -> "\u201C" + q.shortLabel() + "\u201D (" + q.id() + ")")
                .toList();
        if (!unpublished.isEmpty()) {
            content.add(Block.Paragraph.of("Answers to " + ItemFigures.joined(unpublished) + " are read by the census "
                    + "team and shown back to each trust in its own report, but never published verbatim."));
        }
        return new Block.Section("Practice examples", content);
    }

    /** One consented quotation and whom it is attributed to. */
    private record Quote(String text, String attribution) {

        /** The quotation as paragraphs (one per line the writer typed), Welsh sentences marked, then its attribution. */
        List<Block> paragraphs() {
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                List<Span> spans = new ArrayList<>();
                if (i == 0) {
                    spans.add(Span.of("\u201C"));
                }
                spans.addAll(WelshPassages.spans(lines.get(i)));
                if (i == lines.size() - 1) {
                    spans.add(Span.of("\u201D \u2014 " + attribution));
                }
                blocks.add(new Block.Paragraph(spans));
            }
            return blocks;
        }
    }

    private static String attribution(Trust trust, ResponseKind from) {
        String kind = PeerGroup.ofType(trust.type())
                .map(g -> withArticle(ItemFigures.lowerFirstLetter(g.label()).replaceFirst("s$", "")))
                .orElse("a trust of another type");
        return capitalised(kind) + ", " + (from == ResponseKind.OFFICIAL ? "official return" : "a member of staff") + ".";
    }

    private static String withArticle(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    // ---- 18. Methodology ----

    private static Block methodology(RoundData data) {
        SurveyDefinition definition = data.definition();
        long questions = definition.questions().stream().filter(q -> !(q.answer() instanceof AnswerSpec.FromToken)).count();
        List<Block> content = new ArrayList<>();
        content.add(Block.Paragraph.of("How what trusts and their staff told the census becomes the figures in this "
                + "report. These are the rules the software applies, in methodology version "
                + RoundData.METHODOLOGY_VERSION + "."));
        content.add(new Block.Section("The questions", List.of(Block.Paragraph.of("The " + definition.round()
                + " questionnaire (definition version " + definition.definitionVersion() + ") has " + questions
                + " questions in " + Figures.plural(definition.sections().size(), "section", "sections")
                + ", listed in the annex. Responses were collected from " + Figures.date(definition.window().opensAt())
                + " to " + Figures.date(definition.window().closesAt().minusNanos(1)) + ". Each trust's lead submits "
                + "one official return, confirming that it reflects the trust's position, and any number of staff "
                + "may respond individually through the trust's staff link. The trust a response belongs to comes "
                + "from the link, never from anything typed. Some questions, such as staff time and budget, are "
                + "asked only in the official return."))));
        content.add(new Block.Section("From responses to one record per trust", List.of(
                Block.Paragraph.of("Only submitted responses count, each as it was last submitted; drafts never count. "
                        + "For each question, the official return's answer is the trust's value. Without one, a "
                        + "single-choice or yes/no answer is the one given by more than half of the individuals who "
                        + "answered; with no such majority the value is a conflict, left out of the figures and listed "
                        + "for the trust to settle, rather than a guess. A multiple-choice option counts when more than "
                        + "half chose it. Numbers and scale points take the median of the individuals' answers, which "
                        + "can fall between two points (3.5)."),
                Block.Paragraph.of("Every value records where it came from: the official return, a majority, a median "
                        + "or a conflict, so each trust can check its record in its own report. Free text is never "
                        + "merged or summarised, and is quoted only with the writer's consent, attributed to the "
                        + "trust and never to a person. Whenever a response changes, the trust's whole record is "
                        + "worked out again, so the same responses always give the same record."))));
        content.add(new Block.Section("Peer groups and regions", List.of(Block.Paragraph.of("The denominator is the "
                + "trusts open on the census date, " + Figures.date(definition.censusDate()) + ", in the NHS trust "
                + "reference list. A trust has responded when it sent an official return or at least one member of "
                + "staff responded. Every figure is given for all trusts and for each peer group (the trust type in "
                + "the reference list), and in the CSV version also for each NHS England region. Trusts of other "
                + "types join no peer group but count nationally and in their region."))));
        content.add(new Block.Section("Counts, percentages, medians and quartiles", List.of(
                Block.Paragraph.of("Every trust counts once, with its own value, whatever the number of its "
                        + "respondents. Counts are out of the trusts with a value for the question; trusts with a "
                        + "conflict and trusts that did not answer are shown apart. In a multiple-choice question a "
                        + "trust counts once for each answer it gave, so percentages add up to more than 100."),
                Block.Paragraph.of("Percentages are whole numbers, rounded half up, and always come with their count "
                        + "and base; below a base of " + Thresholds.PERCENT_MIN_BASE + " trusts only the counts are "
                        + "given. Numbers are summarised by the median, the lower and upper quartiles and the smallest "
                        + "and largest value. Quartiles are calculated by linear interpolation between the sorted "
                        + "values (method 7 of Hyndman and Fan, the default of Excel's QUARTILE.INC, R and NumPy), so "
                        + "anyone can reproduce them from the published data; they are shown exactly, never rounded."))));
        List<Block.DataTable.Row> thresholds = new ArrayList<>();
        for (SuppressionRule rule : SuppressionRule.values()) {
            thresholds.add(Block.DataTable.Row.of(switch (rule) {
                case PEER_GROUP_RESPONDING -> "Peer group";
                case BREAKDOWN_CELL -> "Breakdown cell";
                case INDIVIDUAL_RESPONSES -> "Individual responses";
            }, Integer.toString(rule.minimum()), rule.description() + " Otherwise " + Figures.SUPPRESSED + "."));
        }
        thresholds.add(Block.DataTable.Row.of("Percentages", Integer.toString(Thresholds.PERCENT_MIN_BASE),
                "A percentage is given only when its base is at least " + Thresholds.PERCENT_MIN_BASE
                        + " trusts; below it the count and base are shown without one."));
        content.add(new Block.Section("Thresholds and suppression", List.of(
                Block.Paragraph.of("A figure is withheld when it would rest on so few trusts or people that one "
                        + "trust's or one person's answers could be recognised, or that it would be too unreliable to "
                        + "compare. A withheld figure is shown as " + Figures.SUPPRESSED + ", never as 0 and never "
                        + "left out of a table. National figures are always shown, and so is how many trusts of each "
                        + "group responded."),
                new Block.DataTable("The thresholds", List.of("Rule", "At least", "What it requires"), thresholds))));
        content.add(new Block.Section("What is deliberately not measured, and why", List.of(
                Block.Paragraph.of("The census measures practice, not popularity. It does not collect or publish:"),
                Block.ItemList.of(
                        "Follower counts, which reflect a trust's size, the age of its accounts and the platforms it "
                                + "uses at least as much as how well it uses them.",
                        "Post counts, which reward volume. How often the main account posts is asked only as a "
                                + "description of practice.",
                        "Reach, impressions or engagement league tables: platforms define these figures, change them "
                                + "without notice, and they cannot be compared or checked. Which measures a trust uses "
                                + "is asked; the numbers are not.",
                        "Anything about named individuals: respondents give their role, never their name, and there "
                                + "are no lists of leading accounts or people.",
                        "Any composite score: the four maturity dimensions are reported side by side and never added "
                                + "up, because any weighting would be arbitrary and one number would invite a league table."),
                Block.Paragraph.of("These choices answer the criticism of the 2014 report, whose rankings built on "
                        + "follower and tweet counts were seen as arbitrary and as manufacturing hierarchy, and follow "
                        + "the Leiden Manifesto for research metrics (2015) and The Metric Tide (2015): numbers should "
                        + "support judgement, not replace it."))));
        content.add(new Block.Section("Versions", List.of(Block.ItemList.of(
                "Round: " + definition.round(),
                "Survey definition version: " + definition.definitionVersion(),
                "Methodology version: " + RoundData.METHODOLOGY_VERSION,
                "Data snapshot: " + data.snapshotId() + ", data as of " + Figures.date(data.asOf())))));
        return new Block.Section("Methodology", content);
    }

    // ---- 19. Caveats and responsible use ----

    private static Block caveats() {
        return new Block.Section("Caveats and responsible use", List.of(
                Block.ItemList.of(
                        "The figures are self-reported and have not been audited. Staff answering individually may "
                                + "not know every fact about their trust; official returns were confirmed by each "
                                + "trust's lead.",
                        "Trusts that did not respond may differ from those that did, so national figures describe the "
                                + "responding trusts, not necessarily every trust.",
                        "Peer groups differ in size and purpose: compare a trust with its peers, and read small "
                                + "groups' counts with care.",
                        "Please do not turn these figures into rankings or league tables, or add answers up into a "
                                + "score. A trust's practice should be judged against its own purpose and community.",
                        "More is not always better: more platforms, more posts or more staff time are not in "
                                + "themselves signs of better practice.",
                        "When quoting a figure, quote its count and base with it (\u201C31 of 42 trusts\u201D) and say "
                                + "that it is self-reported.")));
    }

    // ---- 20. Annex ----

    private static Block annex(RoundData data) {
        RoundStatistics statistics = data.statistics();
        String round = data.definition().round();
        // The tables behind the charts are beside them; repeating every question by region here made the
        // annex most of the report's pages, so the regional figures are in the CSV, which has every group.
        List<Block> tables = List.of(
                Block.Paragraph.of("Every chart in this report is followed directly by the table of its values, "
                        + "for all trusts and for each peer group, so the table behind each chart is next to it; "
                        + "the contents lead to the chapter of each section of the questionnaire."),
                Block.Paragraph.of("Every figure of every question, for all trusts, each peer group and each NHS "
                        + "England region, is in the CSV version of this report at /reports/" + round
                        + "/national.csv: one row per figure, with its count and base, and suppressed figures marked "
                        + "as such with no number. How many trusts responded in each region is in \u201CWho "
                        + "responded\u201D."));

        List<Trust> participants = new ArrayList<>(statistics.participants());
        Map<Trust, String> names = participants.stream().collect(Collectors.toMap(t -> t, t -> TrustName.displayed(t.name())));
        participants.sort(Comparator.<Trust, String>comparing(names::get, alphabetical()).thenComparing(Trust::odsCode));
        List<Block> trusts = new ArrayList<>();
        trusts.add(Block.Paragraph.of("The " + Figures.plural(participants.size(), "trust", "trusts") + " that "
                + "responded, in alphabetical order, with their ODS code. The order says nothing about their "
                + "answers."));
        if (!participants.isEmpty()) {
            trusts.add(Block.ItemList.of(participants.stream()
                    .map(t -> names.get(t) + " (" + t.odsCode() + ")").toArray(String[]::new)));
        }

        return new Block.Section("Annex", List.of(
                new Block.Section("The data behind the charts", tables),
                new Block.Section("The questionnaire", Questionnaire.tables(data.definition())),
                new Block.Section("Participating trusts", trusts)));
    }

    // ---- 21. Accessibility and alternative formats ----

    private static Block alternativeFormats(RoundData data) {
        String round = data.definition().round();
        return new Block.Section("Accessibility and alternative formats", List.of(
                // One text for both formats, so it names both rather than the one being read.
                Block.Paragraph.of("This report is published as a tagged PDF meant to meet PDF/UA-1 and as a web "
                        + "page, both meant to meet WCAG 2.2 AA: headings, "
                        + "lists and tables are marked up, the reading order follows the document, every chart has a "
                        + "text description of what it shows and its key message and is followed by a table of its "
                        + "values, charts are labelled directly and never rely on colour alone, and passages in Welsh "
                        + "are marked as Welsh."),
                Block.Paragraph.of("The PDF is at /reports/" + round + "/national.pdf, the web page at /reports/"
                        + round + "/national.html, and the figures as a CSV file at /reports/" + round
                        + "/national.csv, for use in a spreadsheet or a screen reader."),
                Block.Paragraph.of("If you need the report in another format, or find part of it hard to use, please "
                        + "tell the census team, saying which part and what would help.")));
    }

    // ---- text ----

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Alphabetical order for names and quotations, ignoring case (a Collator is not shared between threads). */
    private static Collator alphabetical() {
        Collator collator = Collator.getInstance(Locale.UK);
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }
}
