package nhssm.collect;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import nhssm.collect.form.Banner;
import nhssm.collect.form.FormPage;
import nhssm.collect.form.FormValues;
import nhssm.collect.form.MessagePage;
import nhssm.collect.form.ReceiptPage;
import nhssm.core.response.Answers;
import nhssm.core.response.RawAnswers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.CreateResult;
import nhssm.core.store.IdempotencyRecord;
import nhssm.core.store.IndividualQuota;
import nhssm.core.store.ReplaceResult;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoreUnavailableException;
import nhssm.core.store.StoredResponse;
import nhssm.core.store.SurveyStore;
import nhssm.core.survey.Question;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.token.Sha256;
import nhssm.core.token.TokenHash;
import nhssm.core.token.TokenSecret;
import nhssm.core.trust.TrustName;
import nhssm.core.validation.AnswerError;
import nhssm.core.validation.Validation;
import nhssm.core.validation.ValidationResult;
import nhssm.http.Excerpt;
import nhssm.http.FormBody;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;

/**
 * The survey in a browser: the link that opens it, the form, its post, and the receipt. It works without
 * JavaScript, keeps every value typed when anything goes wrong, and saves through the same validation and
 * conditional writes as the JSON API.
 *
 * <p>The link is opened by {@link Arrival}, which sets the token cookie. A lead's page is the trust's single
 * official return; a staff link is shared by the trust's staff, so each browser's response is its own: written
 * under the browser's own secret and remembered in {@link FormCookies}.
 */
final class SurveyForm {

    static final String CSRF = "csrf";
    static final String VERSION = "version";
    static final String SUBMISSION = "submission";

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final SurveyStore store;
    private final Visitors visitors;
    private final Clock clock;
    private final SecureRandom random;

    SurveyForm(SurveyStore store, Visitors visitors, Clock clock, SecureRandom random) {
        this.store = store;
        this.visitors = visitors;
        this.clock = clock;
        this.random = random;
    }

    HttpResponse show(HttpRequest request, SurveyDefinition definition) {
        String nonce = SurveyPages.nonce(random);
        return visitors.with(request, definition, nonce, visitor -> {
            Optional<StoredResponse> current = current(request, definition, visitor);
            if (!definition.window().isOpenAt(clock.instant())) {
                return closed(definition, current, nonce);
            }
            List<Banner> banners = new ArrayList<>();
            current.ifPresent(c -> {
                if (c.status() == ResponseStatus.SUBMITTED) {
                    banners.add(new Banner("You are changing a submitted " + visitor.noun(), List.of(
                            "It was submitted on " + ReceiptPage.when(c.submittedAt())
                                    + ". Your changes count once you submit them."), false));
                } else if (request.queryParameter("saved").isPresent()) {
                    banners.add(new Banner("Your answers have been saved", List.of(
                            "You can close this page. To carry on, open your link again before the round closes at "
                                    + ReceiptPage.closing(definition.window()) + "."), false));
                }
            });
            FormValues values = current.map(c -> FormValues.of(c.answers())).orElse(FormValues.EMPTY);
            HttpResponse page = HtmlPages.page(200, FormPage.render(state(definition, visitor, values, List.of(),
                    banners, current, current.map(StoredResponse::version), Optional.empty()), nonce), nonce);
            // A staff browser is a writer before its first post, so that a retry of that post is the same writer's.
            return visitor.kind() == ResponseKind.INDIVIDUAL
                    ? page.withCookie(FormCookies.setWriter(definition.round(), FormCookies.writerSecret(request,
                            definition.round()).orElseGet(() -> TokenSecret.generate(random).value()),
                            visitors.cookieLife(visitor.respondent())))
                    : page;
        });
    }

