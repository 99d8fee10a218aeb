package nhssm.http;

/**
 * A value as an error may echo it: short enough that a hostile value cannot make the answer large. A longer value
 * is cut at a character boundary and says how long it was, so the sender can still tell which value is meant.
 */
public final class Excerpt {

    /** Characters (code points) of a value an error repeats. */
    public static final int MAX_CHARACTERS = 40;

    private Excerpt() {
    }

    public static String of(String value) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length <= MAX_CHARACTERS) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, MAX_CHARACTERS)) + "\u2026 (" + length + " characters)";
    }
}
