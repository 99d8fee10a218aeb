package nhssm.collect.form;

import java.util.List;
import java.util.Map;

/**
 * A page with a heading and a few paragraphs: a link not recognised, a round closed, a page not found; some end
 * with one link or one button.
 */
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
        return withForm(heading, paragraphs, action, fields, "Try again", nonce);
    }

    /** A page whose one action is a button that posts {@code fields} (hidden) to {@code action}. */
    public static String withForm(String heading, List<String> paragraphs, String action,
            Map<String, List<String>> fields, String button, String nonce) {
        Markup main = new Markup().element("h1", "heading-xl", heading);
        paragraphs.forEach(p -> main.element("p", "body", p));
        main.raw("<form method=\"post\" accept-charset=\"utf-8\"").attribute("action", action).raw(">\n");
        fields.forEach((name, values) -> values.forEach(value -> main.raw("<input type=\"hidden\"")
                .attribute("name", name).attribute("value", value).raw(">\n")));
        main.raw("<button type=\"submit\" class=\"button\">").text(button).raw("</button>\n</form>\n");
        return Page.document(heading, "", main.toString(), nonce);
    }

    /** A page that ends with one link. */
    public static String withLink(String heading, List<String> paragraphs, String linkText, String href, String nonce) {
        Markup main = new Markup().element("h1", "heading-xl", heading);
        paragraphs.forEach(p -> main.element("p", "body", p));
        main.raw("<p class=\"body\"><a class=\"link\"").attribute("href", href).raw(">").text(linkText)
                .raw("</a></p>\n");
        return Page.document(heading, "", main.toString(), nonce);
    }
}
