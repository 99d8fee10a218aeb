package nhssm.report.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nhssm.report.document.Span;

/**
 * Marks the Welsh sentences of a respondent's text, so that a screen reader speaks them in Welsh
 * (PDF/UA: passages in another language are marked). The check is deliberately cheap: a sentence is Welsh
 * when it has a letter only Welsh uses (ŵ, ŷ) or more common Welsh words than common English ones. A
 * sentence it cannot decide stays in the document's language; no text is ever changed or dropped.
 */
public final class WelshPassages {

    /** The BCP 47 tag of Welsh. */
    public static final String WELSH = "cy";

    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]*(?:[.!?]+|\\n|$)\\s*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}'’]+");

    /** Frequent Welsh words that are not also English words. */
    private static final Set<String> WELSH_WORDS = Set.of("yn", "yr", "ac", "mae", "roedd", "ein", "eich", "gyda",
            "wedi", "bod", "hefyd", "iawn", "ond", "fel", "ar", "i'r", "a'r", "o'r", "y", "ni", "chi", "eu", "ei",
            "sydd", "oedd", "hyn", "hwn", "hon", "gan", "drwy", "trwy", "ymddiriedolaeth", "cyfryngau",
            "cymdeithasol", "cymraeg", "gymraeg", "iechyd", "cleifion", "gwasanaeth", "gwasanaethau", "diolch",
            "bob", "dydd", "wnaeth", "helpu", "pobl", "cymuned", "gymuned");

    /** Frequent English words. */
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "of", "to", "is", "was", "we", "our",
            "with", "for", "it", "that", "in", "on", "this", "were", "are", "by", "from", "has", "have");

    private WelshPassages() {
    }

    /**
     * {@code text} as runs: consecutive Welsh sentences in one run marked {@value #WELSH}, everything else in
     * the document's language. The runs join back to exactly {@code text}.
     */
    public static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean runWelsh = false;
        Matcher sentences = SENTENCE.matcher(text);
        int at = 0;
        while (at < text.length() && sentences.find(at)) {
            String sentence = sentences.group();
            if (sentence.isEmpty()) {
                break;
            }
            boolean welsh = isWelsh(sentence);
            if (welsh != runWelsh && !run.isEmpty()) {
                spans.add(span(run.toString(), runWelsh));
                run.setLength(0);
            }
            runWelsh = welsh;
            run.append(sentence);
            at = sentences.end();
        }
        if (at < text.length()) {
            run.append(text, at, text.length());
        }
        if (!run.isEmpty() || spans.isEmpty()) {
            spans.add(span(run.toString(), runWelsh));
        }
        return List.copyOf(spans);
    }

    /** Whether one sentence reads as Welsh. */
    static boolean isWelsh(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        if (lower.indexOf('ŵ') >= 0 || lower.indexOf('ŷ') >= 0) {
            return true;
        }
        int welsh = 0;
        int english = 0;
        Matcher words = WORD.matcher(lower);
        while (words.find()) {
            String word = words.group().replace('’', '\'');
            if (WELSH_WORDS.contains(word)) {
                welsh++;
            }
            if (ENGLISH_WORDS.contains(word)) {
                english++;
            }
        }
        return welsh >= 2 && welsh > english;
    }

    private static Span span(String text, boolean welsh) {
        return welsh ? Span.in(WELSH, text) : Span.of(text);
    }
}
