package nhssm.collect;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nhssm.collect.form.MessagePage;
import nhssm.http.Excerpt;
import nhssm.http.FormBody;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;
import nhssm.http.MalformedRequestException;

/** The survey's pages that are not the form: a link that cannot be used, no link opened, no such round, faults. */
final class SurveyPages {

    private SurveyPages() {
    }

    /** A fresh nonce for a page's Content-Security-Policy. */
    static String nonce(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static HttpResponse unusableLink(Caller.Refused refused, String nonce) {
        return HtmlPages.page(refused.problem().status(), MessagePage.render("This link cannot be used",
                List.of(refused.problem().detail()), nonce), nonce);
    }

    /**
     * No token cookie came. A navigation from another site (a bookmark followed from webmail) cannot send the
     * SameSite=Strict cookie, so the page offers a link: following it is a navigation from this site, which can.
     */
    static HttpResponse notOpened(HttpRequest request, String round, String nonce) {
        List<String> lines = new ArrayList<>(List.of(
                "This browser has not opened the " + round + " survey yet, or its visit has ended.",
                "Open the link in the email you were sent. If you cannot find it, ask your trust's "
                        + "communications lead or the census team for a new one."));
        String page = isCrossSite(request)
                ? MessagePage.withLink("Open the survey from your link", lines,
                        "If you have opened your link in this browser before, continue to the survey",
                        "/survey/" + round, nonce)
                : MessagePage.render("Open the survey from your link", lines, nonce);
        return HtmlPages.page(401, page, nonce);
    }

    static HttpResponse unknownRound(String round, String nonce) {
        return HtmlPages.page(404, MessagePage.render("Page not found", List.of(
                "There is no survey round '" + Excerpt.of(round) + "'. Check the link you were sent."), nonce), nonce);
    }

    /** When the database cannot be reached: nothing was saved, and trying again shortly is the remedy. */
    static HttpResponse unavailable(HttpRequest request, String nonce) {
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
    static HttpResponse malformed(String detail, String nonce) {
        return HtmlPages.page(400, MessagePage.render("Sorry, this request could not be read", List.of(detail,
                "Nothing was saved. Open the survey from your link and try again."), nonce), nonce);
    }

    /** A post the browser says came from another site: refused, whatever it carries. */
    static HttpResponse crossSite(String nonce) {
        return HtmlPages.page(403, MessagePage.render("This page was sent from another site", List.of(
                "Nothing has changed. Open the survey from the link in your email."), nonce), nonce);
    }

    /** Whether the browser says the request came from another site (a navigation from webmail, a forged post). */
    static boolean isCrossSite(HttpRequest request) {
        return request.header("sec-fetch-site").filter("cross-site"::equals).isPresent();
    }
}
