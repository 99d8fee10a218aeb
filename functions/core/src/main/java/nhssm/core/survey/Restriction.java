package nhssm.core.survey;

import java.util.List;

/**
 * A condition on another question's answer: when {@code question} is answered with one of {@code in},
 * this question may only be absent or one of {@code allowed} (an empty list means it must be absent).
 */
public record Restriction(String question, List<String> in, List<String> allowed) {

    public Restriction {
        in = List.copyOf(in);
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }
}
