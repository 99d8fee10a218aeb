package nhssm.core.survey;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a question accepts. One record per question type of SURVEY.md; consumers switch over it exhaustively. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AnswerSpec.FromToken.class, name = "trust"),
    @JsonSubTypes.Type(value = AnswerSpec.Single.class, name = "single"),
    @JsonSubTypes.Type(value = AnswerSpec.Multiple.class, name = "multiple"),
    @JsonSubTypes.Type(value = AnswerSpec.WholeNumber.class, name = "integer"),
    @JsonSubTypes.Type(value = AnswerSpec.DecimalNumber.class, name = "decimal"),
    @JsonSubTypes.Type(value = AnswerSpec.Likert.class, name = "likert"),
    @JsonSubTypes.Type(value = AnswerSpec.YesNo.class, name = "yesno"),
    @JsonSubTypes.Type(value = AnswerSpec.FreeText.class, name = "text"),
})
public sealed interface AnswerSpec {

    /** The trust's ODS code: taken from the respondent's token, never typed. */
    record FromToken() implements AnswerSpec {
    }

    /** Exactly one of the codes. */
    record Single(List<Option> options) implements AnswerSpec {
        public Single {
            options = List.copyOf(options);
        }
    }

    /**
     * Any of the codes, at most {@code maxChoices} when given; an {@code exclusive} code
     * (NONE, NONE_YET, NOT_USED) cannot be combined with another.
     */
    record Multiple(List<Option> options, Integer maxChoices, List<String> exclusive) implements AnswerSpec {
        public Multiple {
            options = List.copyOf(options);
            exclusive = exclusive == null ? List.of() : List.copyOf(exclusive);
        }

        public Optional<Integer> limit() {
            return Optional.ofNullable(maxChoices);
        }
    }

    /** A whole number within [min, max], and at most the answer to {@code atMost} when that is given. */
    record WholeNumber(long min, long max, String atMost) implements AnswerSpec {
        public Optional<String> atMostQuestion() {
            return Optional.ofNullable(atMost);
        }
    }

    /** A decimal within [min, max] with at most {@code decimalPlaces} digits after the point. */
    record DecimalNumber(BigDecimal min, BigDecimal max, int decimalPlaces) implements AnswerSpec {
    }

    /**
     * A point on a scale from {@code min} to {@code max} (labelled at the points in {@code anchors}),
     * or one of the {@code extraOptions} such as DONT_KNOW or NOT_APPLICABLE.
     */
    record Likert(int min, int max, Map<String, String> anchors, List<Option> extraOptions) implements AnswerSpec {
        public Likert {
            anchors = anchors == null ? Map.of() : Map.copyOf(anchors);
            extraOptions = extraOptions == null ? List.of() : List.copyOf(extraOptions);
        }
    }

    /**
     * YES or NO. {@code defaultValue} is what the form preselects; {@code mustBeYesToSubmit} marks a
     * confirmation that a submitted response must give (Q44).
     */
    record YesNo(String defaultValue, boolean mustBeYesToSubmit) implements AnswerSpec {
        public static final List<Option> OPTIONS = List.of(new Option("YES", "Yes"), new Option("NO", "No"));
    }

    /**
     * Free text of at most {@code maxLength} characters (code points, not bytes). {@code format} may be
     * "email". {@code readers} says who may ever read it (the census team alone when not given); a text for
     * the {@link Readership#PUBLIC public} is published only when the same response answers YES to
     * {@code consentQuestion}, a yes/no question.
     */
    record FreeText(int maxLength, String format, Readership readers, String consentQuestion)
            implements AnswerSpec {
        public FreeText {
            readers = readers == null ? Readership.CENSUS_TEAM : readers;
        }

        public Optional<String> formatName() {
            return Optional.ofNullable(format);
        }

        /**
         * Whether an output for {@code reader} may show an answer to this question. {@code consented}: whether
         * the response that gave it answered YES to the consent question; only the public's outputs need it.
         */
        public boolean readableBy(Readership reader, boolean consented) {
            return readers.includes(reader) && (reader != Readership.PUBLIC || consented);
        }
    }
}
