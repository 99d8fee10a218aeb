package nhssm.report.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import nhssm.core.stats.Cell;
import nhssm.core.stats.Count;
import nhssm.core.stats.CountCell;
import nhssm.core.stats.Group;
import nhssm.core.stats.GroupFigures;
import nhssm.core.stats.ItemStatistics;
import nhssm.core.stats.NoValues;
import nhssm.core.stats.OptionCell;
import nhssm.core.stats.PeerGroup;
import nhssm.core.stats.Summary;
import nhssm.core.stats.SummaryCell;
import nhssm.core.stats.Suppressed;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Audience;
import nhssm.core.survey.Question;
import nhssm.report.document.Block;
import nhssm.report.document.Chart;

/**
 * One question's statistics as a figure (a chart, its alternative text with the key message, and the table
 * of its values) for a list of groups. The chart follows the kind of answer, never the question id, so a
 * question added to the survey definition is drawn without any change here:
 * <ul>
 *   <li>multiple choice: horizontal bars, the share of trusts of the first group giving each answer;
 *   <li>single choice and yes/no: a stacked bar per group;
 *   <li>scales: a diverging bar per group around the middle of the scale;
 *   <li>numbers: the spread of each group (smallest, middle half, median, largest) with no trust's value.
 * </ul>
 * Answers are always in the definition's order, never sorted by their counts, and no trust is named.
 */
public final class ItemFigures {

    private ItemFigures() {
    }

    /** The groups of the national report's comparisons: all trusts, then each peer group. */
    public static List<Group> nationalAndPeerGroups() {
        List<Group> groups = new ArrayList<>();
        groups.add(Group.NATIONAL);
        for (PeerGroup peerGroup : PeerGroup.values()) {
            groups.add(new Group.Peer(peerGroup));
        }
        return List.copyOf(groups);
    }

