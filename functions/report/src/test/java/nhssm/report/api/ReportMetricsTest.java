package nhssm.report.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;
import nhssm.telemetry.Metric;
import org.junit.jupiter.api.Test;

/** What the report function counts: each report answered with its body, with its time, by report and format. */
class ReportMetricsTest {

    @Test
    void aRenderedReport_shouldBeCountedAndTimed_byReportAndFormat() {
        List<Metric> national = of("/reports/2026/national.pdf", HttpResponse.text(200, "application/pdf", "%PDF"), 412);
        List<Metric> trust = of("/reports/2026/trusts/RJ1.html", HttpResponse.text(200, "text/html", "<html>"), 80);

        Map<String, String> nationalPdf = Map.of("Report", "national", "Format", "pdf");
        assertThat(national).containsExactly(Metric.count("Renders", nationalPdf),
                Metric.milliseconds("RenderTime", 412.0, nationalPdf));
        assertThat(trust.get(0)).isEqualTo(Metric.count("Renders", Map.of("Report", "trust", "Format", "html")));
    }

    @Test
    void aReportNotRendered_shouldNotBeARender() {
        assertThat(of("/reports/2026/national.pdf", HttpResponse.empty(304), 3)).isEmpty();
        assertThat(of("/reports/2026/trusts/RJ1.pdf", HttpResponse.text(404, "text/plain", "no"), 3))
                .containsExactly(Metric.count("Refusals", Map.of("Refusal", "status-404")));
    }

    private static List<Metric> of(String path, HttpResponse response, long millis) {
        HttpRequest request = new HttpRequest("GET /reports/{round}/{file}", "GET", path, "", Map.of(), Map.of(),
                List.of(), new byte[0], "r");
        return new ReportMetrics().of(request, response, Duration.ofMillis(millis));
    }
}
