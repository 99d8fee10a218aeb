package nhssm.local.dynamodb.engine.stream;

import java.util.Optional;

/**
 * Sequence numbers as the service shows them: strings of digits (21 to 40 of them, the API says), here a
 * 1 followed by a stream's counter in 20 digits, so they order the same as text and as numbers.
 */
final class SequenceNumbers {

    private static final int COUNTER_DIGITS = 20;

    private SequenceNumbers() {
    }

    static String text(long counter) {
        String digits = Long.toString(counter);
        return "1" + "0".repeat(COUNTER_DIGITS - digits.length()) + digits;
    }

    /** The counter of a sequence number this engine gave; empty for any other string. */
    static Optional<Long> counter(String text) {
        if (text.length() != COUNTER_DIGITS + 1 || text.charAt(0) != '1') {
            return Optional.empty();
        }
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(text.substring(1)));
    }
}
