package nhssm.telemetry;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Metrics as CloudWatch's embedded metric format: one JSON line per metric on stdout, which CloudWatch Logs turns
 * into a metric in namespace {@value #NAMESPACE}, under the dimension {@code Function} and the metric's own. The line
 * goes to stdout rather than through the Lambda logger, whose JSON would wrap it in a message: CloudWatch reads only
 * a log event that is itself the metric document.
 */
public final class EmbeddedMetrics {

    public static final String NAMESPACE = "nhssm";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String function;
    private final PrintStream out;
    private final Clock clock;

    /** @param function the value of the {@code Function} dimension: collect, report or aggregate */
    public EmbeddedMetrics(String function, PrintStream out, Clock clock) {
        this.function = function;
        this.out = out;
        this.clock = clock;
    }

    /** Metrics for a function, on stdout, at the system's time. */
    public static EmbeddedMetrics of(String function) {
        return new EmbeddedMetrics(function, System.out, Clock.systemUTC());
    }

    /** Writes each metric as one line. */
    public void emit(List<Metric> metrics) {
        for (Metric metric : metrics) {
            String line = line(metric);
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }

    /** The metric's document: {@code {"_aws":{Timestamp, CloudWatchMetrics:[...]}, "Function": ..., name: value}}. */
    String line(Metric metric) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("Function", function);
        dimensions.putAll(new TreeMap<>(metric.dimensions()));
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode set = directive.putArray("Dimensions").addArray();
        new ArrayList<>(dimensions.keySet()).forEach(set::add);
        directive.putArray("Metrics").addObject().put("Name", metric.name()).put("Unit", metric.unit());
        dimensions.forEach(root::put);
        root.put(metric.name(), metric.value());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a metric document is always serializable", e);
        }
    }
}
