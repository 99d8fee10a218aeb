package nhssm.core.response;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers as a client sent them, before validation: each field's values as text, in the order
 * received. A form and a JSON body both decode to this, so both are validated by the same rules.
 * Empty values are dropped at decoding: an empty field means "not answered".
 */
public record RawAnswers(Map<String, List<String>> values) {

    public RawAnswers {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        values = Collections.unmodifiableMap(copy);
    }

    public static RawAnswers of(Map<String, List<String>> values) {
        return new RawAnswers(values);
    }
}
