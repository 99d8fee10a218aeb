package nhssm.collect;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.collect.Problems.FieldError;
import nhssm.core.response.RawAnswers;
import nhssm.core.response.ResponseStatus;
import nhssm.http.Excerpt;
import nhssm.http.Json;
import nhssm.http.JsonNumber;
import nhssm.http.Problem;

/**
 * A JSON response body, {@code {"status": …, "answers": {…}}}, read token by token so that a number is only ever
 * seen as the text it was sent as: its digits and exponent are checked ({@link JsonNumber}) before anything
 * expands it, and a number out of bounds is refused naming its question. Every value an error repeats is an
 * {@link Excerpt}.
 */
final class SubmissionJson {

    private SubmissionJson() {
    }

    static Submission read(String body) {
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            Submission read = read(parser, body);
            if (parser.nextToken() != null) {
                return malformed("There is more after the JSON object.");
            }
            return read;
        } catch (JacksonException e) {
            return malformed("The body is not valid JSON (" + Excerpt.of(e.getOriginalMessage()) + ").");
        } catch (IOException e) {
            throw new IllegalStateException("a parser over a string has no I/O to fail", e);
        }
    }

    private static Submission read(JsonParser parser, String body) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return malformed("The body must be a JSON object with \"status\" and \"answers\".");
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<String> status = Optional.empty();
        String badStatus = null;
        Map<String, List<String>> answers = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case Submission.STATUS -> {
                    if (value == JsonToken.VALUE_STRING) {
                        status = Optional.of(parser.getText());
                    } else {
                        badStatus = raw(parser, body);
                    }
                }
                case "answers" -> {
                    if (value == JsonToken.START_OBJECT) {
                        answers(parser, body, answers, errors);
                    } else {
                        parser.skipChildren();
                        errors.add(new FieldError("answers", null, "Send answers as an object keyed by question id."));
                    }
                }
                default -> {
                    parser.skipChildren();
                    errors.add(new FieldError(name, null,
                            "Unknown member. A response body has only \"status\" and \"answers\"."));
                }
            }
        }
        ResponseStatus named = Submission.status(status.orElse(null), badStatus, errors);
        return errors.isEmpty()
                ? new Submission.Decoded(named, RawAnswers.of(answers))
                : new Submission.Refused(Problems.invalidFields(errors));
    }

    /** The members of {@code answers}: text, a number, or a list of them; null and empty text mean "not answered". */
    private static void answers(JsonParser parser, String body, Map<String, List<String>> answers,
            List<FieldError> errors) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String question = parser.currentName();
            JsonToken token = parser.nextToken();
            List<String> values = new ArrayList<>();
            boolean read = token == JsonToken.START_ARRAY
                    ? items(parser, body, question, values, errors)
                    : item(parser, body, question, values, errors);
            if (read && !values.isEmpty()) {
                answers.put(question, values);
            }
        }
    }

    /** The items of a list, up to the first that is refused (the rest of the list is skipped). */
    private static boolean items(JsonParser parser, String body, String question, List<String> values,
            List<FieldError> errors) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (!item(parser, body, question, values, errors)) {
                skipRest(parser);
                return false;
            }
        }
        return true;
    }

    /** One value at the parser's current token; false (and an error) when it is not text, a number or null. */
    private static boolean item(JsonParser parser, String body, String question, List<String> values,
            List<FieldError> errors) throws IOException {
        switch (parser.currentToken()) {
            case VALUE_STRING -> {
                if (!parser.getText().isEmpty()) {
                    values.add(parser.getText());
                }
                return true;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                // The text as sent: no BigDecimal or BigInteger is made until its bounds are known to hold.
                String text = parser.getText();
                Optional<String> plain = JsonNumber.plain(text);
                if (plain.isEmpty()) {
                    errors.add(new FieldError(question, text, "Send " + JsonNumber.BOUNDS
                            + "; this one is outside the range of every question."));
                    return false;
                }
                values.add(plain.get());
                return true;
            }
            case VALUE_NULL -> {
                return true;
            }
            default -> {
                errors.add(new FieldError(question, raw(parser, body), "Send an answer as text, a number, or a list of them."));
                return false;
            }
        }
    }

    /** Skips the items left in the list, after one that was read whole (nested lists and objects included). */
    private static void skipRest(JsonParser parser) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
        }
    }

    /** The text of the value at the parser's current token (skipping its children), as sent. */
    private static String raw(JsonParser parser, String body) throws IOException {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getCharOffset();
        return start >= 0 && end >= start && end <= body.length() ? body.substring(start, end) : parser.getText();
    }

    private static Submission malformed(String detail) {
        return new Submission.Refused(Problem.malformed(detail));
    }
}
