package nhssm.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The accessibility check itself: it finds what is wrong, says where, and passes what is right. */
class AxeTest {

    private static final String BROKEN = """
            <!DOCTYPE html>
            <html>
            <head><meta charset="utf-8"><title>Broken</title></head>
            <body>
            <main>
            <h1>A page with faults</h1>
            <img src="/chart.png" id="chart">
            <form><input type="text" id="unlabelled" name="q"></form>
            </main>
            </body>
            </html>
            """;

    private static final String SOUND = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Sound</title></head>
            <body>
            <main>
            <h1>A page without faults</h1>
            <img src="/chart.png" alt="Bar chart of platforms used">
            <form><label for="name">Name</label><input type="text" id="name" name="q"></form>
            </main>
            </body>
            </html>
            """;

    private static PageServer pages;

    @BeforeAll
    static void serve() {
        pages = PageServer.serving(Map.of("/broken", BROKEN, "/sound", SOUND));
    }

    @AfterAll
    static void stop() {
        pages.close();
    }

    @Test
    void run_shouldReportEachBrokenRuleWithItsElements() {
        try (Chromium chromium = Chromium.start()) {
            Navigation.open(chromium.driver(), pages.uri("/broken").toString(), By.tagName("body"));

            Axe.Result result = Axe.run(chromium.driver());

            assertThat(result.axeVersion()).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(result.url()).isEqualTo(pages.uri("/broken").toString());
            assertThat(result.violations()).extracting(Axe.Violation::rule)
                    .contains("html-has-lang", "image-alt", "label");
            Axe.Violation image = result.violations().stream().filter(v -> v.rule().equals("image-alt"))
                    .findFirst().orElseThrow();
            assertThat(image.impact()).isEqualTo("critical");
            assertThat(image.helpUrl()).contains("image-alt");
            assertThat(image.elements()).singleElement().satisfies(e -> {
                assertThat(e.target()).isEqualTo("#chart");
                assertThat(e.html()).startsWith("<img");
                assertThat(e.fix()).isNotBlank();
            });
            assertThatThrownBy(result::assertNoViolations).isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("axe-core " + result.axeVersion() + " found ")
                    .hasMessageContaining("image-alt (critical)")
                    .hasMessageContaining("#chart")
                    .hasMessageContaining("html-has-lang")
                    .hasMessageContaining("#unlabelled");
        }
    }

    @Test
    void assertNoViolations_shouldPassASoundPage() {
        try (Chromium chromium = Chromium.start()) {
            Navigation.open(chromium.driver(), pages.uri("/sound").toString(), By.tagName("body"));

            Axe.assertNoViolations(chromium.driver());
        }
    }

    @Test
    void run_shouldSaySoAtOnce_inABrowserWithJavaScriptOff() {
        // The driver can inject axe there, but axe's timers would never fire: a clear refusal, not a timeout.
        try (Chromium chromium = Chromium.withoutJavaScript()) {
            Navigation.open(chromium.driver(), pages.uri("/sound").toString(), By.tagName("body"));

            assertThatThrownBy(() -> Axe.run(chromium.driver()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("JavaScript off")
                    .hasMessageContaining("Chromium.start()");
        }
    }
}
