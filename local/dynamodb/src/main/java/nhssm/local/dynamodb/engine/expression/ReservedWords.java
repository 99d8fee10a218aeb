package nhssm.local.dynamodb.engine.expression;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** DynamoDB's reserved words, which an expression may not use as bare attribute names (the Developer Guide's list). */
final class ReservedWords {

    private static final Set<String> WORDS = load();

    private ReservedWords() {
    }

    /** The list is case-insensitive. */
    static boolean contains(String word) {
        return WORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (InputStream in = ReservedWords.class.getResourceAsStream("reserved-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("reserved-words.txt missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return Set.of(text.trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
