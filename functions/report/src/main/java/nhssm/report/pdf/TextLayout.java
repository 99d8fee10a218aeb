package nhssm.report.pdf;

import java.util.ArrayList;
import java.util.List;

import nhssm.report.document.Span;

import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Turns runs of Unicode text into words the fonts can draw and breaks them into lines.
 *
 * <p>Any run of characters the font lacks (emoji, scripts Liberation does not cover) becomes one visible
 * replacement character carrying the original text as ActualText, so nothing refers to the .notdef glyph
 * and assistive technology still reads what the respondent typed.
 */
final class TextLayout {

    /** A word to draw: its drawable text, its language (null = the enclosing one) and the text it stands for. */
    record Word(String text, String lang, String actualText, boolean spaceBefore, float width) {
        boolean sameRunAs(Word other) {
            return actualText == null && other.actualText == null && java.util.Objects.equals(lang, other.lang);
        }
    }

    /** A piece of one line drawn in one marked-content sequence: same language, same ActualText. */
    record Piece(String text, String lang, String actualText, float width) {
    }

    private final ReportFonts fonts;
    private final PDType0Font font;
    private final float size;

    TextLayout(ReportFonts fonts, PDType0Font font, float size) {
        this.fonts = fonts;
        this.font = font;
        this.size = size;
    }

    PDType0Font font() {
        return font;
    }

    /** The width of drawable text in this layout's font and size. */
    float width(String text) {
        return fonts.width(font, size, text);
    }

    /** Text safe to draw as it is (chart labels, running headers): undrawable runs become the replacement. */
    String drawable(String text) {
        StringBuilder out = new StringBuilder();
        boolean replacing = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                out.append(' ');
                replacing = false;
            } else if (fonts.canDraw(font, cp)) {
                out.appendCodePoint(cp);
                replacing = false;
            } else if (!replacing) {
                out.append(fonts.replacement);
                replacing = true;
            }
        }
        return out.toString();
    }

    /** Splits runs into words at white space, replacing undrawable runs of characters. */
    List<Word> words(List<Span> spans) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean spaceBefore = false;
        for (Span span : spans) {
            String text = span.text();
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                if (isSpace(cp)) {
                    flush(words, word, span.lang(), spaceBefore);
                    spaceBefore = true;
                    i += Character.charCount(cp);
                } else if (fonts.canDraw(font, cp)) {
                    word.appendCodePoint(cp);
                    i += Character.charCount(cp);
                } else {
                    if (flush(words, word, span.lang(), spaceBefore)) {
                        spaceBefore = false;
                    }
                    // One replacement for the whole run of undrawable characters (an emoji sequence with its joiners).
                    int start = i;
                    while (i < text.length()) {
                        int next = text.codePointAt(i);
                        if (isSpace(next) || fonts.canDraw(font, next)) {
                            break;
                        }
                        i += Character.charCount(next);
                    }
                    words.add(new Word(fonts.replacement, span.lang(), text.substring(start, i), spaceBefore,
                            width(fonts.replacement)));
                    spaceBefore = false;
                }
            }
            if (flush(words, word, span.lang(), spaceBefore)) {
                spaceBefore = false;
            }
        }
        return words;
    }

    private boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isISOControl(cp)
                || Character.isSpaceChar(cp) && !fonts.canDraw(font, cp);
    }

    /** Adds the pending word, if any; true when one was added. */
    private boolean flush(List<Word> words, StringBuilder word, String lang, boolean spaceBefore) {
        if (word.isEmpty()) {
            return false;
        }
        String text = word.toString();
        words.add(new Word(text, lang, null, spaceBefore, width(text)));
        word.setLength(0);
        return true;
    }

    /** Breaks words into lines no wider than maxWidth, splitting a word only when it alone is too wide. */
    List<List<Piece>> lines(List<Span> spans, float maxWidth) {
        List<List<Word>> lines = new ArrayList<>();
        List<Word> line = new ArrayList<>();
        float used = 0;
        float space = width(" ");
        for (Word word : words(spans)) {
            for (Word part : fit(word, maxWidth)) {
                float needed = (line.isEmpty() ? 0 : (part.spaceBefore() ? space : 0)) + part.width();
                if (!line.isEmpty() && used + needed > maxWidth) {
                    lines.add(line);
                    line = new ArrayList<>();
                    used = 0;
                    needed = part.width();
                }
                line.add(part);
                used += needed;
            }
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines.stream().map(this::pieces).toList();
    }

    /** A word as it is, or cut into parts that each fit the line. */
    private List<Word> fit(Word word, float maxWidth) {
        if (word.width() <= maxWidth || word.actualText() != null) {
            return List.of(word);
        }
        List<Word> parts = new ArrayList<>();
        String text = word.text();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String candidate = part.toString() + Character.toString(cp);
            if (!part.isEmpty() && width(candidate) > maxWidth) {
                parts.add(new Word(part.toString(), word.lang(), null, parts.isEmpty() && word.spaceBefore(),
                        width(part.toString())));
                part.setLength(0);
            }
            part.appendCodePoint(cp);
        }
        parts.add(new Word(part.toString(), word.lang(), null, parts.isEmpty() && word.spaceBefore(),
                width(part.toString())));
        return parts;
    }

    /** Groups a line's words into pieces of one language and ActualText. */
    private List<Piece> pieces(List<Word> line) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Word first = null;
        Word previous = null;
        for (Word word : line) {
            if (previous != null && !word.sameRunAs(previous)) {
                pieces.add(piece(text, first));
                text.setLength(0);
                first = null;
            }
            if (first == null) {
                first = word;
            }
            // A space between words belongs to the piece of the word after it, except at the start of a line.
            if (word.spaceBefore() && previous != null) {
                text.append(' ');
            }
            text.append(word.text());
            previous = word;
        }
        if (first != null) {
            pieces.add(piece(text, first));
        }
        return pieces;
    }

    private Piece piece(StringBuilder text, Word first) {
        String drawn = text.toString();
        String actual = first.actualText() == null ? null
                : (drawn.startsWith(" ") ? " " : "") + first.actualText();
        return new Piece(drawn, first.lang(), actual, width(drawn));
    }
}
