package nhssm.collect;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.collect.form.MessagePage;
import nhssm.core.survey.SurveyDefinition;
import nhssm.http.FormBody;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;
import nhssm.http.TokenCookie;

/**
 * {@code POST /survey/{round}/sign-out}: the browser forgets the link, and which response was its own. The
 * answers stay saved; the link opens the survey again. Posted with the page's CSRF field, so no other site
 * can sign a person out.
 */
final class SignOut {

    private final SecureRandom random;

    SignOut(SecureRandom random) {
        this.random = random;
    }

    HttpResponse post(HttpRequest request, SurveyDefinition definition) {
        String nonce = SurveyPages.nonce(random);
        String round = definition.round();
        if (SurveyPages.isCrossSite(request)) {
            return SurveyPages.crossSite(nonce);
        }
        Optional<String> token = TokenCookie.read(request, round);
        if (token.isPresent()) {
            boolean form = request.contentType().map(t -> t.is(Submission.FORM)).orElse(false)
                    && request.body().length <= Problems.MAX_BODY_BYTES;
            Map<String, List<String>> fields = form ? FormBody.parse(request.body()) : Map.of();
            List<String> csrf = fields.getOrDefault(SurveyForm.CSRF, List.of());
            if (csrf.size() != 1 || !FormToken.matches(csrf.getFirst(), token.get(), round)) {
                return HtmlPages.page(403, MessagePage.render("You have not been signed out", List.of(
                        "This request did not come from a survey page of this browser. Nothing has changed."),
                        nonce), nonce);
            }
        }
        HttpResponse page = HtmlPages.page(200, MessagePage.render("You have signed out", List.of(
                "This browser no longer holds your link for the " + round + " survey. Your saved answers are kept.",
                "To come back, open the link in your email again."), nonce), nonce);
        for (String cookie : FormCookies.clearAll(round)) {
            page = page.withCookie(cookie);
        }
        return page;
    }
}
