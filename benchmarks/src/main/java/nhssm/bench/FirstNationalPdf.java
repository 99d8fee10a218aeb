package nhssm.bench;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import nhssm.report.content.NationalReport;
import nhssm.report.pdf.TaggedPdfWriter;

/**
 * The main of a fresh JVM that builds a full synthetic round and writes its first national PDF to the
 * file named by its argument, then prints one line of {@code key=value} pairs for {@link ReportBenchmark}:
 * the time to build the data and to render, the JVM's uptime when the PDF was written, the peak heap and
 * the heap still live after a collection.
 */
public final class FirstNationalPdf {

    /** The line's prefix, so the benchmark finds it among anything else the child prints. */
    static final String PREFIX = "first-national-pdf";

    private FirstNationalPdf() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        SyntheticRound.Built round = SyntheticRound.build();
        long built = System.nanoTime();
        byte[] pdf = new TaggedPdfWriter().write(NationalReport.build(round.data()));
        Files.write(Path.of(args[0]), pdf);
        long written = System.nanoTime();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();

        // Peaks of the heap pools, each at its own moment, so their sum bounds the true peak from above.
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
        // What the heap must hold: the round's data and the PDF are still reachable during this collection.
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Reference.reachabilityFence(round);
        System.out.printf("%s data-ms=%.1f render-ms=%.1f uptime-ms=%d peak-heap-bytes=%d live-heap-bytes=%d"
                        + " pdf-bytes=%d%n",
                PREFIX, (built - start) / 1e6, (written - built) / 1e6, uptime, peak, live, pdf.length);
    }
}
