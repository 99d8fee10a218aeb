package nhssm.http;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A JSON number, read from its text before anything expands it. {@code 1e999999999} is eleven characters, but as a
 * plain decimal a billion digits: its digits and its exponent are therefore checked on the text, and only a number
 * within both bounds is written out in plain notation, which is what the survey's rules read.
 */
public final class JsonNumber {

    /** More digits than any question's range needs; as many as a decimal answer may have (core validation). */
    public static final int MAX_DIGITS = 40;
    /** An exponent beyond this puts any number outside every question's range. */
    public static final int MAX_EXPONENT = 40;
    /** What a refusal says would be accepted. */
    public static final String BOUNDS = "a number of at most " + MAX_DIGITS + " digits, with an exponent (if any) from -"
            + MAX_EXPONENT + " to " + MAX_EXPONENT;

    private JsonNumber() {
    }

    /**
     * {@code text} in plain notation ("1.5e1" is "15"), or empty when it has more than {@link #MAX_DIGITS} digits or
     * an exponent beyond {@link #MAX_EXPONENT}, or is not a JSON number at all.
     */
    public static Optional<String> plain(String text) {
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        String mantissa = e < 0 ? text : text.substring(0, e);
        int digits = 0;
        for (int i = 0; i < mantissa.length(); i++) {
            char c = mantissa.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (!(c == '.' || (c == '-' && i == 0))) {
                return Optional.empty();
            }
        }
        if (digits == 0 || digits > MAX_DIGITS) {
            return Optional.empty();
        }
        if (e >= 0 && !exponentWithinBounds(text.substring(e + 1))) {
            return Optional.empty();
        }
        try {
            // Both bounds hold, so the plain form has at most MAX_DIGITS + MAX_EXPONENT digits.
            return Optional.of(new BigDecimal(text).toPlainString());
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static boolean exponentWithinBounds(String exponent) {
        String digits = exponent.startsWith("+") || exponent.startsWith("-") ? exponent.substring(1) : exponent;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return significant.length() <= 3 && Integer.parseInt(significant) <= MAX_EXPONENT;
    }
}
