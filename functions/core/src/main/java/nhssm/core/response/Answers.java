package nhssm.core.response;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A response's validated answers keyed by question id; an absent key means "not answered". */
public record Answers(Map<String, Answer> byQuestion) {

    public static final Answers NONE = new Answers(Map.of());

    public Answers {
        byQuestion = Collections.unmodifiableMap(new LinkedHashMap<>(byQuestion));
    }

    public Optional<Answer> get(String questionId) {
        return Optional.ofNullable(byQuestion.get(questionId));
    }

    /** The single code answered to a question, if it was answered with one. */
    public Optional<String> code(String questionId) {
        return get(questionId).filter(Answer.Code.class::isInstance).map(a -> ((Answer.Code) a).code());
    }
}
