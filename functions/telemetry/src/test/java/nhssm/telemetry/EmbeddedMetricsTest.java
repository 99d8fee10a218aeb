package nhssm.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each metric is one line of CloudWatch's embedded metric format, which CloudWatch Logs reads as a metric. */
class EmbeddedMetricsTest {

    private static final Instant AT = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void aMetric_shouldBeOneDocument_withItsDirective_dimensionsAndValue() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmbeddedMetrics metrics = new EmbeddedMetrics("collect", new PrintStream(out, true, StandardCharsets.UTF_8),
                Clock.fixed(AT, ZoneOffset.UTC));

        metrics.emit(List.of(Metric.count("Refusals", Map.of("Refusal", "validation")),
                Metric.milliseconds("RenderTime", 412.5, Map.of("Report", "national", "Format", "pdf"))));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode refusal = new ObjectMapper().readTree(lines.get(0));
        JsonNode directive = refusal.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(refusal.path("_aws").path("Timestamp").asLong()).isEqualTo(AT.toEpochMilli());
        assertThat(directive.path("Namespace").asText()).isEqualTo("nhssm");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Function\",\"Refusal\"]]");
        assertThat(directive.path("Metrics").toString()).isEqualTo("[{\"Name\":\"Refusals\",\"Unit\":\"Count\"}]");
        assertThat(refusal.path("Function").asText()).isEqualTo("collect");
        assertThat(refusal.path("Refusal").asText()).isEqualTo("validation");
        assertThat(refusal.path("Refusals").asDouble()).isEqualTo(1.0);

        JsonNode time = new ObjectMapper().readTree(lines.get(1));
        JsonNode timeDirective = time.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(timeDirective.path("Dimensions").toString()).isEqualTo("[[\"Function\",\"Format\",\"Report\"]]");
        assertThat(timeDirective.path("Metrics").get(0).path("Unit").asText()).isEqualTo("Milliseconds");
        assertThat(time.path("RenderTime").asDouble()).isEqualTo(412.5);
        assertThat(time.path("Format").asText()).isEqualTo("pdf");
    }

    @Test
    void noMetrics_shouldWriteNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EmbeddedMetrics("report", new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC())
                .emit(List.of());

        assertThat(out.size()).isZero();
    }
}
