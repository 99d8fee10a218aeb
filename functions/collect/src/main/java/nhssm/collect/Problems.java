package nhssm.collect;

import java.util.List;
import java.util.Map;
import nhssm.core.survey.RoundWindow;
import nhssm.http.Excerpt;
import nhssm.http.Problem;

/** The collect function's refusals, each with a type documented in docs/API.md and a message that says what would be accepted. */
final class Problems {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private Problems() {
    }

    static Problem invalidFields(List<FieldError> errors) {
        return Problem.of(422, "invalid-answers", "Some answers need correcting",
                        errors.size() == 1 ? "1 answer needs correcting." : errors.size() + " answers need correcting.")
                .with("errors", errors.stream().map(FieldError::toJson).toList());
    }

    /** A 401 whose {@code reason} says why: missing, unknown, expired, replaced, withdrawn, … (docs/API.md). */
    static Problem unauthenticated(Caller.Reason reason, String detail) {
        return Problem.of(401, "unauthenticated", "A valid token is needed", detail).with("reason", reason.code());
    }

    static Problem limitReached(String detail, int limit) {
        return Problem.of(403, "limit-reached", "No more responses can be created here", detail).with("limit", limit);
    }

    static Problem forbidden(String detail) {
        return Problem.of(403, "forbidden", "This token does not allow that", detail);
    }

    static Problem roundClosed(String round, RoundWindow window) {
        return Problem.of(403, "round-closed", "The " + round + " round is not accepting responses",
                        "Responses for round " + round + " are accepted from " + window.opensAt()
                                + " until " + window.closesAt() + " (UTC).")
                .with("opensAt", window.opensAt().toString())
                .with("closesAt", window.closesAt().toString());
    }

    static Problem unknownRound(String round) {
        return Problem.of(404, "not-found", "Not found", "There is no survey round '" + Excerpt.of(round) + "'.");
    }

    static Problem notFound(String detail) {
        return Problem.of(404, "not-found", "Not found", detail);
    }

    static Problem officialExists(String round, String existingId) {
        return Problem.of(409, "official-return-exists", "Your trust already has an official return",
                        "Each trust has one official return per round. Edit the existing one with "
                                + "PUT " + ResponseLocation.of(round, existingId) + ".")
                .with("existingId", existingId)
                .with("existingLocation", ResponseLocation.of(round, existingId));
    }

    static Problem staleVersion(long current) {
        return Problem.of(412, "stale-version", "The response has changed since you read it",
                        "The response is now at version " + current
                                + ". Read it again, reapply your changes, and send If-Match: \"" + current + "\".")
                .with("currentVersion", current);
    }

    static Problem versionRequired() {
        return Problem.of(428, "version-required", "Say which version you are replacing",
                "Send an If-Match header with the version you read, for example If-Match: \"1\".");
    }

    static Problem idempotencyKeyReused() {
        return Problem.of(422, "idempotency-key-reused", "That Idempotency-Key was used for another request",
                "An Idempotency-Key identifies one request. Send a new key for a different request.");
    }

    static Problem tooLarge() {
        return Problem.of(413, "body-too-large", "The request body is too large",
                "Send at most " + MAX_BODY_BYTES / 1024 + " KB.");
    }

    static Problem unsupportedMediaType(List<String> accepted) {
        return Problem.of(415, "unsupported-media-type", "That content type is not accepted",
                        "Send the body as " + String.join(" or ", accepted) + ", in UTF-8.")
                .with("accepted", accepted);
    }

    static Problem unavailable() {
        return Problem.unavailable("Nothing was saved. Please try again in a few seconds.");
    }

    static Problem internal(String requestId) {
        return Problem.internal("Nothing was saved. If it happens again, quote the request id.", requestId);
    }

    /**
     * One refused field: a question id or a body member such as {@code status}. The value is repeated as an
     * {@link Excerpt}, and so is the field's name, which the sender chose too.
     */
    record FieldError(String field, String value, String message) {
        Map<String, Object> toJson() {
            return value == null
                    ? Map.of("field", Excerpt.of(field), "message", message)
                    : Map.of("field", Excerpt.of(field), "value", Excerpt.of(value), "message", message);
        }
    }
}
