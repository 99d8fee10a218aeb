package nhssm.core.trust;

import java.util.Locale;
import java.util.Set;

/**
 * A trust's name as people read it: in reports, the survey form and its receipt. The reference list spells names in capitals
 * ("KING'S COLLEGE HOSPITAL NHS FOUNDATION TRUST"); a report reads better, and screen readers do not spell
 * the words out letter by letter, with ordinary capitalisation ("King's College Hospital NHS Foundation Trust").
 */
public final class TrustName {

    /** Words kept in capitals wherever they appear. */
    private static final Set<String> ACRONYMS = Set.of("NHS");

    /** Short words written in lower case unless they begin the name. */
    private static final Set<String> MINOR = Set.of("AND", "OF", "THE", "FOR", "ON", "UPON", "IN", "AT", "TO");

    private TrustName() {
    }

    /** The name in display casing; a name already in mixed case is returned as it is. */
    public static String displayed(String referenceName) {
        if (!referenceName.equals(referenceName.toUpperCase(Locale.UK))) {
            return referenceName;
        }
        String[] words = referenceName.trim().split(" +");
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                name.append(' ');
            }
            name.append(word(words[i], i == 0));
        }
        return name.toString();
    }

    private static String word(String word, boolean first) {
        // Compare without trailing punctuation: "LYNN," is "Lynn,".
        String bare = word.replaceAll("[^\\p{L}']+$", "");
        if (ACRONYMS.contains(bare)) {
            return word;
        }
        if (!first && MINOR.contains(bare)) {
            return word.toLowerCase(Locale.UK);
        }
        // Capitalise the first letter of each hyphenated part; the letters after an apostrophe stay lower
        // case ("KING'S" is "King's").
        StringBuilder out = new StringBuilder(word.length());
        boolean startOfPart = true;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                out.appendCodePoint(startOfPart ? Character.toUpperCase(cp) : Character.toLowerCase(cp));
                startOfPart = false;
            } else {
                out.appendCodePoint(cp);
                startOfPart = cp == '-';
            }
        }
        return out.toString();
    }
}
