package nhssm.http;

import java.time.Duration;
import java.util.List;
import nhssm.telemetry.Metric;

/** What an HTTP function counts of one request it answered: pure, from the request, the response and its time. */
@FunctionalInterface
public interface RequestMetrics {

    RequestMetrics NONE = (request, response, took) -> List.of();

    List<Metric> of(HttpRequest request, HttpResponse response, Duration took);

    /**
     * The kind of refusal a 4xx response is: its problem type's name ({@code /problems/validation} →
     * {@code validation}) or, for a page or an empty answer, {@code status-<code>}; empty for any other status.
     */
    static java.util.Optional<String> refusal(HttpResponse response) {
        if (response.status() < 400 || response.status() >= 500) {
            return java.util.Optional.empty();
        }
        String contentType = response.headers().getOrDefault("content-type", "");
        if (contentType.startsWith(Problem.MEDIA_TYPE)) {
            try {
                String type = Json.MAPPER.readTree(response.bodyText()).path("type").asText("");
                if (!type.isEmpty()) {
                    return java.util.Optional.of(type.substring(type.lastIndexOf('/') + 1));
                }
            } catch (java.io.IOException e) {
                // not a readable problem: counted by its status
            }
        }
        return java.util.Optional.of("status-" + response.status());
    }
}