    /**
     * The blocks of one question: what was asked and how many trusts answered, the figure with its table,
     * and a footnote for any withheld figure.
     *
     * @param groups the groups to compare; the first is the headline group (drawn alone for multiple choice)
     */
    public static List<Block> blocks(ItemStatistics item, List<Group> groups) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.Paragraph.of(asked(item.question())));
        blocks.add(Block.Paragraph.of(answered(item, groups.getFirst())));
        if (item.question().answer() instanceof AnswerSpec.Multiple) {
            blocks.add(Block.Paragraph.of("Trusts could give more than one answer, so the percentages add up to more "
                    + "than 100."));
        }
        blocks.add(figure(item, groups));
        String note = suppressionNote(item, groups);
        if (!note.isEmpty()) {
            blocks.add(Block.Paragraph.of(note));
        }
        return blocks;
    }

    /** "Question Q06, asked of every respondent: On which platforms …?" */
    public static String asked(Question question) {
        String who = question.audience() == Audience.OFFICIAL ? "asked only in the official return" : "asked of every respondent";
        return "Question " + question.id() + ", " + who + ": " + question.label();
    }

    /**
     * How many responding trusts of {@code group} gave a usable answer, had conflicting answers, or did not
     * answer: "Answered by 180 of 190 responding trusts (95%); 2 had conflicting answers; 8 did not answer."
     */
    public static String answered(ItemStatistics item, Group group) {
        GroupFigures figures = item.in(group);
        StringBuilder text = new StringBuilder(group.label()).append(": ");
        if (figures.answered() instanceof Count answered) {
            text.append(Figures.count(answered, "responding trusts")).append(" answered");
        } else {
            text.append("how many trusts answered is withheld (").append(Figures.SUPPRESSED).append(')');
        }
        if (figures.conflicts() instanceof Count c && c.count() > 0) {
            text.append("; the individual answers of ").append(Figures.plural(c.count(), "trust", "trusts"))
                    .append(" conflicted, so ").append(c.count() == 1 ? "it is" : "they are").append(" left out");
        }
        if (figures.notAnswered() instanceof Count c && c.count() > 0) {
            text.append("; ").append(c.count()).append(" did not answer");
        }
        return text.append('.').toString();
    }

    /** The figure of {@code item} for {@code groups}: chart, alternative text with its key message, and table. */
    public static Block.Figure figure(ItemStatistics item, List<Group> groups) {
        requireGroups(groups);
        Question question = item.question();
        return switch (item) {
            case ItemStatistics.Choice choice when question.answer() instanceof AnswerSpec.Multiple ->
                    new Block.Figure(altText(item, groups), caption(question), multipleBars(choice, groups.getFirst()),
                            table(item, groups));
            case ItemStatistics.Choice choice ->
                    new Block.Figure(altText(item, groups), caption(question), stackedBars(choice, groups), table(item, groups));
            case ItemStatistics.Scale scale ->
                    new Block.Figure(altText(item, groups), caption(question), divergingBars(scale, groups), table(item, groups));
            case ItemStatistics.Amount amount ->
                    new Block.Figure(altText(item, groups), caption(question), spreads(amount, groups), table(item, groups));
        };
    }

    /** "Q06: Platforms with official (trust-branded) accounts (self-reported)". */
    public static String caption(Question question) {
        return question.id() + ": " + question.shortLabel() + " (self-reported)";
    }

    /**
     * The alternative text: what the chart shows, then its key message for the first group, computed from
     * the figures (for example "Most common: Facebook, 180 of 190 trusts (95%).").
     */
    public static String altText(ItemStatistics item, List<Group> groups) {
        requireGroups(groups);
        String subject = "\u201C" + item.question().shortLabel() + "\u201D";
        String over = groupsPhrase(groups);
        String what = switch (item) {
            case ItemStatistics.Choice c when item.question().answer() instanceof AnswerSpec.Multiple ->
                    "Horizontal bar chart of the share of " + inSentence(groups.getFirst())
                            + " giving each answer to " + subject + ".";
            case ItemStatistics.Choice c -> "Stacked bar chart of the answers to " + subject + " for " + over + ".";
            case ItemStatistics.Scale s -> "Diverging bar chart of the answers on the scale " + subject + " for " + over
                    + ", lower points to the left of the centre line and higher points to the right.";
            case ItemStatistics.Amount a -> "Chart of the spread of " + subject + " for " + over
                    + ": a line from the smallest to the largest value, a box over the middle half and a mark at the median.";
        };
        return what + " " + keyMessage(item, groups.getFirst());
    }

    /** The key message of {@code item} for {@code group} in one or two sentences, with its counts. */
    public static String keyMessage(ItemStatistics item, Group group) {
        GroupFigures figures = item.in(group);
        String who = group.label();
        if (figures.answered() instanceof Suppressed) {
            return who + ": the figures are withheld (" + Figures.SUPPRESSED + ").";
        }
        if (figures.answered() instanceof Count answered && answered.count() == 0) {
            return who + ": no trust gave an answer.";
        }
        return switch (figures) {
            case GroupFigures.Choice c -> who + ": " + mostCommon(c.options(), item.question().answer() instanceof AnswerSpec.Multiple);
            case GroupFigures.Scale s -> who + ": " + scaleMessage(s, (AnswerSpec.Likert) item.question().answer());
            case GroupFigures.Amount a -> who + ": " + amountMessage(a.summary());
        };
    }

    /** The table of {@code item}'s values, one column per group. */
    public static Block.DataTable table(ItemStatistics item, List<Group> groups) {
        requireGroups(groups);
        Question question = item.question();
        if (item instanceof ItemStatistics.Amount amount) {
            List<Block.DataTable.Row> rows = groups.stream().map(g -> {
                GroupFigures.Amount a = amount.in(g);
                return Block.DataTable.Row.of(g.label(), Figures.count(a.answered()), Figures.median(a.summary()),
                        Figures.interquartileRange(a.summary()), Figures.range(a.summary()));
            }).toList();
            return new Block.DataTable(question.id() + ": " + question.shortLabel()
                    + ", median and spread by group (self-reported)",
                    List.of("Group", "Trusts with a value (of responding trusts)", "Median",
                            "Middle half (lower to upper quartile)", "Smallest to largest"), rows);
        }
        List<String> headers = new ArrayList<>();
        headers.add("Answer");
        groups.forEach(g -> headers.add(g.label()));
        List<Block.DataTable.Row> rows = new ArrayList<>();
        switch (item) {
            case ItemStatistics.Choice choice -> {
                List<GroupFigures.Choice> figures = groups.stream().map(choice::in).toList();
                for (int i = 0; i < figures.getFirst().options().size(); i++) {
                    int option = i;
                    rows.add(row(figures.getFirst().options().get(i).option().label(),
                            figures.stream().map(f -> f.options().get(option).cell()).toList()));
                }
            }
            case ItemStatistics.Scale scale -> {
                List<GroupFigures.Scale> figures = groups.stream().map(scale::in).toList();
                for (int i = 0; i < figures.getFirst().points().size(); i++) {
                    int point = i;
                    rows.add(row(pointLabel(figures.getFirst().points().get(i)),
                            figures.stream().map(f -> f.points().get(point).cell()).toList()));
                }
                if (figures.stream().anyMatch(f -> !(f.betweenPoints() instanceof Count c) || c.count() > 0)) {
                    rows.add(row("Between two points (the median of an even number of individuals)",
                            figures.stream().map(GroupFigures.Scale::betweenPoints).toList()));
                }
                for (int i = 0; i < figures.getFirst().extras().size(); i++) {
                    int extra = i;
                    rows.add(row(figures.getFirst().extras().get(i).option().label(),
                            figures.stream().map(f -> f.extras().get(extra).cell()).toList()));
                }
                rows.add(new Block.DataTable.Row("Median point", figures.stream()
                        .map(f -> Figures.median(f.summary())).toList()));
                rows.add(new Block.DataTable.Row("Middle half (lower to upper quartile)", figures.stream()
                        .map(f -> Figures.interquartileRange(f.summary())).toList()));
            }
            case ItemStatistics.Amount amount -> throw new IllegalStateException("handled above");
        }
        List<GroupFigures> all = groups.stream().map(item::in).toList();
        rows.add(row("Trusts with an answer (of responding trusts)", all.stream().map(GroupFigures::answered).toList()));
        rows.add(row("Conflicting answers, left out (of responding trusts)", all.stream().map(GroupFigures::conflicts).toList()));
        rows.add(row("Not answered (of responding trusts)", all.stream().map(GroupFigures::notAnswered).toList()));
        String what = item instanceof ItemStatistics.Scale ? "trusts at each point of the scale"
                : "trusts giving each answer";
        return new Block.DataTable(question.id() + ": " + question.shortLabel() + ", " + what
                + ", by group (self-reported)", headers, rows);
    }

    /** The footnote for every withheld figure of {@code item} among {@code groups}, or empty text. */
    public static String suppressionNote(ItemStatistics item, List<Group> groups) {
        return Figures.suppressionNote(cells(item, groups));
    }

    /** Every cell the figure of {@code item} shows for {@code groups}. */
    public static List<Cell> cells(ItemStatistics item, List<Group> groups) {
        List<Cell> cells = new ArrayList<>();
        for (Group group : groups) {
            GroupFigures figures = item.in(group);
            cells.add(figures.answered());
            cells.add(figures.conflicts());
            cells.add(figures.notAnswered());
            switch (figures) {
                case GroupFigures.Choice c -> c.options().forEach(o -> cells.add(o.cell()));
                case GroupFigures.Scale s -> {
                    s.points().forEach(o -> cells.add(o.cell()));
                    s.extras().forEach(o -> cells.add(o.cell()));
                    cells.add(s.betweenPoints());
                    cells.add(s.summary());
                }
                case GroupFigures.Amount a -> cells.add(a.summary());
            }
        }
        return cells;
    }

    /**
     * Several scales on the same points side by side for one group (the maturity profile): one diverging bar
     * per scale, in the definition's order, with each scale's median. The scales are never added up.
     *
     * @throws IllegalArgumentException when the scales do not share their points
     */
    public static Block.Figure profile(List<ItemStatistics.Scale> items, Group group) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one scale");
        }
        List<String> points = items.getFirst().in(group).points().stream().map(ItemFigures::pointLabel).toList();
        for (ItemStatistics.Scale item : items) {
            if (!item.in(group).points().stream().map(ItemFigures::pointLabel).toList().equals(points)) {
                throw new IllegalArgumentException(item.question().id() + " is not on the same scale as "
                        + items.getFirst().question().id());
            }
        }
        int neutral = points.size() % 2 == 1 ? points.size() / 2 : -1;
        Chart.DivergingBars chart = new Chart.DivergingBars(points, neutral, items.stream()
                .map(i -> barRow(i.question().shortLabel(), i.in(group).points(), i.in(group).answered(),
                        i.in(group).extras())).toList());

        // One column per scale, so that the scales stand side by side in the table as in the chart.
        List<String> headers = new ArrayList<>();
        headers.add("Point");
        items.forEach(i -> headers.add(i.question().id() + ": " + i.question().shortLabel()));
        List<GroupFigures.Scale> figures = items.stream().map(i -> i.in(group)).toList();
        List<Block.DataTable.Row> rows = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            int point = p;
            rows.add(row(points.get(p), figures.stream().map(f -> f.points().get(point).cell()).toList()));
        }
        rows.add(new Block.DataTable.Row("Median point", figures.stream().map(f -> Figures.median(f.summary())).toList()));
        rows.add(new Block.DataTable.Row("Middle half (lower to upper quartile)",
                figures.stream().map(f -> Figures.interquartileRange(f.summary())).toList()));
        rows.add(row("Trusts with an answer (of responding trusts)", figures.stream().map(GroupFigures::answered).toList()));
        String count = items.size() == 1 ? "The scale" : "The " + Figures.inWords(items.size()) + " scales";
        String medians = items.stream()
                .map(i -> i.question().shortLabel() + ", median point " + Figures.median(i.in(group).summary()))
                .collect(Collectors.joining("; "));
        String alt = "Diverging bar chart of " + lowerFirstLetter(count) + " side by side for " + inSentence(group)
                + ", lower points to the left of the centre line and higher points to the right. " + medians
                + ". The scales are shown side by side and never added up.";
        return new Block.Figure(alt, count + " side by side, " + inSentence(group) + " (self-reported)", chart,
                new Block.DataTable(count + " side by side: trusts at each point, " + inSentence(group)
                        + " (self-reported)", headers, rows));
    }

    /** A scale point as labelled in charts and tables: "1 Strongly disagree", or just "2" without an anchor. */
    public static String pointLabel(OptionCell point) {
        return point.option().label().equals(point.code()) ? point.code() : point.code() + " " + point.option().label();
    }

    // ---- charts ----

    private static Chart.HorizontalBars multipleBars(ItemStatistics.Choice choice, Group group) {
        List<Chart.HorizontalBars.Bar> bars = choice.in(group).options().stream()
                .map(o -> new Chart.HorizontalBars.Bar(o.option().label(),
                        Math.min(100.0, 100.0 * Figures.share(o.cell()).orElse(0)), Figures.count(o.cell())))
                .toList();
        return new Chart.HorizontalBars(bars, 100);
    }

    private static Chart.StackedBars stackedBars(ItemStatistics.Choice choice, List<Group> groups) {
        List<GroupFigures.Choice> figures = groups.stream().map(choice::in).toList();
        List<String> categories = figures.getFirst().options().stream().map(o -> o.option().label()).toList();
        return new Chart.StackedBars(categories, figures.stream()
                .map(f -> barRow(f.group().label(), f.options(), f.answered())).toList());
    }

    private static Chart.DivergingBars divergingBars(ItemStatistics.Scale scale, List<Group> groups) {
        List<GroupFigures.Scale> figures = groups.stream().map(scale::in).toList();
        List<String> points = figures.getFirst().points().stream().map(ItemFigures::pointLabel).toList();
        int neutral = points.size() % 2 == 1 ? points.size() / 2 : -1;
        return new Chart.DivergingBars(points, neutral, figures.stream()
                .map(f -> barRow(f.group().label(), f.points(), f.answered(), f.extras())).toList());
    }

    /** One bar: the share of each option out of the answering trusts, or no bar when withheld or empty. */
    private static Chart.StackedBars.Row barRow(String label, List<OptionCell> options, CountCell answered) {
        return barRow(label, options, answered, List.of());
    }

    /**
     * As above, noting the answers off the drawn scale (don't know, not applicable) after the bar, because
     * the bar's segments do not show them.
     */
    private static Chart.StackedBars.Row barRow(String label, List<OptionCell> options, CountCell answered,
            List<OptionCell> offScale) {
        boolean drawn = options.stream().allMatch(o -> Figures.share(o.cell()).isPresent());
        List<Double> shares = drawn ? exactShares(options) : List.of();
        List<String> shown = drawn ? options.stream().map(o -> Figures.shortCount(o.cell())).toList() : List.of();
        String note = switch (answered) {
            case Suppressed s -> Figures.SUPPRESSED;
            case Count c when c.count() == 0 -> "no answers";
            case Count c -> "n = " + c.count() + offScale.stream()
                    .filter(o -> o.cell() instanceof Count x && x.count() > 0)
                    .map(o -> "; " + o.option().label().toLowerCase(Locale.UK) + " " + Figures.countOf(o.cell()).getAsInt())
                    .collect(Collectors.joining());
        };
        return new Chart.StackedBars.Row(label, shares, shown, note);
    }

    /** Shares that add up to at most 1 however the doubles round. */
    private static List<Double> exactShares(List<OptionCell> options) {
        int of = ((Count) options.getFirst().cell()).of();
        int total = 0;
        List<Double> shares = new ArrayList<>();
        for (OptionCell option : options) {
            int count = ((Count) option.cell()).count();
            total += count;
            shares.add((double) count / of);
        }
        if (total == of && !shares.isEmpty()) {
            // keep the sum within 1 against floating-point error
            double sumOfOthers = shares.subList(0, shares.size() - 1).stream().mapToDouble(Double::doubleValue).sum();
            shares.set(shares.size() - 1, Math.max(0, Math.min(shares.getLast(), 1.0 - sumOfOthers)));
        }
        return shares;
    }

    private static Chart.BandPositions spreads(ItemStatistics.Amount amount, List<Group> groups) {
        return new Chart.BandPositions(groups.stream().map(g -> {
            SummaryCell cell = amount.in(g).summary();
            Optional<Chart.BandPositions.Spread> spread = cell instanceof Summary s
                    ? Optional.of(new Chart.BandPositions.Spread(s.min().doubleValue(), s.lowerQuartile().doubleValue(),
                            s.median().doubleValue(), s.upperQuartile().doubleValue(), s.max().doubleValue()))
                    : Optional.empty();
            String note = switch (cell) {
                case Summary s -> "median " + Figures.number(s.median()) + " (n = " + s.n() + ")";
                case NoValues x -> Figures.NOT_AVAILABLE + " no values";
                case Suppressed s -> Figures.SUPPRESSED;
            };
            return new Chart.BandPositions.Position(g.label(), spread, Optional.empty(), note);
        }).toList());
    }

    // ---- key messages ----

    /** The answer or answers given most often, in definition order when tied: a finding about answers, not trusts. */
    private static String mostCommon(List<OptionCell> options, boolean multiple) {
        int top = options.stream().mapToInt(o -> Figures.countOf(o.cell()).orElse(-1)).max().orElse(-1);
        if (top < 0) {
            return "the figures are withheld (" + Figures.SUPPRESSED + ").";
        }
        if (top == 0) {
            return "no trust gave any of the answers.";
        }
        List<OptionCell> most = options.stream().filter(o -> Figures.countOf(o.cell()).orElse(-1) == top).toList();
        String labels = joined(most.stream().map(o -> o.option().label()).toList());
        String prefix = multiple ? "the answer" + (most.size() > 1 ? "s" : "") + " given most often "
                : "the most common answer" + (most.size() > 1 ? "s" : "") + " ";
        String verb = most.size() > 1 ? "are " : "is ";
        String each = most.size() > 1 ? ", each by " : ", by ";
        return prefix + verb + labels + each + Figures.trusts(most.getFirst().cell()) + ".";
    }

    private static String scaleMessage(GroupFigures.Scale figures, AnswerSpec.Likert likert) {
        List<OptionCell> points = figures.points();
        int size = points.size();
        int half = size / 2;
        List<OptionCell> low = points.subList(0, half);
        List<OptionCell> high = points.subList(size - half, size);
        if (half == 0 || !(figures.answered() instanceof Count answered)) {
            return "median point " + Figures.median(figures.summary()) + ".";
        }
        Count lowCount = Count.of(low.stream().mapToInt(o -> Figures.countOf(o.cell()).orElse(0)).sum(), answered.count());
        Count highCount = Count.of(high.stream().mapToInt(o -> Figures.countOf(o.cell()).orElse(0)).sum(), answered.count());
        String top = points.getLast().option().label();
        String bottom = points.getFirst().option().label();
        return Figures.trusts(highCount) + " at " + pointRange(high) + (top.equals(points.getLast().code()) ? ""
                : " (towards \u201C" + top + "\u201D)") + " and " + Figures.count(lowCount) + " at " + pointRange(low)
                + (bottom.equals(points.getFirst().code()) ? "" : " (towards \u201C" + bottom + "\u201D)")
                + "; median point " + Figures.median(figures.summary()) + ".";
    }

    private static String amountMessage(SummaryCell summary) {
        return switch (summary) {
            case Summary s -> "median " + Figures.number(s.median()) + ", middle half " + Figures.number(s.lowerQuartile())
                    + " to " + Figures.number(s.upperQuartile()) + ", from " + Figures.plural(s.n(), "trust", "trusts") + ".";
            case NoValues x -> "no trust gave a value (" + Figures.NOT_AVAILABLE + ").";
            case Suppressed s -> "the figures are withheld (" + Figures.SUPPRESSED + ").";
        };
    }

    private static String pointRange(List<OptionCell> points) {
        return joined(points.stream().map(OptionCell::code).toList(), "or");
    }

    // ---- text ----

    private static Block.DataTable.Row row(String header, List<? extends CountCell> cells) {
        return new Block.DataTable.Row(header, cells.stream().map(Figures::count).toList());
    }

    private static String groupsPhrase(List<Group> groups) {
        if (groups.equals(nationalAndPeerGroups())) {
            return "all trusts and each peer group";
        }
        return joined(groups.stream().map(ItemFigures::inSentence).toList());
    }

    /** "a", "a and b", "a, b and c". */
    static String joined(List<String> parts) {
        return joined(parts, "and");
    }

    /** "a", "a or b", "a, b or c" for {@code conjunction} "or". */
    static String joined(List<String> parts, String conjunction) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " " + conjunction + " " + parts.getLast();
    }

    static String lowerFirstLetter(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** A group inside a sentence: "all trusts", "acute trusts", "London" (a region keeps its capital). */
    public static String inSentence(Group group) {
        return switch (group) {
            case Group.National n -> "all trusts";
            case Group.Peer p -> lowerFirstLetter(p.label());
            case Group.Region r -> "trusts in " + r.name();
        };
    }

    private static void requireGroups(List<Group> groups) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one group");
        }
    }
}
