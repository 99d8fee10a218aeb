package nhssm.core.response;

import java.math.BigDecimal;
import java.util.List;

/** One validated answer, typed by what the question accepts. */
public sealed interface Answer {

    /** The answer as a form sends it: one text value per chosen code, or the number or text as typed. */
    default List<String> formValues() {
        return switch (this) {
            case Code c -> List.of(c.code());
            case Codes c -> c.codes();
            case WholeNumber w -> List.of(Long.toString(w.value()));
            case DecimalNumber d -> List.of(d.value().toPlainString());
            case ScalePoint p -> List.of(Integer.toString(p.value()));
            case Text t -> List.of(t.text());
        };
    }

    /** A single code: single choice, yes/no, or a likert extra such as DONT_KNOW. */
    record Code(String code) implements Answer {
    }

    /** The chosen codes of a multiple-choice question, in definition order, never empty. */
    record Codes(List<String> codes) implements Answer {
        public Codes {
            codes = List.copyOf(codes);
        }
    }

    record WholeNumber(long value) implements Answer {
    }

    /** Kept as a BigDecimal without trailing zeros (2.50 is stored as 2.5, 2.0 as 2). */
    record DecimalNumber(BigDecimal value) implements Answer {
    }

    /** A point on a likert scale. */
    record ScalePoint(int value) implements Answer {
    }

    /** Free text exactly as typed. */
    record Text(String text) implements Answer {
    }
}
