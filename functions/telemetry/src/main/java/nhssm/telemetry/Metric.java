package nhssm.telemetry;

import java.util.Map;

/**
 * One value of a CloudWatch metric, with the dimensions it is counted under besides the function's.
 *
 * @param unit a CloudWatch unit: {@code Count} or {@code Milliseconds} here
 */
public record Metric(String name, String unit, double value, Map<String, String> dimensions) {

    public Metric {
        dimensions = Map.copyOf(dimensions);
    }

    public static Metric count(String name, Map<String, String> dimensions) {
        return new Metric(name, "Count", 1, dimensions);
    }

    public static Metric count(String name, long value) {
        return new Metric(name, "Count", value, Map.of());
    }

    public static Metric milliseconds(String name, double value, Map<String, String> dimensions) {
        return new Metric(name, "Milliseconds", value, dimensions);
    }
}
