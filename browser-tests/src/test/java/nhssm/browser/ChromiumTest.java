package nhssm.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The browser harness itself: JavaScript really off when asked, and a link that really crosses sites. */
class ChromiumTest {

    private static final String SCRIPTED = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Scripted</title></head>
            <body>
            <main><p id="state">as served</p></main>
            <script>document.getElementById('state').textContent = 'changed by script';</script>
            </body>
            </html>
            """;

    @Test
    void withoutJavaScript_shouldShowThePageAsServed_whereAScriptWouldChangeIt() {
        try (PageServer pages = PageServer.serving(Map.of("/", SCRIPTED));
                Chromium withScripts = Chromium.start();
                Chromium withoutScripts = Chromium.withoutJavaScript()) {
            Navigation.open(withScripts.driver(), pages.uri("/").toString(), By.tagName("body"));
            Navigation.open(withoutScripts.driver(), pages.uri("/").toString(), By.tagName("body"));

            // The same page: the script runs in one browser and not in the other.
            assertThat(withScripts.driver().findElement(By.id("state")).getText()).isEqualTo("changed by script");
            assertThat(withoutScripts.driver().findElement(By.id("state")).getText()).isEqualTo("as served");
            assertThat(pages.requestsFor("/")).hasSize(2);
        }
    }

    @Test
    void crossSiteLink_shouldArriveAsACrossSiteNavigation_asFromWebmail() {
        try (PageServer landing = PageServer.serving(Map.of("/survey/2026", """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Survey</title></head>
                <body><main><h1>The survey</h1></main></body></html>
                """));
                CrossSiteLink email = CrossSiteLink.to(landing.uri("/survey/2026?token=abc&x=1"));
                Chromium chromium = Chromium.start()) {
            email.follow(chromium.driver());

            assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("The survey");
            assertThat(landing.requestsFor("/survey/2026")).singleElement().satisfies(request -> {
                assertThat(request.path()).isEqualTo("/survey/2026?token=abc&x=1");
                assertThat(request.header("sec-fetch-site")).contains("cross-site");
                assertThat(request.header("sec-fetch-mode")).contains("navigate");
                assertThat(request.header("sec-fetch-user")).contains("?1");
                assertThat(request.header("referer")).hasValueSatisfying(r -> assertThat(r).startsWith("http://localhost:"));
            });
        }
    }

    @Test
    void onPath_shouldFailNamingTheDebianPackages_whenAProgramIsMissing() {
        assertThatThrownBy(() -> Chromium.onPath("nhssm-no-such-browser"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nhssm-no-such-browser")
                .hasMessageContaining("Debian's chromium and chromium-driver packages");
    }
}
