package nhssm.browser;

import java.net.URI;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * An "email" with a link, as a person gets an invitation in webmail: a page at {@code http://localhost:<port>/}
 * whose link {@code #invitation} leads to a given address. The local API answers on 127.0.0.1, another
 * site than localhost, so following the link is a cross-site navigation, which is what decides whether
 * the browser sends a SameSite=Strict cookie (it does not) or a Lax one (it does, on a GET).
 */
public final class CrossSiteLink implements AutoCloseable {

    public static final String LINK_ID = "invitation";

    private final PageServer server;

    private CrossSiteLink(PageServer server) {
        this.server = server;
    }

    /** Serves the email with its link to {@code target} until closed. */
    public static CrossSiteLink to(URI target) {
        // A URI's ASCII form has no quotes or angle brackets; only '&' needs a reference in an attribute.
        String href = target.toASCIIString().replace("&", "&amp;");
        return new CrossSiteLink(PageServer.serving(Map.of("/", """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Inbox: your invitation</title></head>
                <body>
                <main>
                <h1>You are invited to the 2026 survey</h1>
                <p><a id="%s" href="%s">Open the survey</a></p>
                </main>
                </body>
                </html>
                """.formatted(LINK_ID, href))));
    }

    /** The email's address, on localhost. */
    public URI page() {
        return server.uri("localhost", "/");
    }

    /**
     * Opens the email in {@code driver} and clicks the link: returns once the browser has left the email and loaded
     * the page the link leads to (which may itself go on, by a refresh, to another).
     */
    public void follow(WebDriver driver) {
        Navigation.open(driver, page().toString(), By.id(LINK_ID));
        Navigation.leave(driver, () -> driver.findElement(By.id(LINK_ID)).click(), By.tagName("body"), "the email's link");
    }

    @Override
    public void close() {
        server.close();
    }
}
