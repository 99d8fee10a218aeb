package nhssm.collect;

import nhssm.http.HttpResponse;

/**
 * The headers every survey page is sent with. The Content-Security-Policy allows only the page's own
 * style sheet and script, under the nonce made for this response; nothing may frame the page, and
 * nothing is cached, since a page may show a person's answers.
 */
final class HtmlPages {

    private HtmlPages() {
    }

    static HttpResponse page(int status, String html, String nonce) {
        return secured(HttpResponse.text(status, "text/html; charset=utf-8", html), nonce);
    }

    /** A 303, so the browser follows with a GET and a reload never posts the form again. */
    static HttpResponse redirect(String path) {
        return secured(HttpResponse.empty(303).withHeader("location", path), null);
    }

    private static HttpResponse secured(HttpResponse response, String nonce) {
        String scripts = nonce == null ? "'none'" : "'nonce-" + nonce + "'";
        return response
                .withHeader("content-security-policy", "default-src 'none'; script-src " + scripts
                        + "; style-src " + scripts + "; img-src 'self'; form-action 'self'; "
                        + "frame-ancestors 'none'; base-uri 'none'")
                .withHeader("cache-control", "no-store")
                .withHeader("referrer-policy", "no-referrer")
                .withHeader("x-content-type-options", "nosniff")
                .withHeader("x-frame-options", "DENY");
    }
}
