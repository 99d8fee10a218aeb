package nhssm.collect;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
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
import nhssm.core.store.ReplaceResult;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoreUnavailableException;
import nhssm.core.store.StoredResponse;
import nhssm.core.store.SurveyStore;
import nhssm.core.survey.Question;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.token.Sha256;
import nhssm.core.trust.TrustName;
import nhssm.core.validation.AnswerError;
import nhssm.core.validation.Validation;
import nhssm.core.validation.ValidationResult;
import nhssm.http.Excerpt;
import nhssm.http.FormBody;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;
import nhssm.http.MalformedRequestException;
import nhssm.http.TokenCookie;

/**
 * The survey in a browser: the link that opens it, the form, its post, and the receipt. It works without
 * JavaScript, keeps every value typed when anything goes wrong, and saves through the same validation and
 * conditional writes as the JSON API.
 *
 * <p>The link's token becomes a cookie at once and leaves the address bar. A lead's page is the trust's
 * single official return; a staff link is shared by the trust's staff, so each browser remembers its own
 * response in a second cookie.
 */
final class SurveyForm {

    static final String CSRF = "csrf";
    static final String VERSION = "version";
    static final String SUBMISSION = "submission";

    static final Duration COOKIE_LIFE = Duration.ofDays(30);

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final SurveyStore store;
    private final Authentication authentication;
    private final Clock clock;
    private final SecureRandom random;

    SurveyForm(SurveyStore store, Authentication authentication, Clock clock, SecureRandom random) {
        this.store = store;
        this.authentication = authentication;
        this.clock = clock;
        this.random = random;
    }

    /** Who is filling in the form, and the link token that proves it. */
    private record Visitor(Caller.Respondent respondent, String token) {

        ResponseKind kind() {
            return respondent.grant().scope().responseKind();
        }
    }

    HttpResponse show(HttpRequest request, SurveyDefinition definition) {
        String nonce = nonce();
        String path = path(definition);
        Optional<String> linkToken = request.queryParameter("token");
        if (linkToken.isPresent()) {
            return switch (authentication.respondent(linkToken.get(), definition.round())) {
                case Caller.Respondent r -> HtmlPages.redirect(path).withCookie(TokenCookie.set(request,
                        definition.round(), linkToken.get(), cookieLife(r)));
                case Caller.Refused refused -> unusableLink(refused, nonce);
                case Caller.Admin a -> throw new IllegalStateException("a respondent check yields no admin");
            };
        }
        Optional<String> cookieToken = TokenCookie.read(request, definition.round());
        if (cookieToken.isEmpty() && isCrossSite(request)) {
            return HtmlPages.page(200, MessagePage.reload(path, nonce), nonce);
        }
        return withVisitor(request, definition, nonce, visitor -> {
            Optional<StoredResponse> current = current(request, definition, visitor);
            if (!definition.window().isOpenAt(clock.instant())) {
                return closed(definition, current, nonce);
            }
            List<Banner> banners = new ArrayList<>();
            current.ifPresent(c -> {
                if (c.status() == ResponseStatus.SUBMITTED) {
                    banners.add(new Banner("You are changing a submitted " + noun(visitor), List.of(
                            "It was submitted on " + ReceiptPage.when(c.submittedAt())
                                    + ". Your changes count once you submit them."), false));
                } else if (request.queryParameter("saved").isPresent()) {
                    banners.add(new Banner("Your answers have been saved", List.of(
                            "You can close this page. To carry on, open your link again before the round closes at "
                                    + ReceiptPage.closing(definition.window()) + "."), false));
                }
            });
            FormValues values = current.map(c -> FormValues.of(c.answers())).orElse(FormValues.EMPTY);
            return HtmlPages.page(200, FormPage.render(state(definition, visitor, values, List.of(), banners,
                    current, current.map(StoredResponse::version), Optional.empty()), nonce), nonce);
        });
    }