    HttpResponse post(HttpRequest request, SurveyDefinition definition) {
        String nonce = SurveyPages.nonce(random);
        return visitors.with(request, definition, nonce, visitor -> {
            if (request.body().length > Problems.MAX_BODY_BYTES) {
                return HtmlPages.page(413, MessagePage.render("Your answers are too long to send", List.of(
                        "Nothing was saved. Go back, shorten your longest answers, and submit again."), nonce), nonce);
            }
            if (!request.contentType().map(t -> t.is(Submission.FORM)).orElse(false)) {
                return HtmlPages.page(415, MessagePage.render("This page only accepts the survey form", List.of(
                        "Nothing was saved. Open the survey from your link and submit the form there."), nonce), nonce);
            }
            Map<String, List<String>> fields = new LinkedHashMap<>(FormBody.parse(request.body()));
            String csrf = single(fields.remove(CSRF));
            String version = single(fields.remove(VERSION));
            String submission = single(fields.remove(SUBMISSION));
            List<String> statusSent = fields.getOrDefault(Submission.STATUS, List.of());
            FormValues typed = new FormValues(withoutStatus(fields));
            Optional<StoredResponse> current = current(request, definition, visitor);
            Optional<Long> shownVersion = version(version);

            if (SurveyPages.isCrossSite(request) || !FormToken.matches(csrf, visitor.token(), definition.round())) {
                return again(403, definition, visitor, typed, List.of(), new Banner("Nothing has been saved yet",
                        List.of("This page was opened with a different link, or from another site. Your answers "
                                + "are below as you typed them: check them and submit again."), true),
                        current, shownVersion, submission, nonce);
            }
            if (!definition.window().isOpenAt(clock.instant())) {
                return again(403, definition, visitor, typed, List.of(), new Banner("The survey has closed",
                        List.of("The " + definition.round() + " round closed at "
                                + ReceiptPage.closing(definition.window())
                                + ", so nothing can be saved. Your answers are below as you typed them."), true),
                        current, shownVersion, submission, nonce);
            }
            Optional<ResponseStatus> status = status(statusSent);
            if (status.isEmpty()) {
                return again(422, definition, visitor, typed, List.of(new AnswerError(Submission.STATUS,
                                String.join(", ", statusSent), "Choose Submit, or Save and come back later")),
                        null, current, shownVersion, submission, nonce);
            }
            RawAnswers raw = Submission.formAnswers(fields);
            return switch (Validation.validate(definition, visitor.kind(), status.get(), raw)) {
                case ValidationResult.Rejected r -> again(422, definition, visitor, typed, r.errors(), null,
                        current, shownVersion, submission, nonce);
                case ValidationResult.Accepted a -> {
                    try {
                        yield save(request, definition, visitor, status.get(), a.answers(), typed, current,
                                shownVersion, submission, nonce);
                    } catch (StoreUnavailableException e) {
                        yield again(503, definition, visitor, typed, List.of(), new Banner(
                                "Sorry, your answers could not be saved just now", List.of("Nothing was saved. "
                                        + "Your answers are below as you typed them: submit again in a few seconds."),
                                true), current, shownVersion, submission, nonce).withHeader("retry-after", "2");
                    }
                }
            };
        });
    }

    HttpResponse receipt(HttpRequest request, SurveyDefinition definition) {
        String nonce = SurveyPages.nonce(random);
        return visitors.with(request, definition, nonce, visitor -> {
            Optional<StoredResponse> submitted = current(request, definition, visitor)
                    .filter(r -> r.status() == ResponseStatus.SUBMITTED);
            if (submitted.isEmpty()) {
                return HtmlPages.redirect(path(definition));
            }
            StoredResponse response = submitted.get();
            String ods = visitor.respondent().trust().odsCode();
            boolean official = visitor.kind() == ResponseKind.OFFICIAL;
            ReceiptPage.Receipt receipt = new ReceiptPage.Receipt(definition, visitor.kind().audience(),
                    TrustName.displayed(visitor.respondent().trust().name()), ods, reference(response),
                    response.submittedAt(), response.updatedAt(), response.answers(),
                    official ? "/reports/" + definition.round() + "/trusts/" + ods : null,
                    definition.window().isOpenAt(clock.instant()), FormToken.of(visitor.token(), definition.round()));
            return HtmlPages.page(200, ReceiptPage.render(receipt, nonce), nonce);
        });
    }

