package nhssm.core.reconcile;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/** The median of numbers, in exact decimal arithmetic. */
final class Median {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Median() {
    }

    /**
     * The middle value of {@code values} once sorted; for an even count, the mean of the middle two.
     * The result is normalised as answers are stored: no trailing zeros (2.50 is 2.5, 3.0 is 3) and
     * never an exponent (20, not 2E+1). Halving a finite decimal always terminates, so the arithmetic is
     * exact.
     *
     * @throws IllegalArgumentException when {@code values} is empty
     */
    static BigDecimal of(Collection<BigDecimal> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(TWO);
        return normalised(median);
    }

    /** Without trailing zeros and with a scale of at least 0, as {@code Answer.DecimalNumber} keeps numbers. */
    static BigDecimal normalised(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Whether {@code value} is a whole number (3, 3.0, 30 — but not 3.5). */
    static boolean isWhole(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0;
    }
}