    HttpResponse post(HttpRequest request, SurveyDefinition definition) {
        String nonce = nonce();
        return withVisitor(request, definition, nonce, visitor -> {
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

            if (isCrossSite(request) || !FormToken.matches(csrf, visitor.token(), definition.round())) {
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
        String nonce = nonce();
        return withVisitor(request, definition, nonce, visitor -> {
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
                    definition.window().isOpenAt(clock.instant()));
            return HtmlPages.page(200, ReceiptPage.render(receipt, nonce), nonce);
        });
    }

    private HttpResponse save(HttpRequest request, SurveyDefinition definition, Visitor visitor,
            ResponseStatus status, Answers answers, FormValues typed, Optional<StoredResponse> current,
            Optional<Long> shownVersion, String submission, String nonce) {
        Instant now = clock.instant();
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
                case ReplaceResult.Replaced r -> saved(request, definition, visitor, r.response());
                case ReplaceResult.StaleVersion s ->
                        changedMeanwhile(definition, visitor, status, answers, typed, s.current(), submission, nonce);
                case ReplaceResult.NotFound n -> throw new IllegalStateException("a stored response never disappears");
            };
        }
        ResponseKey key = new ResponseKey(definition.round(), visitor.respondent().trust().odsCode(),
                UUID.randomUUID().toString());
        StoredResponse response = StoredResponse.first(key, visitor.kind(), status, definition.definitionVersion(),
                answers, now);
        // The hidden submission id makes a retried post (a double click, a resend after a timeout) store once.
        Optional<IdempotencyRecord> record = Optional.ofNullable(submission)
                .filter(s -> s.matches(UUID_PATTERN))
                .map(s -> new IdempotencyRecord(Sha256.hex(visitor.respondent().grant().hash().hex() + "\nform\n" + s),
                        Sha256.hex(new String(request.body(), StandardCharsets.ISO_8859_1)), 303,
                        ResponseLocation.of(key.round(), key.id()), key.id(), now.plus(Responses.IDEMPOTENCY_WINDOW)));
        return switch (store.create(response, record)) {
            case CreateResult.Created c -> saved(request, definition, visitor, response);
            // The record's body is the id of the response the first post created.
            case CreateResult.AlreadyDone done -> store.find(sibling(key, done.original().body()))
                    .map(earlier -> saved(request, definition, visitor, earlier))
                    .orElseThrow(() -> new IllegalStateException("an idempotency record names a stored response"));
            case CreateResult.OfficialExists exists -> store.find(sibling(key, exists.existingId()))
                    .map(existing -> changedMeanwhile(definition, visitor, status, answers, typed, existing,
                            submission, nonce))
                    .orElseThrow(() -> new IllegalStateException("an official claim names a stored response"));
        };
    }

    private static ResponseKey sibling(ResponseKey key, String id) {
        return new ResponseKey(key.round(), key.odsCode(), id);
    }

    /** After a save: a draft returns to the form, a submission goes to its receipt; a staff browser keeps its id. */
    private HttpResponse saved(HttpRequest request, SurveyDefinition definition, Visitor visitor,
            StoredResponse response) {
        HttpResponse redirect = HtmlPages.redirect(response.status() == ResponseStatus.SUBMITTED
                ? path(definition) + "/receipt"
                : path(definition) + "?saved=1");
        if (visitor.kind() == ResponseKind.INDIVIDUAL) {
            redirect = redirect.withCookie(TokenCookie.attributes(request,
                    responseCookie(definition) + "=" + response.key().id(), path(definition),
                    cookieLife(visitor.respondent())));
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
                new Banner("Your " + noun(visitor) + " was changed by someone else", lines, true),
                Optional.of(stored), Optional.of(stored.version()), submission, nonce);
    }

