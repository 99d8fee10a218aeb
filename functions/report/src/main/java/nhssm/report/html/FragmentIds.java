package nhssm.report.html;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The ids of one HTML page: each derived from a text (a heading) as a readable slug, unique within the page
 * by a counter ("key-findings", "key-findings-2"). Handed out in document order, so the same document always
 * gets the same ids and a link to a section of one rendering works in the next.
 */
final class FragmentIds {

    private static final int MAX_SLUG_LENGTH = 60;

    private final Set<String> used = new HashSet<>();

    /** A new id for {@code text}, never one given before. */
    String next(String text) {
        String slug = slug(text);
        String id = slug;
        for (int counter = 2; !used.add(id); counter++) {
            id = slug + "-" + counter;
        }
        return id;
    }

    /**
     * Lower-case ASCII letters and digits joined by hyphens; accents are dropped (Welsh "dŵr" gives "dwr")
     * and a text with nothing left ("—", an emoji) gives "section".
     */
    static String slug(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (plain.length() > MAX_SLUG_LENGTH) {
            plain = plain.substring(0, MAX_SLUG_LENGTH).replaceAll("-+$", "");
        }
        return plain.isEmpty() ? "section" : plain;
    }
}
