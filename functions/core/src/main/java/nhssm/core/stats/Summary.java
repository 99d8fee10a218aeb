package nhssm.core.stats;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The distribution of n ≥ 1 trust values (one value per trust): named quantities, as Guava's {@code Stats}
 * names them. Quartiles are by linear interpolation between order statistics, "type 7" of Hyndman and
 * Fan (R's default, Excel's QUARTILE.INC): with the n values sorted as x₁ ≤ … ≤ xₙ, the p-quantile is at
 * position h = (n − 1)·p + 1, and Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). The median is the usual one.
 *
 * <p>Exact: every quantity is a BigDecimal computed without rounding (the fraction h − ⌊h⌋ is 0, ¼, ½ or ¾,
 * so a value has at most two more decimal places than the data), without trailing zeros and never with an
 * exponent (2.50 is 2.5; 20 is 20, not 2E+1).
 *
 * <ul>
 *   <li>n = 0: there is no Summary ({@link #of} refuses); the cell is {@link NoValues} or {@link Suppressed}.
 *   <li>n = 1: min = lower quartile = median = upper quartile = max = the one value.
 *   <li>n = 2 (a, b with a ≤ b): quartiles a + ¼(b − a) and a + ¾(b − a), median (a + b) / 2.
 * </ul>
 */
public record Summary(int n, BigDecimal min, BigDecimal lowerQuartile, BigDecimal median, BigDecimal upperQuartile,
        BigDecimal max) implements SummaryCell {

    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    public Summary {
        if (n < 1) {
            throw new IllegalArgumentException("a summary needs at least one value, not " + n);
        }
        min = normalised(Objects.requireNonNull(min, "min"));
        lowerQuartile = normalised(Objects.requireNonNull(lowerQuartile, "lowerQuartile"));
        median = normalised(Objects.requireNonNull(median, "median"));
        upperQuartile = normalised(Objects.requireNonNull(upperQuartile, "upperQuartile"));
        max = normalised(Objects.requireNonNull(max, "max"));
        if (min.compareTo(lowerQuartile) > 0 || lowerQuartile.compareTo(median) > 0
                || median.compareTo(upperQuartile) > 0 || upperQuartile.compareTo(max) > 0) {
            throw new IllegalArgumentException("quantities out of order: " + min + " " + lowerQuartile + " "
                    + median + " " + upperQuartile + " " + max);
        }
    }

    /**
     * The summary of {@code values} (in any order).
     *
     * @throws IllegalArgumentException when {@code values} is empty (n = 0 has no median)
     */
    public static Summary of(Collection<BigDecimal> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values: n = 0 has no median or quartiles");
        }
        List<BigDecimal> sorted = values.stream().map(Objects::requireNonNull).sorted().toList();
        return new Summary(sorted.size(), sorted.getFirst(), quantile(sorted, 1), quantile(sorted, 2),
                quantile(sorted, 3), sorted.getLast());
    }

    /** The interquartile range, upper minus lower quartile. */
    public BigDecimal interquartileRange() {
        return normalised(upperQuartile.subtract(lowerQuartile));
    }

    /** Type 7 at p = quarters / 4, on sorted values: 0-based position (n − 1)·p, interpolated exactly. */
    static BigDecimal quantile(List<BigDecimal> sorted, int quarters) {
        int scaled = (sorted.size() - 1) * quarters; // 4 × the 0-based position
        int below = scaled / 4;
        int fraction = scaled % 4; // in quarters: 0, 1, 2 or 3
        BigDecimal low = sorted.get(below);
        if (fraction == 0) {
            return low;
        }
        BigDecimal high = sorted.get(below + 1);
        return low.add(high.subtract(low).multiply(BigDecimal.valueOf(fraction)).divide(FOUR));
    }

    static BigDecimal normalised(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