    private HttpResponse save(HttpRequest request, SurveyDefinition definition, Visitor visitor,
            ResponseStatus status, Answers answers, FormValues typed, Optional<StoredResponse> current,
            Optional<Long> shownVersion, String submission, String nonce) {
        Instant now = clock.instant();
        Optional<String> writer = writer(request, definition, visitor, submission);
        if (current.isPresent()) {
            StoredResponse existing = current.get();
            if (shownVersion.isEmpty() || existing.version() != shownVersion.get()) {
                return changedMeanwhile(definition, visitor, status, answers, typed, existing, submission, nonce);
            }
            if (existing.status() == ResponseStatus.SUBMITTED && status == ResponseStatus.DRAFT) {
                return again(422, definition, visitor, typed, List.of(new AnswerError(Submission.STATUS, "DRAFT",
                                "This has been submitted already: submit your changes instead of saving them")),
                        null, current, shownVersion, submission, nonce);
            }
            StoredResponse next = existing.revise(status, answers, definition.definitionVersion(), now);
            return switch (store.replace(next, existing.version())) {
                case ReplaceResult.Replaced r -> saved(definition, visitor, r.response(), writer);
                case ReplaceResult.StaleVersion s ->
                        changedMeanwhile(definition, visitor, status, answers, typed, s.current(), submission, nonce);
                case ReplaceResult.NotFound n -> throw new IllegalStateException("a stored response never disappears");
            };
        }
        ResponseKey key = new ResponseKey(definition.round(), visitor.respondent().trust().odsCode(),
                UUID.randomUUID().toString());
        StoredResponse first = StoredResponse.first(key, visitor.kind(), status, definition.definitionVersion(),
                answers, now);
        StoredResponse response = writer.map(w -> first.writtenBy(TokenHash.of(w))).orElse(first);
        // The hidden submission id makes a retried post (a double click, a resend after a timeout) store once.
        Optional<IdempotencyRecord> record = Optional.ofNullable(submission)
                .filter(SurveyForm::isResponseId)
                .map(s -> new IdempotencyRecord(Sha256.hex(visitor.respondent().grant().hash().hex() + "\nform\n"
                        + writer.map(w -> TokenHash.of(w).hex()).orElse("") + "\n" + s),
                        Sha256.hex(new String(request.body(), StandardCharsets.ISO_8859_1)), 303,
                        ResponseLocation.of(key.round(), key.id()), key.id(), now.plus(Responses.IDEMPOTENCY_WINDOW)));
        Optional<IndividualQuota> quota = writer.map(w -> new IndividualQuota(visitor.respondent().grant().hash(),
                definition.limits().individualResponsesPerStaffLink(), definition.limits().individualResponsesPerTrust()));
        return switch (store.create(response, record, quota)) {
            case CreateResult.Created c -> saved(definition, visitor, response, writer);
            // The record's body is the id of the response the first post created.
            case CreateResult.AlreadyDone done -> store.find(sibling(key, done.original().body()))
                    .map(earlier -> saved(definition, visitor, earlier, writer))
                    .orElseThrow(() -> new IllegalStateException("an idempotency record names a stored response"));
            case CreateResult.OfficialExists exists -> store.find(sibling(key, exists.existingId()))
                    .map(existing -> changedMeanwhile(definition, visitor, status, answers, typed, existing,
                            submission, nonce))
                    .orElseThrow(() -> new IllegalStateException("an official claim names a stored response"));
            case CreateResult.LimitReached limit -> again(403, definition, visitor, typed, List.of(), new Banner(
                    "Nothing has been saved", List.of(Responses.limitReached(limit, visitor.respondent()).detail()), true),
                    current, shownVersion, submission, nonce);
        };
    }

