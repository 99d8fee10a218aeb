package nhssm.report.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nhssm.http.HttpRequest;
import nhssm.http.HttpResponse;
import nhssm.http.RequestMetrics;
import nhssm.telemetry.Metric;

/**
 * What the census team follows of the reports: {@code Renders} and {@code RenderTime} (the request's time, its one
 * query included) by {@code Report} (national, trust) and {@code Format} (pdf, html, csv), for each report answered
 * with its body; {@code Refusals} by {@code Refusal}; {@code Unavailable} (a 503).
 */
final class ReportMetrics implements RequestMetrics {

    @Override
    public List<Metric> of(HttpRequest request, HttpResponse response, Duration took) {
        List<Metric> metrics = new ArrayList<>();
        if (response.status() == 200) {
            String file = request.rawPath().substring(request.rawPath().lastIndexOf('/') + 1);
            String format = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            Map<String, String> dimensions = Map.of("Report", request.rawPath().contains("/trusts/") ? "trust" : "national",
                    "Format", format);
            metrics.add(Metric.count("Renders", dimensions));
            metrics.add(Metric.milliseconds("RenderTime", took.toNanos() / 1_000_000.0, dimensions));
        }
        RequestMetrics.refusal(response).ifPresent(type -> metrics.add(Metric.count("Refusals", Map.of("Refusal", type))));
        if (response.status() == 503) {
            metrics.add(Metric.count("Unavailable", Map.of()));
        }
        return metrics;
    }
}
