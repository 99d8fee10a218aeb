package nhssm.collect.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nhssm.core.response.Answers;

/**
 * What the form shows in each field: the values a person typed or chose, keyed by question id, exactly as
 * they were sent (so a refused value comes back for correcting), or the stored answers when resuming.
 */
public record FormValues(Map<String, List<String>> byQuestion) {

    public static final FormValues EMPTY = new FormValues(Map.of());

    public FormValues {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byQuestion.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byQuestion = Map.copyOf(copy);
    }

    public static FormValues of(Answers answers) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        answers.byQuestion().forEach((id, answer) -> values.put(id, answer.formValues()));
        return new FormValues(values);
    }

    public List<String> get(String questionId) {
        return byQuestion.getOrDefault(questionId, List.of());
    }

    /** The first value given, or empty text: what a text input shows. */
    public String text(String questionId) {
        List<String> values = get(questionId);
        return values.isEmpty() ? "" : values.getFirst();
    }

    public boolean has(String questionId, String code) {
        return get(questionId).contains(code);
    }

    /** Whether any value was given for the question. */
    public boolean answered(String questionId) {
        return get(questionId).stream().anyMatch(v -> !v.isEmpty());
    }
}
