package nhssm.core.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nhssm.core.response.Answer;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Option;
import nhssm.core.survey.Question;

/** Reads one question's values by its answer type, on their own (rules between questions are in {@link Validation}). */
final class AnswerParser {

    /** ASCII digits only: Long.parseLong would also take other scripts' digits, which no form sends. */
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,19}");
    /** Plain notation: no exponent, no grouping, a point as decimal separator. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");
    /** Longer numbers are never in range; refusing them early keeps BigDecimal parsing cheap. */
    private static final int MAX_NUMBER_LENGTH = 40;

    private AnswerParser() {
    }

    /** {@code values} are the non-blank values sent for {@code question}, at least one. */
    static Parsed parse(Question question, List<String> values) {
        String id = question.id();
        return switch (question.answer()) {
            case AnswerSpec.FromToken t ->
                    invalid(id, Wording.joined(values), "The trust comes from your link and cannot be entered here");
            case AnswerSpec.Single s -> values.size() > 1
                    ? invalid(id, Wording.joined(values), "Choose only one answer")
                    : code(id, values.getFirst(), s.options(), "Choose one of: " + Wording.labels(s.options()));
            case AnswerSpec.YesNo y -> values.size() > 1
                    ? invalid(id, Wording.joined(values), "Choose only one answer: Yes or No")
                    : code(id, values.getFirst(), AnswerSpec.YesNo.OPTIONS, "Answer Yes or No");
            case AnswerSpec.Multiple m -> codes(id, values, m);
            case AnswerSpec.WholeNumber n -> values.size() > 1
                    ? invalid(id, Wording.joined(values), "Enter one number only")
                    : wholeNumber(id, values.getFirst(), n);
            case AnswerSpec.DecimalNumber d -> values.size() > 1
                    ? invalid(id, Wording.joined(values), "Enter one number only")
                    : decimalNumber(id, values.getFirst(), d);
            case AnswerSpec.Likert l -> values.size() > 1
                    ? invalid(id, Wording.joined(values), "Choose only one answer")
                    : likert(id, values.getFirst(), l);
            case AnswerSpec.FreeText t -> values.size() > 1
                    ? invalid(id, Wording.joined(values), "Send one answer only")
                    : text(id, values.getFirst(), t);
        };
    }

    private static Parsed code(String id, String value, List<Option> options, String message) {
        return options.stream().anyMatch(o -> o.code().equals(value))
                ? new Parsed.Valid(new Answer.Code(value))
                : invalid(id, value, message);
    }

    private static Parsed codes(String id, List<String> values, AnswerSpec.Multiple spec) {
        List<AnswerError> errors = new ArrayList<>();
        Set<String> chosen = new LinkedHashSet<>();
        Set<String> known = new LinkedHashSet<>();
        spec.options().forEach(o -> known.add(o.code()));
        for (String value : values) {
            if (known.contains(value)) {
                chosen.add(value);
            } else {
                errors.add(new AnswerError(id, value, "Choose only from: " + Wording.labels(spec.options())));
            }
        }
        for (String exclusive : spec.exclusive()) {
            if (chosen.contains(exclusive) && chosen.size() > 1) {
                errors.add(new AnswerError(id, Wording.joined(List.copyOf(chosen)),
                        "'" + Wording.labelOf(spec.options(), exclusive) + "' cannot be combined with other answers"));
            }
        }
        spec.limit().filter(max -> chosen.size() > max).ifPresent(max -> errors.add(new AnswerError(
                id, Wording.joined(List.copyOf(chosen)),
                "Choose at most " + max + " answers (you chose " + chosen.size() + ")")));
        if (!errors.isEmpty()) {
            return new Parsed.Invalid(errors);
        }
        // Stored in definition order, so equal choices are equal answers whatever order they were sent in.
        List<String> ordered = spec.options().stream().map(Option::code).filter(chosen::contains).toList();
        return new Parsed.Valid(new Answer.Codes(ordered));
    }

    private static Parsed wholeNumber(String id, String value, AnswerSpec.WholeNumber spec) {
        String message = "Enter a whole number from " + Wording.count(spec.min()) + " to " + Wording.count(spec.max());
        String text = value.strip();
        if (!WHOLE.matcher(text).matches()) {
            return invalid(id, value, message);
        }
        long number;
        try {
            number = Long.parseLong(text);
        } catch (NumberFormatException overflow) {
            return invalid(id, value, message);
        }
        return number < spec.min() || number > spec.max()
                ? invalid(id, value, message)
                : new Parsed.Valid(new Answer.WholeNumber(number));
    }

    private static Parsed decimalNumber(String id, String value, AnswerSpec.DecimalNumber spec) {
        String range = "Enter a number from " + Wording.decimal(spec.min()) + " to " + Wording.decimal(spec.max())
                + ", with " + Wording.places(spec.decimalPlaces());
        String text = value.strip();
        if (text.length() > MAX_NUMBER_LENGTH || !PLAIN_DECIMAL.matcher(text).matches()) {
            return invalid(id, value, range);
        }
        BigDecimal number = new BigDecimal(text).stripTrailingZeros();
        if (number.scale() < 0) {
            // 20 strips to 2E+1; store it as 20.
            number = number.setScale(0);
        }
        if (number.compareTo(spec.min()) < 0 || number.compareTo(spec.max()) > 0) {
            return invalid(id, value, range);
        }
        if (number.scale() > spec.decimalPlaces()) {
            return invalid(id, value, "Use " + Wording.places(spec.decimalPlaces()));
        }
        return new Parsed.Valid(new Answer.DecimalNumber(number));
    }

    private static Parsed likert(String id, String value, AnswerSpec.Likert spec) {
        String text = value.strip();
        if (WHOLE.matcher(text).matches() && text.length() <= 9) {
            int point = Integer.parseInt(text);
            if (point >= spec.min() && point <= spec.max()) {
                return new Parsed.Valid(new Answer.ScalePoint(point));
            }
        } else if (spec.extraOptions().stream().anyMatch(o -> o.code().equals(value))) {
            return new Parsed.Valid(new Answer.Code(value));
        }
        return invalid(id, value, "Choose a point " + Wording.scale(spec));
    }

    private static Parsed text(String id, String value, AnswerSpec.FreeText spec) {
        boolean email = spec.formatName().filter("email"::equals).isPresent();
        // Surrounding spaces in a pasted address are a slip, not part of it; other text is kept as typed.
        String text = FreeTextRules.normaliseNewlines(email ? value.strip() : value);
        List<AnswerError> errors = new ArrayList<>();
        FreeTextRules.problems(text, spec.maxLength()).forEach(p -> errors.add(new AnswerError(id, value, p)));
        if (email && errors.isEmpty() && !FreeTextRules.looksLikeEmail(text)) {
            errors.add(new AnswerError(id, value, "Enter an email address in the correct format, like name@nhs.net"));
        }
        return errors.isEmpty() ? new Parsed.Valid(new Answer.Text(text)) : new Parsed.Invalid(errors);
    }

    private static Parsed invalid(String id, String value, String message) {
        return new Parsed.Invalid(List.of(new AnswerError(id, value, message)));
    }
}
