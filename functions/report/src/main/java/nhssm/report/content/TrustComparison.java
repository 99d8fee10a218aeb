package nhssm.report.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nhssm.core.response.AnswerWords;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.stats.CountCell;
import nhssm.core.stats.Group;
import nhssm.core.stats.GroupFigures;
import nhssm.core.stats.ItemStatistics;
import nhssm.core.stats.OptionCell;
import nhssm.core.stats.QuartileBand;
import nhssm.core.stats.Summary;
import nhssm.core.stats.SummaryCell;
import nhssm.core.stats.Suppressed;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Question;
import nhssm.report.document.Block;
import nhssm.report.document.Chart;

/**
 * One question of a trust's report: the trust's answer in words, how it compares with its peer group and all
 * trusts, and the national figure. Choices are compared by counts ("Your trust: Yes · Acute trusts: 31 of 42
 * (74%) · All trusts: 140 of 190 (74%)"), numbers and scales by quartile band; never by rank.
 */
final class TrustComparison {

    static final String SEPARATOR = " \u00B7 ";

    private TrustComparison() {
    }

    /** The part of a section about one question, titled with the question's short label. */
    static Block.Section item(TrustInRound trust, ItemStatistics item) {
        Question question = item.question();
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.Paragraph.of(ItemFigures.asked(question)));
        List<Block> comparison = comparison(trust, item);
        // A single answer is already named in its comparison line; a list of answers is worth reading whole.
        if (comparison.isEmpty() || !singleValued(question)) {
            blocks.add(Block.Paragraph.of(answerSentence(trust, question)));
        }
        blocks.addAll(comparison);
        blocks.addAll(TrustIndividuals.answers(trust, item));
        blocks.add(Block.Paragraph.of(ItemFigures.answered(item, Group.NATIONAL)));
        blocks.add(ItemFigures.figure(item, trust.comparisonGroups()));
        String note = ItemFigures.suppressionNote(item, trust.comparisonGroups());
        if (!note.isEmpty()) {
            blocks.add(Block.Paragraph.of(note));
        }
        return new Block.Section(question.shortLabel(), blocks);
    }

    /** "Your trust's answer: Yes.", or why there is none. */
    static String answerSentence(TrustInRound trust, Question question) {
        if (!trust.responded()) {
            return "Your trust did not respond, so there is no answer to compare.";
        }
        return trust.value(question.id())
                .map(v -> v instanceof Reconciled.Conflict c
                        ? "No agreed answer: " + TrustAnswer.conflict(question, c)
                                + " It is listed under conflicts to resolve."
                        : "Your trust's answer (self-reported): " + TrustAnswer.words(question, v) + ".")
                .orElse("Your trust did not answer this question.");
    }

    /** The comparison lines and, for a number or scale point, the trust's dot on its peers' quartile band. */
    static List<Block> comparison(TrustInRound trust, ItemStatistics item) {
        Optional<Reconciled> value = trust.value(item.question().id())
                .filter(v -> !(v instanceof Reconciled.Conflict));
        if (value.isEmpty()) {
            return List.of();
        }
        if (item instanceof ItemStatistics.Amount || item instanceof ItemStatistics.Scale) {
            Optional<Double> number = TrustAnswer.number(value.get());
            if (number.isPresent()) {
                QuartileBand band = trust.data().statistics().quartileBand(item.question().id(), trust.ods());
                List<Block> blocks = new ArrayList<>();
                bandFigure(trust, item, band, number.get()).ifPresent(blocks::add);
                blocks.add(Block.Paragraph.of("Your trust: " + TrustAnswer.words(item.question(), value.get())
                        + SEPARATOR + peerSpread(trust, item, band) + SEPARATOR + "All trusts: "
                        + spread(summary(item, Group.NATIONAL))));
                return blocks;
            }
        }
        List<String> codes = TrustAnswer.codes(value.get());
        if (codes.size() == 1) {
            return List.of(Block.Paragraph.of(countLine(trust, item, codes.getFirst())));
        }
        if (codes.isEmpty()) {
            return List.of();
        }
        return List.of(new Block.ItemList(codes.stream()
                .map(code -> List.of(nhssm.report.document.Span.of(countLine(trust, item, code)))).toList()));
    }

    /** "Your trust: Yes · Acute trusts: 31 of 42 (74%) · All trusts: 140 of 190 (74%)". */
    static String countLine(TrustInRound trust, ItemStatistics item, String code) {
        StringBuilder line = new StringBuilder("Your trust: ").append(AnswerWords.label(item.question(), code));
        trust.peers().ifPresent(peers -> line.append(SEPARATOR).append(peers.label()).append(": ")
                .append(optionCell(item, peers, code).map(Figures::count).orElse(Figures.NOT_AVAILABLE)));
        line.append(SEPARATOR).append("All trusts: ")
                .append(optionCell(item, Group.NATIONAL, code).map(Figures::count).orElse(Figures.NOT_AVAILABLE));
        return line.toString();
    }

    /** How many trusts of a group gave an answer code, out of those with a value. */
    static Optional<CountCell> optionCell(ItemStatistics item, Group group, String code) {
        List<OptionCell> options = switch (item.in(group)) {
            case GroupFigures.Choice c -> c.options();
            case GroupFigures.Scale s -> s.extras();
            case GroupFigures.Amount a -> List.of();
        };
        return options.stream().filter(o -> o.code().equals(code)).map(OptionCell::cell).findFirst();
    }

    /** The distribution of a number or scale item's values in a group. */
    static SummaryCell summary(ItemStatistics item, Group group) {
        return switch (item.in(group)) {
            case GroupFigures.Amount a -> a.summary();
            case GroupFigures.Scale s -> s.summary();
            case GroupFigures.Choice c -> throw new IllegalArgumentException("a choice has no spread");
        };
    }

    /** "median 7; middle half 4 to 12", or the symbol of a cell without numbers. */
    static String spread(SummaryCell cell) {
        return cell instanceof Summary s
                ? "median " + Figures.number(s.median()) + "; middle half " + Figures.interquartileRange(s)
                : Figures.symbol(cell);
    }

    /** "in the middle half of acute trusts (median 7; middle half 4 to 12)", or why the trust is not placed. */
    static String peerSpread(TrustInRound trust, ItemStatistics item, QuartileBand band) {
        if (band instanceof QuartileBand.Placed placed) {
            return bandWords(trust, band) + " (" + spread(placed.peers()) + ")";
        }
        return bandWords(trust, band);
    }

    /** The quartile band in words: "in the upper quarter of acute trusts", or why the trust is not placed. */
    static String bandWords(TrustInRound trust, QuartileBand band) {
        return switch (band) {
            case QuartileBand.Placed p -> "in the " + switch (p.position()) {
                case LOWER_QUARTER -> "lower quarter";
                case MIDDLE_HALF -> "middle half";
                case UPPER_QUARTER -> "upper quarter";
            } + " of " + trust.peersInSentence();
            case Suppressed s -> trust.peers().map(g -> g.label()).orElse("Peer group") + ": " + Figures.SUPPRESSED
                    + " (not placed: " + s.rule().description() + ")";
            case QuartileBand.NotPlaced n -> "not placed among peers: " + switch (n.reason()) {
                case NOT_COUNTED -> "your trust did not respond";
                case NO_PEER_GROUP -> "your trust's type joins no peer group";
                case NOT_ANSWERED -> "not answered";
                case CONFLICT -> "your individual respondents disagreed";
                case NOT_A_NUMBER -> "the answer is not a point on the scale";
            };
        };
    }

    /** The trust's value as a dot on its peer group's spread, when it is placed. */
    private static Optional<Block> bandFigure(TrustInRound trust, ItemStatistics item, QuartileBand band, double value) {
        if (!(band instanceof QuartileBand.Placed placed)) {
            return Optional.empty();
        }
        Question question = item.question();
        Summary peers = placed.peers();
        String peerLabel = trust.peers().orElseThrow().label();
        String words = bandWords(trust, band);
        Chart.BandPositions chart = new Chart.BandPositions(List.of(new Chart.BandPositions.Position(
                peerLabel + ", with your trust",
                Optional.of(new Chart.BandPositions.Spread(peers.min().doubleValue(), peers.lowerQuartile().doubleValue(),
                        peers.median().doubleValue(), peers.upperQuartile().doubleValue(), peers.max().doubleValue())),
                Optional.of(value), "Your trust: " + Figures.number(placed.value()) + ", " + words)));
        String altText = "Where your trust's value for \u201C" + question.shortLabel() + "\u201D lies among "
                + trust.peersInSentence() + ": a line from the smallest to the largest value of "
                + trust.peersInSentence() + ", a box over their middle half, a mark at their median and a dot for your "
                + "trust. Your trust: " + Figures.number(placed.value()) + ", " + words + " (smallest "
                + Figures.number(peers.min()) + ", lower quartile " + Figures.number(peers.lowerQuartile()) + ", median "
                + Figures.number(peers.median()) + ", upper quartile " + Figures.number(peers.upperQuartile())
                + ", largest " + Figures.number(peers.max()) + ").";
        Block.DataTable table = new Block.DataTable(
                question.id() + ": your trust and the spread of " + trust.peersInSentence() + " (self-reported)",
                List.of("Figure", "Value"),
                List.of(Block.DataTable.Row.of("Your trust", Figures.number(placed.value())),
                        Block.DataTable.Row.of("Quartile band", words),
                        Block.DataTable.Row.of(peerLabel + " with a value", Integer.toString(peers.n())),
                        Block.DataTable.Row.of("Smallest", Figures.number(peers.min())),
                        Block.DataTable.Row.of("Lower quartile", Figures.number(peers.lowerQuartile())),
                        Block.DataTable.Row.of("Median", Figures.number(peers.median())),
                        Block.DataTable.Row.of("Upper quartile", Figures.number(peers.upperQuartile())),
                        Block.DataTable.Row.of("Largest", Figures.number(peers.max()))));
        return Optional.of(new Block.Figure(altText, question.id() + ": your trust among "
                + trust.peersInSentence() + " (self-reported)", chart, table));
    }

    // ---- at a glance ----

    /**
     * The at-a-glance cells of a question: the trust's answer, then the peer group's and all trusts' figures
     * for that answer (or the group's key message when the trust has no answer to compare).
     */
    static List<String> glance(TrustInRound trust, ItemStatistics item) {
        Question question = item.question();
        Optional<Reconciled> value = trust.value(question.id());
        String yours = !trust.responded() ? "No response"
                : value.map(v -> v instanceof Reconciled.Conflict ? "No agreed answer (conflict to resolve)"
                        : TrustAnswer.words(question, v)).orElse("Not answered");
        Optional<Reconciled> usable = value.filter(v -> !(v instanceof Reconciled.Conflict));
        String peer = trust.peers().map(p -> groupCell(trust, item, p, usable)).orElse("No peer group");
        String all = groupCell(trust, item, Group.NATIONAL, usable);
        return List.of(yours, peer, all);
    }

    private static String groupCell(TrustInRound trust, ItemStatistics item, Group group, Optional<Reconciled> value) {
        if (value.isPresent()) {
            if (TrustAnswer.number(value.get()).isPresent()) {
                if (group instanceof Group.Peer) {
                    QuartileBand band = trust.data().statistics().quartileBand(item.question().id(), trust.ods());
                    return band instanceof QuartileBand.Placed p
                            ? bandWords(trust, band) + " (median " + Figures.number(p.peers().median()) + ")"
                            : spread(summary(item, group));
                }
                return spread(summary(item, group));
            }
            List<String> codes = TrustAnswer.codes(value.get());
            if (!codes.isEmpty()) {
                return String.join("; ", codes.stream().map(code -> (codes.size() > 1
                        ? AnswerWords.label(item.question(), code) + ": " : "")
                        + optionCell(item, group, code).map(Figures::count).orElse(Figures.NOT_AVAILABLE)).toList());
            }
        }
        String message = ItemFigures.keyMessage(item, group);
        String prefix = group.label() + ": ";
        message = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    /** Whether a question takes one answer per trust (not multiple choice). */
    static boolean singleValued(Question question) {
        return !(question.answer() instanceof AnswerSpec.Multiple);
    }
}