    /** The form again, with what was typed, the problems, and a banner: nothing typed is ever lost. */
    private HttpResponse again(int statusCode, SurveyDefinition definition, Visitor visitor, FormValues typed,
            List<AnswerError> errors, Banner banner, Optional<StoredResponse> current, Optional<Long> version,
            String submission, String nonce) {
        // The page's own submission id is kept, so fixing the errors and sending again still stores once.
        Optional<String> sameSubmission = Optional.ofNullable(submission).filter(s -> s.matches(UUID_PATTERN));
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

    private HttpResponse withVisitor(HttpRequest request, SurveyDefinition definition, String nonce,
            Function<Visitor, HttpResponse> action) {
        Optional<String> token = TokenCookie.read(request, definition.round());
        if (token.isEmpty()) {
            return HtmlPages.page(401, MessagePage.render("Open the survey from your link", List.of(
                    "This browser has not opened the " + definition.round() + " survey yet, or its visit has ended.",
                    "Open the link in the email you were sent. If you cannot find it, ask your trust's "
                            + "communications lead or the census team for a new one."), nonce), nonce);
        }
        return switch (authentication.respondent(token.get(), definition.round())) {
            case Caller.Respondent r -> action.apply(new Visitor(r, token.get()));
            case Caller.Refused refused -> unusableLink(refused, nonce)
                    .withCookie(TokenCookie.set(request, definition.round(), "", Duration.ZERO));
            case Caller.Admin a -> throw new IllegalStateException("a respondent check yields no admin");
        };
    }

    private static HttpResponse unusableLink(Caller.Refused refused, String nonce) {
        return HtmlPages.page(refused.problem().status(), MessagePage.render("This link cannot be used",
                List.of(refused.problem().detail()), nonce), nonce);
    }

    HttpResponse unknownRound(String round) {
        String nonce = nonce();
        return HtmlPages.page(404, MessagePage.render("Page not found", List.of(
                "There is no survey round '" + Excerpt.of(round) + "'. Check the link you were sent."), nonce), nonce);
    }

    /** When the database cannot be reached: nothing was saved, and trying again shortly is the remedy. */
    HttpResponse unavailable(HttpRequest request) {
        String nonce = nonce();
        String heading = "Sorry, the survey is not available just now";
        if (request.method().equals("POST") && request.contentType().map(t -> t.is(Submission.FORM)).orElse(false)
                && request.body().length <= Problems.MAX_BODY_BYTES) {
            try {
                // Nothing can be read or saved, not even who is answering: the page keeps what was sent.
                return HtmlPages.page(503, MessagePage.retry(heading, List.of("Nothing was saved yet. Your answers "
                        + "are kept on this page: try again in a few seconds."), request.rawPath(),
                        FormBody.parse(request.body()), nonce), nonce);
            } catch (MalformedRequestException e) {
                // Not a body a browser sends: nothing worth keeping.
            }
        }
        return HtmlPages.page(503, MessagePage.render(heading, List.of(
                "Nothing was saved. Please try again in a few seconds."), nonce), nonce);
    }

    /** A request no browser sends of itself, such as a broken percent escape: said plainly, as a page. */
    HttpResponse malformed(String detail) {
        String nonce = nonce();
        return HtmlPages.page(400, MessagePage.render("Sorry, this request could not be read", List.of(detail,
                "Nothing was saved. Open the survey from your link and try again."), nonce), nonce);
    }

    /** The response this visitor is filling in: the trust's official return, or the one this browser started. */
    private Optional<StoredResponse> current(HttpRequest request, SurveyDefinition definition, Visitor visitor) {
        String ods = visitor.respondent().trust().odsCode();
        Optional<String> id = visitor.kind() == ResponseKind.OFFICIAL
                ? store.officialResponseId(definition.round(), ods)
                : request.cookie(responseCookie(definition)).filter(v -> v.matches(UUID_PATTERN));
        return id.flatMap(i -> store.find(new ResponseKey(definition.round(), ods, i)))
                .filter(r -> r.kind() == visitor.kind());
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

    /**
     * How long a browser keeps the link: long enough to come back to a draft, short enough that a shared
     * computer does not hold a lead's access for the year after the round; opening the link renews it.
     */
    private Duration cookieLife(Caller.Respondent respondent) {
        Duration untilExpiry = Duration.between(clock.instant(), respondent.grant().expiresAt());
        return untilExpiry.compareTo(COOKIE_LIFE) < 0 ? untilExpiry : COOKIE_LIFE;
    }

    /** The reference to quote: round, trust and the start of the response id, such as 2026-RJ1-3F2A9C1B. */
    static String reference(StoredResponse response) {
        return response.key().round() + "-" + response.key().odsCode() + "-"
                + response.key().id().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** Whether the browser says the request came from another site (a navigation from webmail, a forged post). */
    private static boolean isCrossSite(HttpRequest request) {
        return request.header("sec-fetch-site").filter("cross-site"::equals).isPresent();
    }

    private static String noun(Visitor visitor) {
        return visitor.kind() == ResponseKind.OFFICIAL ? "official return" : "response";
    }

    private static String path(SurveyDefinition definition) {
        return "/survey/" + definition.round();
    }

    private static String responseCookie(SurveyDefinition definition) {
        return "nhssm-response-" + definition.round();
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

    private String nonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
