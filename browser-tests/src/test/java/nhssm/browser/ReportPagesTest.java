package nhssm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import nhssm.local.SurveyLinks;
import nhssm.local.dynamodb.TemplateTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The HTML reports, the accessible alternative to the PDFs, as a browser shows them after one trust has
 * submitted its official return through the API: axe-core finds nothing to fix.
 */
class ReportPagesTest {

    @RegisterExtension
    static final LocalSystemExtension LOCAL = new LocalSystemExtension();

    private static final String ODS = "RJ1";
    private static final Duration AGGREGATION_LIMIT = Duration.ofSeconds(120);
    private static Chromium chromium;

    @BeforeAll
    static void submitAnOfficialReturn() throws Exception {
        // The documented example return (it consents to a named report, so the trust's report is public).
        Path event = TemplateTable.locateTemplate().getParent().resolve("events/responses-post-json.json");
        String body = new ObjectMapper().readTree(event.toFile()).path("body").asText();
        SurveyLinks.Link lead = LOCAL.inviteLead(ODS);
        HttpResponse<String> created = LOCAL.post("/api/rounds/2026/responses", lead.token(), body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        // The trust's report exists once the aggregate function has reconciled the return from the stream.
        awaitOk(LOCAL.api("/reports/2026/trusts/" + ODS + ".html"));
        awaitOk(LOCAL.api("/reports/2026/national.html"));
        chromium = Chromium.start();
    }

    @AfterAll
    static void quit() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void nationalReport_shouldHaveNoAccessibilityViolations() {
        Navigation.open(chromium.driver(), LOCAL.api("/reports/2026/national.html").toString(), By.tagName("h1"));
        Screenshots.save(chromium.driver(), "report-national");

        assertThat(chromium.driver().findElement(By.tagName("h1")).getText())
                .contains("The state of social media in the NHS");
        Axe.assertNoViolations(chromium.driver());
    }

    @Test
    void trustReport_shouldHaveNoAccessibilityViolations() {
        Navigation.open(chromium.driver(), LOCAL.api("/reports/2026/trusts/" + ODS + ".html").toString(),
                By.tagName("h1"));
        Screenshots.save(chromium.driver(), "report-trust");

        assertThat(chromium.driver().getPageSource()).contains(ODS);
        Axe.assertNoViolations(chromium.driver());
    }

    /** Polls (with a deadline) until {@code uri} answers 200. */
    private static void awaitOk(URI uri) throws InterruptedException {
        Instant deadline = Instant.now().plus(AGGREGATION_LIMIT);
        HttpResponse<String> response = LOCAL.send(HttpRequest.newBuilder(uri).GET());
        while (response.statusCode() != 200) {
            assertThat(Instant.now()).as("GET " + uri + " answering 200 within " + AGGREGATION_LIMIT
                    + "; last " + response.statusCode() + " " + response.body() + "; log " + LOCAL.logFile())
                    .isBefore(deadline);
            Thread.sleep(200);
            response = LOCAL.send(HttpRequest.newBuilder(uri).GET());
        }
    }
}
