package nhssm.collect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;
import nhssm.http.RequestMetrics;
import nhssm.telemetry.Metric;

/**
 * What the census team follows of collect: {@code Submissions} (a response stored, or its stored result replayed;
 * by the form, a draft saved or a return sent), by {@code Route} (api for the JSON API, form for the survey form); {@code Refusals} by {@code Refusal} (the problem
 * type, or the status of a page); {@code Unavailable} (the store could not be reached: a 503).
 */
final class CollectMetrics implements RequestMetrics {

    private static final String CREATE = "POST /api/rounds/{round}/responses";
    private static final String REPLACE = "PUT /api/rounds/{round}/responses/{id}";
    private static final String FORM = "POST /survey/{round}";

    @Override
    public List<Metric> of(HttpRequest request, HttpResponse response, Duration took) {
        List<Metric> metrics = new ArrayList<>();
        String route = request.routeKey();
        int status = response.status();
        if ((route.equals(CREATE) && status == 201) || (route.equals(REPLACE) && status == 200)) {
            metrics.add(Metric.count("Submissions", Map.of("Route", "api")));
        } else if (route.equals(FORM) && status == 303) {
            metrics.add(Metric.count("Submissions", Map.of("Route", "form")));
        }
        RequestMetrics.refusal(response).ifPresent(type -> metrics.add(Metric.count("Refusals", Map.of("Refusal", type))));
        if (status == 503) {
            metrics.add(Metric.count("Unavailable", Map.of()));
        }
        return metrics;
    }
}
