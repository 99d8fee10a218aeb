package nhssm.report.content;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import nhssm.core.stats.Cell;
import nhssm.core.stats.Count;
import nhssm.core.stats.CountCell;
import nhssm.core.stats.NoValues;
import nhssm.core.stats.Summary;
import nhssm.core.stats.SummaryCell;
import nhssm.core.stats.Suppressed;
import nhssm.core.stats.SuppressionRule;

/**
 * How every figure is written in a report, in one place. The statistics have already decided whether a
 * figure is shown, with or without a percentage, or withheld; this only spells the decision out:
 * "31 of 42 (74%)", "7 of 12" below 20 trusts, {@value Suppressed#SYMBOL} when suppressed and
 * {@value NoValues#SYMBOL} when there is no value.
 */
public final class Figures {

    /** A figure withheld under a suppression rule. */
    public static final String SUPPRESSED = Suppressed.SYMBOL;

    /** No trust gave a value, so there is nothing to show. */
    public static final String NOT_AVAILABLE = NoValues.SYMBOL;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private Figures() {
    }

    /** "31 of 42 (74%)", "7 of 12" (no percentage below a base of 20), or "[c]". */
    public static String count(CountCell cell) {
        return switch (cell) {
            case Suppressed s -> SUPPRESSED;
            case Count c -> c.count() + " of " + c.of() + percentSuffix(c);
        };
    }

    /** As {@link #count} with the unit: "31 of 42 trusts (74%)", "7 of 12 trusts", "1 of 1 trust", or "[c]". */
    public static String trusts(CountCell cell) {
        return count(cell, cell instanceof Count c && c.of() == 1 ? "trust" : "trusts");
    }

    /** As {@link #count} with the base named: "31 of 42 responding trusts (74%)", or "[c]". */
    public static String count(CountCell cell, String base) {
        return switch (cell) {
            case Suppressed s -> SUPPRESSED;
            case Count c -> c.count() + " of " + c.of() + " " + base + percentSuffix(c);
        };
    }

    /** Small whole numbers in words, as prose writes them ("four dimensions"); larger ones in figures. */
    public static String inWords(int n) {
        List<String> words = List.of("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
        return n >= 0 && n < words.size() ? words.get(n) : Integer.toString(n);
    }

    /** The whole percentage, "74%", or empty text when the cell has none (suppressed, or a base below 20). */
    public static String percent(CountCell cell) {
        return cell instanceof Count c && c.percent().isPresent() ? c.percent().getAsInt() + "%" : "";
    }

    /**
     * The short form printed inside a chart segment: the percentage when there is one, otherwise the bare
     * count ("7"); "[c]" when suppressed.
     */
    public static String shortCount(CountCell cell) {
        return switch (cell) {
            case Suppressed s -> SUPPRESSED;
            case Count c -> c.percent().isPresent() ? c.percent().getAsInt() + "%" : Integer.toString(c.count());
        };
    }

    /** The exact share (0..1) a chart draws; empty when the cell is suppressed or its base is 0. */
    public static OptionalDouble share(CountCell cell) {
        return cell instanceof Count c && c.of() > 0 ? OptionalDouble.of((double) c.count() / c.of()) : OptionalDouble.empty();
    }

    /** The count of a shown cell; empty when suppressed. */
    public static OptionalInt countOf(CountCell cell) {
        return cell instanceof Count c ? OptionalInt.of(c.count()) : OptionalInt.empty();
    }

    /** A number exactly as calculated, without exponent or trailing zeros: "2.5", "20", "1.75". */
    public static String number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** The median of a distribution, "[c]" or "[x]". */
    public static String median(SummaryCell cell) {
        return cell instanceof Summary s ? number(s.median()) : symbol(cell);
    }

    /** "1.5 to 4" (lower to upper quartile), "[c]" or "[x]". */
    public static String interquartileRange(SummaryCell cell) {
        return cell instanceof Summary s ? number(s.lowerQuartile()) + " to " + number(s.upperQuartile()) : symbol(cell);
    }

    /** "0 to 12" (smallest to largest), "[c]" or "[x]". */
    public static String range(SummaryCell cell) {
        return cell instanceof Summary s ? number(s.min()) + " to " + number(s.max()) : symbol(cell);
    }

    /** The number of trusts a distribution rests on, "[c]", or "0" when there are none. */
    public static String n(SummaryCell cell) {
        return switch (cell) {
            case Summary s -> Integer.toString(s.n());
            case NoValues x -> "0";
            case Suppressed s -> SUPPRESSED;
        };
    }

    /** The symbol of a cell that shows no number: "[c]" when suppressed, "[x]" when there are no values. */
    public static String symbol(SummaryCell cell) {
        return switch (cell) {
            case Suppressed s -> SUPPRESSED;
            case NoValues x -> NOT_AVAILABLE;
            case Summary s -> throw new IllegalArgumentException("a summary has numbers, not a symbol");
        };
    }

    /** "1 October 2026" (UTC for instants). */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** "1 October 2026", the day of the instant in UTC. */
    public static String date(Instant instant) {
        return DATE.format(instant.atZone(ZoneOffset.UTC));
    }

    /** A number of things with its noun: "1 trust", "3 trusts". */
    public static String plural(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** The rules that withheld any of {@code cells}, each once, in rule order. */
    public static List<SuppressionRule> rulesIn(Collection<? extends Cell> cells) {
        Set<SuppressionRule> rules = new LinkedHashSet<>();
        for (SuppressionRule rule : SuppressionRule.values()) {
            if (cells.stream().anyMatch(c -> c instanceof Suppressed s && s.rule() == rule)) {
                rules.add(rule);
            }
        }
        return List.copyOf(rules);
    }

    /**
     * The footnote beside a table with withheld figures, "[c]: …" with each rule that applied, or empty
     * text when nothing was withheld (suppression is never silent, and never explained where it did not happen).
     */
    public static String suppressionNote(Collection<? extends Cell> cells) {
        List<SuppressionRule> rules = rulesIn(cells);
        if (rules.isEmpty()) {
            return "";
        }
        StringBuilder note = new StringBuilder(SUPPRESSED).append(" marks a figure withheld:");
        rules.forEach(r -> note.append(' ').append(r.description()));
        return note.toString();
    }

    private static String percentSuffix(Count c) {
        return c.percent().isPresent() ? " (" + c.percent().getAsInt() + "%)" : "";
    }
}
