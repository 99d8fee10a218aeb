package nhssm.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules for free text: newlines normalised, no broken characters, no control characters other
 * than newline and tab, a length counted in characters as a person sees them (code points), and for
 * email addresses a plain sanity check. Any script and emoji are kept exactly.
 */
final class FreeTextRules {

    private FreeTextRules() {
    }

    /** Browsers send a textarea's newlines as CRLF, and old Mac text has lone CRs: both become LF. */
    static String normaliseNewlines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** What is wrong with {@code text} (already normalised), as messages; empty when nothing is. */
    static List<String> problems(String text, int maxLength) {
        List<String> problems = new ArrayList<>();
        if (hasUnpairedSurrogate(text)) {
            problems.add("This text contains a character that could not be read. Check it and type it again");
        }
        firstControlCharacter(text).ifPresent(c -> problems.add(
                "Remove the control character " + String.format("U+%04X", c)
                        + ": text may contain letters in any script, emoji, new lines and tabs"));
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            problems.add("Keep this to " + Wording.count(maxLength) + " characters or fewer (you entered "
                    + Wording.count(length) + ")");
        }
        return problems;
    }

    /**
     * A plain sanity check, not RFC 5322: one @, something before it, a dot inside the domain, no
     * whitespace. Whether the address works is for the person verifying the return to find out.
     */
    static boolean looksLikeEmail(String text) {
        int at = text.indexOf('@');
        if (at <= 0 || at != text.lastIndexOf('@')) {
            return false;
        }
        String domain = text.substring(at + 1);
        int dot = domain.indexOf('.');
        return dot > 0 && !domain.endsWith(".") && text.codePoints().noneMatch(FreeTextRules::isSpace);
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * C0 and C1 controls and DEL, other than newline and tab. Format characters such as the zero-width
     * joiner are not controls and are kept: emoji sequences need them.
     */
    private static Optional<Integer> firstControlCharacter(String text) {
        return text.codePoints()
                .filter(c -> Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t')
                .boxed()
                .findFirst();
    }
}
