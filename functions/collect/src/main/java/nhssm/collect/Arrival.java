package nhssm.collect;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.collect.form.MessagePage;
import nhssm.core.response.ResponseKind;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.trust.TrustName;
import nhssm.http.FormBody;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;
import nhssm.http.TokenCookie;

/**
 * Opening a link: {@code GET /survey/{round}?token=…}, then {@code POST /survey/{round}/continue}.
 *
 * <p>A link is a credential anyone can send anyone, so following one must not by itself sign the browser in:
 * a link made by someone else would replace the cookie a person already has, and they would answer into the
 * wrong trust (login CSRF). Unless the browser says the navigation came from this site, the link shows a
 * page naming the trust and round, whose Continue button is a post from this site that sets the cookie. The
 * post must carry an arrival cookie that page set (SameSite=Strict, so no other site's post sends it) and a
 * field bound to it; a post the browser marks as from another site is refused whatever it carries.
 */
final class Arrival {

    static final String TOKEN = "token";
    static final Duration ARRIVAL_LIFE = Duration.ofMinutes(30);

    private final Authentication authentication;
    private final Visitors visitors;
    private final SecureRandom random;

    Arrival(Authentication authentication, Visitors visitors, SecureRandom random) {
        this.authentication = authentication;
        this.visitors = visitors;
        this.random = random;
    }

    static String arrivalCookie(String round) {
        return TokenCookie.HOST_PREFIX + "nhssm-arrival-" + round;
    }

    /** {@code GET /survey/{round}?token=…}: the Continue page, or straight in when the browser came from this site. */
    HttpResponse open(HttpRequest request, SurveyDefinition definition, String token) {
        String nonce = SurveyPages.nonce(random);
        String round = definition.round();
        return switch (authentication.respondent(token, round)) {
            case Caller.Refused refused -> SurveyPages.unusableLink(refused, nonce);
            case Caller.Admin a -> throw new IllegalStateException("a respondent check yields no admin");
            case Caller.Respondent r -> {
                if (request.header("sec-fetch-site").filter("same-origin"::equals).isPresent()) {
                    yield signIn(round, token, r);
                }
                String arrival = randomValue();
                Map<String, List<String>> fields = new LinkedHashMap<>();
                fields.put(TOKEN, List.of(token));
                fields.put(SurveyForm.CSRF, List.of(FormToken.arrival(arrival, token, round)));
                String as = r.grant().scope().responseKind() == ResponseKind.OFFICIAL
                        ? "as its lead, completing the trust's official return"
                        : "as a member of its staff";
                yield HtmlPages.page(200, MessagePage.withForm("Open the " + round + " survey", List.of(
                                "This link opens " + definition.title() + " for "
                                        + TrustName.displayed(r.trust().name()) + " (" + r.trust().odsCode() + "), " + as + ".",
                                "If this is not the trust you expected, close this page: nothing has changed in this browser."),
                        "/survey/" + round + "/continue", fields, "Continue", nonce), nonce)
                        .withCookie(TokenCookie.attributes(arrivalCookie(round) + "=" + arrival, ARRIVAL_LIFE));
            }
        };
    }

    /** {@code POST /survey/{round}/continue}: the Continue button pressed on the page above. */
    HttpResponse proceed(HttpRequest request, SurveyDefinition definition) {
        String nonce = SurveyPages.nonce(random);
        String round = definition.round();
        // Only a post the browser marks as from this very origin, or one from a browser that says nothing.
        if (request.header("sec-fetch-site").filter(site -> !site.equals("same-origin")).isPresent()) {
            return SurveyPages.crossSite(nonce);
        }
        if (!request.contentType().map(t -> t.is(Submission.FORM)).orElse(false)
                || request.body().length > Problems.MAX_BODY_BYTES) {
            return openAgain(nonce);
        }
        Map<String, List<String>> fields = FormBody.parse(request.body());
        Optional<String> token = single(fields.get(TOKEN));
        Optional<String> arrival = request.cookie(arrivalCookie(round)).filter(v -> !v.isEmpty());
        if (token.isEmpty() || arrival.isEmpty()
                || !FormToken.arrivalMatches(single(fields.get(SurveyForm.CSRF)).orElse(null), arrival.get(), token.get(), round)) {
            return openAgain(nonce);
        }
        return switch (authentication.respondent(token.get(), round)) {
            case Caller.Refused refused -> SurveyPages.unusableLink(refused, nonce);
            case Caller.Admin a -> throw new IllegalStateException("a respondent check yields no admin");
            case Caller.Respondent r -> signIn(round, token.get(), r)
                    .withCookie(TokenCookie.attributes(arrivalCookie(round) + "=", Duration.ZERO));
        };
    }

    private HttpResponse signIn(String round, String token, Caller.Respondent respondent) {
        return HtmlPages.redirect("/survey/" + round)
                .withCookie(TokenCookie.set(round, token, visitors.cookieLife(respondent)));
    }

    /** Nothing is set: the page did not come from this site's Continue page in this browser. */
    private static HttpResponse openAgain(String nonce) {
        return HtmlPages.page(403, MessagePage.render("Open your link again", List.of(
                "Nothing has changed in this browser. Open the link in your email again, check the trust it names, "
                        + "and press Continue."), nonce), nonce);
    }

    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<String> single(List<String> values) {
        return values == null || values.size() != 1 ? Optional.empty() : Optional.of(values.getFirst());
    }
}
