package nhssm.collect.form;

import java.util.List;
import java.util.Map;

/** A page with a heading and a few paragraphs: a link not recognised, a round closed, a page not found. */
public final class MessagePage {

    private MessagePage() {
    }

    public static String render(String heading, List<String> paragraphs, String nonce) {
        Markup main = new Markup().element("h1", "heading-xl", heading);
        paragraphs.forEach(p -> main.element("p", "body", p));
        return Page.document(heading, "", main.toString(), nonce);
    }

    /**
     * A page that keeps a form post that could not be handled: every field sent comes back as a hidden field
     * of a form with one button, which sends them again as they were.
     */
    public static String retry(String heading, List<String> paragraphs, String action,
            Map<String, List<String>> fields, String nonce) {
        Markup main = new Markup().element("h1", "heading-xl", heading);
        paragraphs.forEach(p -> main.element("p", "body", p));
        main.raw("<form method=\"post\" accept-charset=\"utf-8\"").attribute("action", action).raw(">\n");
        fields.forEach((name, values) -> values.forEach(value -> main.raw("<input type=\"hidden\"")
                .attribute("name", name).attribute("value", value).raw(">\n")));
        main.raw("<button type=\"submit\" class=\"button\">").text("Try again").raw("</button>\n</form>\n");
        return Page.document(heading, "", main.toString(), nonce);
    }

    /**
     * Reloads the same page at once. A link followed from another site (webmail) cannot send a
     * SameSite=Strict cookie, even to the page it redirects to; the reload is a navigation from this
     * site, which can. The link is there for a browser that ignores the refresh.
     */
    public static String reload(String path, String nonce) {
        String head = new Markup().raw("<meta http-equiv=\"refresh\"").attribute("content", "0;url=" + path)
                .raw(">\n").toString();
        Markup main = new Markup().element("h1", "heading-xl", "Opening your survey")
                .raw("<p class=\"body\"><a class=\"link\"").attribute("href", path).raw(">")
                .text("Continue to the survey").raw("</a></p>\n");
        return Page.document("Opening your survey", head, main.toString(), nonce);
    }
}
