package nhssm.collect;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import nhssm.collect.Problems.FieldError;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.CreateResult;
import nhssm.core.store.IdempotencyRecord;
import nhssm.core.store.IndividualQuota;
import nhssm.core.store.ReplaceResult;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoredResponse;
import nhssm.core.store.SurveyStore;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.token.Sha256;
import nhssm.core.token.TokenHash;
import nhssm.core.token.TokenSecret;
import nhssm.core.validation.Validation;
import nhssm.core.validation.ValidationResult;
import nhssm.http.Excerpt;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;
import nhssm.http.Problem;

/**
 * Creating, reading and replacing one's own responses. A lead token owns its trust's single official
 * return. An individual response belongs to its writer, not to every holder of the staff link: it is read
 * and changed with the staff token and the writer's own {@link WriterSecret}.
 */
final class Responses {

    /** How long a retry with the same Idempotency-Key is answered from the record. */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private final SurveyStore store;
    private final Clock clock;
    private final SecureRandom random;

    Responses(SurveyStore store, Clock clock, SecureRandom random) {
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    HttpResponse create(HttpRequest request, SurveyDefinition definition, Caller.Respondent caller) {
        Instant now = clock.instant();
        Optional<String> idempotencyKey = request.header("idempotency-key");
        if (idempotencyKey.isPresent() && !idempotencyKey.get().matches("[\\x21-\\x7e]{1,255}")) {
            return Problem.malformed("An Idempotency-Key is 1 to 255 visible ASCII characters, "
                    + "for example a UUID.").toResponse();
        }
        ResponseKind kind = caller.grant().scope().responseKind();
        Optional<String> sentSecret = request.header(WriterSecret.HEADER);
        if (sentSecret.isPresent() && !WriterSecret.isWellFormed(sentSecret.get())) {
            return Problem.malformed(WriterSecret.FORM).toResponse();
        }
        if (kind == ResponseKind.INDIVIDUAL && idempotencyKey.isPresent() && sentSecret.isEmpty()) {
            // Two people with the same staff link and the same key must never meet: the key is the writer's.
            return Problem.malformed("With a staff link, send your own " + WriterSecret.HEADER
                    + " with an Idempotency-Key, so that a retry finds your response and nobody else's. "
                    + WriterSecret.FORM).toResponse();
        }
        Optional<TokenHash> sentWriter = kind == ResponseKind.INDIVIDUAL
                ? sentSecret.map(TokenHash::of)
                : Optional.empty();
        Optional<String> keyHash = idempotencyKey.map(k -> Sha256.hex(caller.grant().hash().hex() + "\n"
                + sentWriter.map(TokenHash::hex).orElse("") + "\n" + k));
        String fingerprint = fingerprint(request);
        // A retry is answered from the record even after the window closed or the rules changed.
        Optional<IdempotencyRecord> earlier = keyHash.flatMap(store::findIdempotency);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint);
        }
        if (!definition.window().isOpenAt(now)) {
            return Problems.roundClosed(definition.round(), definition.window()).toResponse();
        }
        Accepted accepted = accept(request, definition, kind);
        if (accepted.refusal() != null) {
            return accepted.refusal().toResponse();
        }
        // A writer who sent no secret of their own gets one made here, returned once in the body.
        Optional<String> madeSecret = kind == ResponseKind.INDIVIDUAL && sentSecret.isEmpty()
                ? Optional.of(TokenSecret.generate(random).value())
                : Optional.empty();
        Optional<TokenHash> writer = madeSecret.map(TokenHash::of).or(() -> sentWriter);
        ResponseKey key = new ResponseKey(definition.round(), caller.trust().odsCode(), UUID.randomUUID().toString());
        StoredResponse first = StoredResponse.first(key, kind, accepted.status(), definition.definitionVersion(),
                accepted.answers(), now);
        StoredResponse response = writer.map(first::writtenBy).orElse(first);
        String location = ResponseLocation.of(key.round(), key.id());
        String body = ResponseJson.encode(response, caller.trust());
        Optional<IdempotencyRecord> record = keyHash.map(hash ->
                new IdempotencyRecord(hash, fingerprint, 201, location, body, now.plus(IDEMPOTENCY_WINDOW)));
        Optional<IndividualQuota> quota = kind == ResponseKind.INDIVIDUAL
                ? Optional.of(new IndividualQuota(caller.grant().hash(),
                        definition.limits().individualResponsesPerStaffLink(),
                        definition.limits().individualResponsesPerTrust()))
                : Optional.empty();
        return switch (store.create(response, record, quota)) {
            case CreateResult.Created c -> madeSecret
                    .map(secret -> created(location, ResponseJson.withSecret(body, secret), response)
                            // The secret is in this body and nowhere else: no cache may keep it.
                            .withHeader("cache-control", "no-store"))
                    .orElseGet(() -> created(location, body, response));
            case CreateResult.AlreadyDone done -> replay(done.original(), fingerprint);
            case CreateResult.OfficialExists exists -> Problems.officialExists(key.round(), exists.existingId()).toResponse();
            case CreateResult.LimitReached limit -> limitReached(limit, caller).toResponse();
        };
    }

    HttpResponse read(HttpRequest request, SurveyDefinition definition, Caller.Respondent caller, String id) {
        return own(request, definition, caller, id)
                .map(r -> HttpResponse.json(200, ResponseJson.encode(r, caller.trust()))
                        .withHeader("etag", ResponseJson.etag(r))
                        .withHeader("cache-control", "no-store"))
                .orElseGet(() -> notFound(id).toResponse());
    }

    HttpResponse replace(HttpRequest request, SurveyDefinition definition, Caller.Respondent caller, String id) {
        Instant now = clock.instant();
        if (!definition.window().isOpenAt(now)) {
            return Problems.roundClosed(definition.round(), definition.window()).toResponse();
        }
        Optional<String> ifMatch = request.header("if-match");
        if (ifMatch.isEmpty()) {
            return Problems.versionRequired().toResponse();
        }
        OptionalLong expected = version(ifMatch.get());
        if (expected.isEmpty()) {
            return Problem.malformed("If-Match must be the version you read, for example \"3\".").toResponse();
        }
        Optional<StoredResponse> current = own(request, definition, caller, id);
        if (current.isEmpty()) {
            return notFound(id).toResponse();
        }
        Accepted accepted = accept(request, definition, current.get().kind());
        if (accepted.refusal() != null) {
            return accepted.refusal().toResponse();
        }
        if (current.get().version() != expected.getAsLong()) {
            return Problems.staleVersion(current.get().version()).toResponse();
        }
        if (current.get().status() == ResponseStatus.SUBMITTED && accepted.status() == ResponseStatus.DRAFT) {
            return Problems.invalidFields(List.of(new FieldError(Submission.STATUS, "DRAFT",
                    "This response has been submitted. Send your changes with SUBMITTED."))).toResponse();
        }
        StoredResponse next = current.get().revise(accepted.status(), accepted.answers(),
                definition.definitionVersion(), now);
        return switch (store.replace(next, expected.getAsLong())) {
            case ReplaceResult.Replaced r -> HttpResponse.json(200, ResponseJson.encode(r.response(), caller.trust()))
                    .withHeader("etag", ResponseJson.etag(r.response()));
            case ReplaceResult.StaleVersion s -> Problems.staleVersion(s.current().version()).toResponse();
            case ReplaceResult.NotFound n -> notFound(id).toResponse();
        };
    }

    /**
     * The response, if it belongs to the caller's trust, is of the kind the caller's token owns, and, for an
     * individual response, was written by the holder of the {@link WriterSecret} sent.
     */
    private Optional<StoredResponse> own(HttpRequest request, SurveyDefinition definition, Caller.Respondent caller,
            String id) {
        if (!id.matches("[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        Optional<TokenHash> writer = request.header(WriterSecret.HEADER).map(TokenHash::of);
        return store.find(new ResponseKey(definition.round(), caller.trust().odsCode(), id))
                .filter(r -> r.kind() == caller.grant().scope().responseKind())
                .filter(r -> r.kind() == ResponseKind.OFFICIAL || r.isWrittenBy(writer));
    }

    static Problem limitReached(CreateResult.LimitReached limit, Caller.Respondent caller) {
        return switch (limit.limit()) {
            case PER_STAFF_LINK -> Problems.limitReached("This staff link has created " + limit.max()
                    + " individual responses, as many as one link may. Ask your trust's lead for another staff link.",
                    limit.max());
            case PER_TRUST -> Problems.limitReached(caller.trust().odsCode() + " has " + limit.max()
                    + " individual responses this round, as many as a trust may. Nothing more can be added.",
                    limit.max());
        };
    }

    private record Accepted(ResponseStatus status, Answers answers, Problem refusal) {
    }

    private static Accepted accept(HttpRequest request, SurveyDefinition definition, ResponseKind kind) {
        return switch (Submission.decode(request)) {
            case Submission.Refused r -> new Accepted(null, null, r.problem());
            case Submission.Decoded d -> switch (Validation.validate(definition, kind, d.status(), d.answers())) {
                case ValidationResult.Accepted a -> new Accepted(d.status(), a.answers(), null);
                case ValidationResult.Rejected r -> new Accepted(null, null, Problems.invalidFields(r.errors().stream()
                        .map(e -> new FieldError(e.question(), e.value(), e.message()))
                        .toList()));
            };
        };
    }

    private static HttpResponse created(String location, String body, StoredResponse response) {
        return HttpResponse.json(201, body)
                .withHeader("location", location)
                .withHeader("etag", ResponseJson.etag(response));
    }

    private static HttpResponse replay(IdempotencyRecord record, String fingerprint) {
        if (!record.fingerprint().equals(fingerprint)) {
            return Problems.idempotencyKeyReused().toResponse();
        }
        return HttpResponse.json(record.statusCode(), record.body())
                .withHeader("location", record.location())
                .withHeader("idempotent-replayed", "true");
    }

    /** What makes two requests the same request: route, content type and body. */
    private static String fingerprint(HttpRequest request) {
        return Sha256.hex(request.method() + " " + request.rawPath() + "\n"
                + request.header("content-type").orElse("") + "\n"
                + Base64.getEncoder().encodeToString(request.body()));
    }

    private static OptionalLong version(String ifMatch) {
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return versionNumber(v);
    }

    /** A version as digits ("3"), as a response's ETag and the survey form's hidden field carry it. */
    static OptionalLong versionNumber(String digits) {
        return digits != null && digits.matches("[1-9][0-9]{0,17}")
                ? OptionalLong.of(Long.parseLong(digits))
                : OptionalLong.empty();
    }

    private static Problem notFound(String id) {
        return Problems.notFound("There is no response '" + Excerpt.of(id) + "' that this token can read. An individual "
                + "response is read with the " + WriterSecret.HEADER + " its writer was given or sent when creating it.");
    }
}
