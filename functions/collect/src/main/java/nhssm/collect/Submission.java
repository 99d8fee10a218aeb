package nhssm.collect;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.collect.Problems.FieldError;
import nhssm.core.response.RawAnswers;
import nhssm.core.response.ResponseStatus;
import nhssm.http.FormBody;
import nhssm.http.HttpRequest;
import nhssm.http.Json;
import nhssm.http.MediaType;
import nhssm.http.Problem;
import nhssm.http.Utf8;

/**
 * A response body as a client sent it, decoded from JSON or from a form into the same shape:
 * the requested status and the raw answers. Validation of the answers comes after, in core.
 */
sealed interface Submission {

    String FORM = "application/x-www-form-urlencoded";
    String JSON = "application/json";
    String STATUS = "status";

    record Decoded(ResponseStatus status, RawAnswers answers) implements Submission {
    }

    record Refused(Problem problem) implements Submission {
    }

    static Submission decode(HttpRequest request) {
        if (request.body().length > Problems.MAX_BODY_BYTES) {
            return new Refused(Problems.tooLarge());
        }
        Optional<MediaType> type = request.contentType();
        if (type.isEmpty() || !type.get().isUtf8() || !(type.get().is(JSON) || type.get().is(FORM))) {
            return new Refused(Problems.unsupportedMediaType(List.of(JSON, FORM)));
        }
        return type.get().is(JSON) ? fromJson(request.body()) : fromForm(FormBody.parse(request.body()));
    }

    private static Submission fromForm(Map<String, List<String>> fields) {
        List<String> statusValues = fields.getOrDefault(STATUS, List.of());
        List<FieldError> errors = new ArrayList<>();
        ResponseStatus status = status(statusValues.size() == 1 ? statusValues.get(0) : null,
                statusValues.size() > 1 ? String.join(",", statusValues) : null, errors);
        return errors.isEmpty()
                ? new Decoded(status, formAnswers(fields))
                : new Refused(Problems.invalidFields(errors));
    }

    /** The answers of a form's fields: every field but the status, an empty field being an unanswered question. */
    static RawAnswers formAnswers(Map<String, List<String>> fields) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            // A browser sends every text input, empty or not.
            List<String> given = values.stream().filter(v -> !v.isEmpty()).toList();
            if (!name.equals(STATUS) && !given.isEmpty()) {
                answers.put(name, given);
            }
        });
        return RawAnswers.of(answers);
    }

    private static Submission fromJson(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Utf8.decode(body, "The JSON body"));
        } catch (JacksonException e) {
            return new Refused(Problem.malformed("The body is not valid JSON (" + e.getOriginalMessage() + ")."));
        }
        if (root == null || !root.isObject()) {
            return new Refused(Problem.malformed(
                    "The body must be a JSON object with \"status\" and \"answers\"."));
        }
        List<FieldError> errors = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!name.equals(STATUS) && !name.equals("answers")) {
                errors.add(new FieldError(name, null,
                        "Unknown member. A response body has only \"status\" and \"answers\"."));
            }
        });
        JsonNode statusNode = root.path(STATUS);
        ResponseStatus status = status(statusNode.isTextual() ? statusNode.asText() : null,
                statusNode.isMissingNode() || statusNode.isTextual() ? null : statusNode.toString(), errors);
        Map<String, List<String>> answers = new LinkedHashMap<>();
        JsonNode answersNode = root.path("answers");
        if (!answersNode.isMissingNode() && !answersNode.isObject()) {
            errors.add(new FieldError("answers", null, "Send answers as an object keyed by question id."));
        }
        answersNode.fields().forEachRemaining(e -> answerValues(e.getKey(), e.getValue(), errors)
                .filter(values -> !values.isEmpty())
                .ifPresent(values -> answers.put(e.getKey(), values)));
        return errors.isEmpty()
                ? new Decoded(status, RawAnswers.of(answers))
                : new Refused(Problems.invalidFields(errors));
    }

    /** Text, a number, or a list of them; null and empty text mean "not answered". */
    private static Optional<List<String>> answerValues(String question, JsonNode node, List<FieldError> errors) {
        List<String> values = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.elements().forEachRemaining(items::add);
        } else {
            items.add(node);
        }
        for (JsonNode item : items) {
            if (item.isTextual()) {
                if (!item.asText().isEmpty()) {
                    values.add(item.asText());
                }
            } else if (item.isNumber()) {
                values.add(item.isBigDecimal() ? item.decimalValue().toPlainString() : item.asText());
            } else if (!item.isNull()) {
                errors.add(new FieldError(question, item.toString(),
                        "Send an answer as text, a number, or a list of them."));
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    private static ResponseStatus status(String value, String badValue, List<FieldError> errors) {
        Optional<ResponseStatus> named = ResponseStatus.named(value);
        if (named.isPresent()) {
            return named.get();
        }
        errors.add(new FieldError(STATUS, value != null ? value : badValue,
                "Say DRAFT to save without submitting, or SUBMITTED to submit."));
        return null;
    }
}
