package nhssm.collect;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nhssm.http.Excerpt;
import nhssm.http.HttpRequest;
import nhssm.http.Json;
import nhssm.http.Problem;
import nhssm.http.Utf8;

/** The small JSON bodies of the token routes (an invitation, a revocation): size, media type, syntax. */
final class JsonBodies {

    private JsonBodies() {
    }

    /** What reading a body gave: the JSON (null for an empty body where that is allowed), or the refusal. */
    sealed interface Read {
        record Body(JsonNode json) implements Read {
        }

        record Refused(Problem problem) implements Read {
        }
    }

    static Read read(HttpRequest request, boolean emptyAllowed) {
        if (emptyAllowed && request.body().length == 0) {
            return new Read.Body(null);
        }
        if (request.body().length > Problems.MAX_BODY_BYTES) {
            return new Read.Refused(Problems.tooLarge());
        }
        if (!request.contentType().map(t -> t.is(Submission.JSON) && t.isUtf8()).orElse(false)) {
            return new Read.Refused(Problems.unsupportedMediaType(List.of(Submission.JSON)));
        }
        try {
            return new Read.Body(Json.MAPPER.readTree(Utf8.decode(request.body(), "The JSON body")));
        } catch (JacksonException e) {
            return new Read.Refused(Problem.malformed("The body is not valid JSON (" + Excerpt.of(e.getOriginalMessage()) + ")."));
        }
    }
}
