package nhssm.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;
import nhssm.http.Problem;
import nhssm.telemetry.Metric;
import org.junit.jupiter.api.Test;

/** What collect counts of a request: submissions by route, refusals by type, unavailability. */
class CollectMetricsTest {

    private static final CollectMetrics METRICS = new CollectMetrics();

    @Test
    void aStoredResponse_shouldBeASubmission_byItsRoute() {
        assertThat(of("POST /api/rounds/{round}/responses", HttpResponse.json(201, "{}")))
                .containsExactly(Metric.count("Submissions", Map.of("Route", "api")));
        assertThat(of("PUT /api/rounds/{round}/responses/{id}", HttpResponse.json(200, "{}")))
                .containsExactly(Metric.count("Submissions", Map.of("Route", "api")));
        assertThat(of("POST /survey/{round}", HttpResponse.empty(303).withHeader("location", "/survey/2026/receipt")))
                .containsExactly(Metric.count("Submissions", Map.of("Route", "form")));
        assertThat(of("GET /api/rounds/{round}/responses/{id}", HttpResponse.json(200, "{}"))).isEmpty();
    }

    @Test
    void aRefusal_shouldBeCountedByItsProblemType_orItsStatus() {
        HttpResponse invalid = Problem.of(422, "validation", "The answers are not valid", "Q02: …").toResponse();
        HttpResponse page = HttpResponse.text(400, "text/html; charset=utf-8", "<p>errors</p>");

        assertThat(of("POST /api/rounds/{round}/responses", invalid))
                .containsExactly(Metric.count("Refusals", Map.of("Refusal", "validation")));
        assertThat(of("POST /survey/{round}", page))
                .containsExactly(Metric.count("Refusals", Map.of("Refusal", "status-400")));
    }

    @Test
    void theStoreUnreachable_shouldBeCountedAsUnavailable_notARefusal() {
        HttpResponse unavailable = Problem.unavailable("try again").toResponse();

        assertThat(of("POST /api/rounds/{round}/responses", unavailable))
                .containsExactly(Metric.count("Unavailable", Map.of()));
    }

    private static List<Metric> of(String routeKey, HttpResponse response) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        HttpRequest request = new HttpRequest(routeKey, method, "/x", "", Map.of(), Map.of(), List.of(), new byte[0], "r");
        return METRICS.of(request, response, Duration.ofMillis(5));
    }
}
