package nhssm.collect.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The frame every survey page shares: language, title, skip link, header, main content, and the style
 * sheet and script inline under the response's nonce, so the Content-Security-Policy allows them and
 * nothing else. The script only enhances; every page works without it.
 */
public final class Page {

    static final String SERVICE = "The state of social media in the NHS";

    private static final String STYLE = resource("survey.css");
    private static final String SCRIPT = resource("survey.js");

    private Page() {
    }

    /**
     * The whole document.
     *
     * @param title the page's title, which a screen reader announces first (prefixed "Error: " by callers)
     * @param head  extra markup for the head, such as a refresh, written by this package
     * @param main  the main content, already escaped
     * @param nonce the response's CSP nonce
     */
    static String document(String title, String head, String main, String nonce) {
        return new Markup()
                .raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .raw(head)
                .raw("<title>").text(title.contains(SERVICE) ? title : title + " – " + SERVICE).raw("</title>\n")
                .raw("<style").attribute("nonce", nonce).raw(">\n").raw(STYLE).raw("</style>\n")
                .raw("</head>\n<body>\n")
                .raw("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n")
                .raw("<header class=\"header\"><div class=\"width-container\"><p class=\"service\">")
                .text(SERVICE).raw("</p></div></header>\n")
                .raw("<div class=\"width-container\">\n<main class=\"main\" id=\"main\">\n")
                .raw(main)
                .raw("</main>\n</div>\n")
                .raw("<footer class=\"footer\"><div class=\"width-container\"><p>")
                .text("Your answers are about your trust's practice. We never ask for your name, and we "
                        + "never publish league tables.")
                .raw("</p></div></footer>\n")
                .raw("<script").attribute("nonce", nonce).raw(">\n").raw(SCRIPT).raw("</script>\n")
                .raw("</body>\n</html>\n")
                .toString();
    }

    private static String resource(String name) {
        try (InputStream in = Page.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource nhssm/collect/form/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
