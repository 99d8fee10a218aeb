package nhssm.core.stats;

import java.util.OptionalInt;

/**
 * {@code count} of {@code of}, e.g. "31 of 42 trusts (74%)". The percentage is a whole number, rounded
 * half up (12.5 → 13), and present exactly when {@code of} is at least {@link Thresholds#PERCENT_MIN_BASE}
 * ("below 20 trusts, counts only"). A Count with any other percentage cannot be built.
 *
 * @param count   how many trusts (or individuals) have the value; 0 ≤ count ≤ of
 * @param of      the base: the trusts (or individuals) the count is out of; may be 0 for a national count
 * @param percent the whole percentage, when {@code of} ≥ 20
 */
public record Count(int count, int of, OptionalInt percent) implements CountCell {

    public Count {
        if (count < 0 || of < 0 || count > of) {
            throw new IllegalArgumentException("a count must be between 0 and its base: " + count + " of " + of);
        }
        if (!percent.equals(wholePercent(count, of))) {
            throw new IllegalArgumentException("the percentage of " + count + " of " + of + " is "
                    + wholePercent(count, of) + ", not " + percent);
        }
    }

    /** {@code count} of {@code of}, with its percentage when the base allows one. */
    public static Count of(int count, int of) {
        return new Count(count, of, wholePercent(count, of));
    }

    /**
     * 100 × count / of rounded half up to a whole number, or empty below a base of 20. In integers:
     * ⌊(200·count + of) / (2·of)⌋, so no floating point is involved.
     */
    public static OptionalInt wholePercent(int count, int of) {
        if (of < Thresholds.PERCENT_MIN_BASE) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) ((200L * count + of) / (2L * of)));
    }
}
