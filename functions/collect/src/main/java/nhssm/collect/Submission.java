package nhssm.collect;

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
        return SubmissionJson.read(Utf8.decode(body, "The JSON body"));
    }

    /** The status named by {@code value}; otherwise null, and an error repeating {@code value} or {@code badValue}. */
    static ResponseStatus status(String value, String badValue, List<FieldError> errors) {
        Optional<ResponseStatus> named = ResponseStatus.named(value);
        if (named.isPresent()) {
            return named.get();
        }
        errors.add(new FieldError(STATUS, value != null ? value : badValue,
                "Say DRAFT to save without submitting, or SUBMITTED to submit."));
        return null;
    }
}
