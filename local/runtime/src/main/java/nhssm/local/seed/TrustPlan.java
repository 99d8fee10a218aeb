package nhssm.local.seed;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nhssm.core.response.RawAnswers;
import nhssm.core.trust.Trust;

/**
 * What the synthetic census does for one trust: whether it responds, its official return (submitted,
 * or a draft its lead never submitted) and its individual staff responses.
 *
 * @param official    the official return's answers; null when the trust does not respond
 * @param individuals each individual response's answers (the status is part of {@link Answered})
 */
public record TrustPlan(Trust trust, Answered official, List<Answered> individuals) {

    public boolean responds() {
        return official != null;
    }

    /** A response to send: its status and its answers as the JSON API takes them. */
    public record Answered(String status, Map<String, Object> answers) {

        /** The answers as a form would send them: every value as text, decimals in plain notation. */
        public RawAnswers raw() {
            Map<String, List<String>> raw = new LinkedHashMap<>();
            answers.forEach((question, value) -> raw.put(question, value instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : List.of(value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value))));
            return RawAnswers.of(raw);
        }
    }
}