    /**
     * A staff browser's writer secret: its cookie, made when the form was shown. Should the browser have lost
     * it, one is made from the page's submission id, so that a retry of this very post is still the same writer.
     */
    private Optional<String> writer(HttpRequest request, SurveyDefinition definition, Visitor visitor,
            String submission) {
        if (visitor.kind() != ResponseKind.INDIVIDUAL) {
            return Optional.empty();
        }
        return Optional.of(FormCookies.writerSecret(request, definition.round()).orElseGet(() -> isResponseId(submission)
                ? WriterSecret.forSubmission(submission, visitor.token())
                : TokenSecret.generate(random).value()));
    }

    private static ResponseKey sibling(ResponseKey key, String id) {
        return new ResponseKey(key.round(), key.odsCode(), id);
    }

    /** After a save: a draft returns to the form, a submission goes to its receipt; a staff browser keeps its id. */
    private HttpResponse saved(SurveyDefinition definition, Visitor visitor, StoredResponse response,
            Optional<String> writer) {
        HttpResponse redirect = HtmlPages.redirect(response.status() == ResponseStatus.SUBMITTED
                ? path(definition) + "/receipt"
                : path(definition) + "?saved=1");
        if (visitor.kind() == ResponseKind.INDIVIDUAL) {
            Duration life = visitors.cookieLife(visitor.respondent());
            redirect = redirect.withCookie(FormCookies.setResponse(definition.round(), response.key().id(), life));
            // The secret the response was written under is kept from now on, even one made from the submission id.
            redirect = redirect.withCookie(FormCookies.setWriter(definition.round(), writer.orElseThrow(), life));
        }
        return redirect;
    }

    /**
     * The response changed after this page was opened (another tab, a colleague with the lead's link). A
     * retry of what is already stored counts as saved; otherwise nothing is overwritten, and the form comes
     * back with what was typed, the questions whose saved answer differs, and the new version to replace.
     */
    private HttpResponse changedMeanwhile(SurveyDefinition definition, Visitor visitor, ResponseStatus status,
            Answers answers, FormValues typed, StoredResponse stored, String submission, String nonce) {
        if (stored.status() == status && stored.answers().equals(answers)) {
            return HtmlPages.redirect(status == ResponseStatus.SUBMITTED
                    ? path(definition) + "/receipt"
                    : path(definition) + "?saved=1");
        }
        List<String> differing = definition.answerableBy(visitor.kind().audience()).stream()
                .filter(q -> !stored.answers().get(q.id()).equals(answers.get(q.id())))
                .map(Question::shortLabel)
                .toList();
        List<String> lines = new ArrayList<>();
        lines.add("It was saved on " + ReceiptPage.when(stored.updatedAt())
                + ", after you opened this page. Nothing you typed has been saved yet: your answers are below "
                + "as you typed them.");
        if (!differing.isEmpty()) {
            lines.add("The saved version has different answers for: " + String.join("; ", differing) + ".");
        }
        lines.add("Check your answers, then submit to replace the saved version with yours.");
        return again(409, definition, visitor, typed, List.of(),
                new Banner("Your " + visitor.noun() + " was changed by someone else", lines, true),
                Optional.of(stored), Optional.of(stored.version()), submission, nonce);
    }

    /** The form again, with what was typed, the problems, and a banner: nothing typed is ever lost. */
    private HttpResponse again(int statusCode, SurveyDefinition definition, Visitor visitor, FormValues typed,
            List<AnswerError> errors, Banner banner, Optional<StoredResponse> current, Optional<Long> version,
            String submission, String nonce) {
        // The page's own submission id is kept, so fixing the errors and sending again still stores once.
        Optional<String> sameSubmission = Optional.ofNullable(submission).filter(SurveyForm::isResponseId);
        FormPage.State state = state(definition, visitor, typed, errors,
                banner == null ? List.of() : List.of(banner), current, version, sameSubmission);
        return HtmlPages.page(statusCode, FormPage.render(state, nonce), nonce);
    }

