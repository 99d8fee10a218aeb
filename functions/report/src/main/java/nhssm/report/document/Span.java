package nhssm.report.document;

import java.util.Objects;

/**
 * A run of text in one language.
 *
 * @param text the text, any Unicode (a renderer replaces visibly what its fonts cannot draw)
 * @param lang the BCP 47 language of this run, or null for the document's language (e.g. "cy" for Welsh)
 */
public record Span(String text, String lang) {

    public Span {
        Objects.requireNonNull(text, "text");
    }

    /** A run in the document's language. */
    public static Span of(String text) {
        return new Span(text, null);
    }

    /** A run in another language, such as a Welsh passage ("cy"). */
    public static Span in(String lang, String text) {
        return new Span(text, Objects.requireNonNull(lang, "lang"));
    }
}
