package nhssm.bench;

/**
 * Entry point: {@code Benchmarks aggregation}, {@code reports}, {@code coldstart}, {@code load} or {@code engine}. See docs/PERFORMANCE.md for the
 * commands and the results.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        // The functions' per-batch log lines would drown the table.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        String which = args.length == 0 ? "aggregation" : args[0];
        switch (which) {
            case "aggregation" -> AggregationBenchmark.run(System.out);
            case "reports" -> ReportBenchmark.run(System.out);
            case "coldstart" -> ColdStartBenchmark.run(System.out);
            case "load" -> LoadBenchmark.run(System.out);
            case "engine" -> EngineBenchmark.run(System.out);
            default -> throw new IllegalArgumentException(
                    "unknown benchmark '" + which + "'; known: aggregation, reports, coldstart, load, engine");
        }
    }
}