    /**
     * What the form shows; a response not yet stored gets a submission id for its post to be stored once
     * ({@code submission}, or a new one).
     */
    private FormPage.State state(SurveyDefinition definition, Visitor visitor, FormValues values,
            List<AnswerError> errors, List<Banner> banners, Optional<StoredResponse> current, Optional<Long> version,
            Optional<String> submission) {
        Map<String, String> hidden = new LinkedHashMap<>();
        hidden.put(CSRF, FormToken.of(visitor.token(), definition.round()));
        version.ifPresent(v -> hidden.put(VERSION, Long.toString(v)));
        if (current.isEmpty()) {
            hidden.put(SUBMISSION, submission.orElseGet(() -> UUID.randomUUID().toString()));
        }
        boolean submitted = current.map(c -> c.status() == ResponseStatus.SUBMITTED).orElse(false);
        return new FormPage.State(definition, visitor.kind().audience(),
                TrustName.displayed(visitor.respondent().trust().name()),
                values, errors, banners, hidden, submitted);
    }

    /** The response this visitor is filling in: the trust's official return, or the one this browser wrote. */
    private Optional<StoredResponse> current(HttpRequest request, SurveyDefinition definition, Visitor visitor) {
        String ods = visitor.respondent().trust().odsCode();
        if (visitor.kind() == ResponseKind.OFFICIAL) {
            return store.officialResponseId(definition.round(), ods)
                    .flatMap(i -> store.find(new ResponseKey(definition.round(), ods, i)))
                    .filter(r -> r.kind() == ResponseKind.OFFICIAL);
        }
        Optional<TokenHash> writer = FormCookies.writerSecret(request, definition.round()).map(TokenHash::of);
        return FormCookies.responseId(request, definition.round())
                .flatMap(i -> store.find(new ResponseKey(definition.round(), ods, i)))
                .filter(r -> r.kind() == ResponseKind.INDIVIDUAL && r.isWrittenBy(writer));
    }

    private HttpResponse closed(SurveyDefinition definition, Optional<StoredResponse> current, String nonce) {
        List<String> lines = new ArrayList<>();
        lines.add("The " + definition.round() + " round closed at " + ReceiptPage.closing(definition.window())
                + " and no longer accepts answers.");
        current.filter(r -> r.status() == ResponseStatus.SUBMITTED).ifPresent(r -> lines.add(
                "Your answers were submitted on " + ReceiptPage.when(r.submittedAt())
                        + ". Your reference is " + reference(r) + "."));
        return HtmlPages.page(403, MessagePage.render("The survey has closed", lines, nonce), nonce);
    }

    /** The reference to quote: round, trust and the start of the response id, such as 2026-RJ1-3F2A9C1B. */
    static String reference(StoredResponse response) {
        return response.key().round() + "-" + response.key().odsCode() + "-"
                + response.key().id().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String path(SurveyDefinition definition) {
        return "/survey/" + definition.round();
    }

    /** The status the pressed button sent; a form submitted with Enter sends the first button's, Submit. */
    private static Optional<ResponseStatus> status(List<String> sent) {
        if (sent.isEmpty()) {
            return Optional.of(ResponseStatus.SUBMITTED);
        }
        return sent.size() == 1 ? ResponseStatus.named(sent.getFirst()) : Optional.empty();
    }

    private static Map<String, List<String>> withoutStatus(Map<String, List<String>> fields) {
        Map<String, List<String>> answers = new LinkedHashMap<>(fields);
        answers.remove(Submission.STATUS);
        return answers;
    }

    private static Optional<Long> version(String sent) {
        OptionalLong version = Responses.versionNumber(sent);
        return version.isPresent() ? Optional.of(version.getAsLong()) : Optional.empty();
    }

    private static String single(List<String> values) {
        return values == null || values.size() != 1 ? null : values.getFirst();
    }

    /** Whether {@code id} has the form of a response id (a random UUID). */
    static boolean isResponseId(String id) {
        return id != null && id.matches(UUID_PATTERN);
    }


}
