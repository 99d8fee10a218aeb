package nhssm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.trust.TrustRegister;
import nhssm.report.api.RendererPriming;
import nhssm.report.content.NationalReport;
import nhssm.report.content.RoundData;
import nhssm.report.document.ReportDocument;
import nhssm.report.pdf.TaggedPdfWriter;

/**
 * The main of a fresh JVM doing what the report function does for its first national PDF, the database
 * aside: the renderers' priming started on its own thread as the function's handler starts it
 * ({@link RendererPriming}, the same code), then, on the main thread, the round's definition and the bundled
 * reference list, the round's trust records read back from the stored form ({@link StoredRecordsFile}), {@code RoundData.of}, {@code NationalReport.build}, then
 * {@code TaggedPdfWriter.write}, with the PDF written to a file. Arguments: the round, the records file,
 * the PDF file.
 *
 * <p>Prints one line of {@code key=value} pairs for {@link ReportBenchmark}: the wall-clock time (epoch
 * milliseconds) on entering {@code main} and when the PDF was written, so the benchmark can put them
 * against the moment it started the process; the time of each step; the peak heap and the heap still
 * live after a collection; how long measuring the heap took, since that is inside the process's time; and
 * whether the priming had ended when the PDF was written (it is not waited for, as the function does not).
 */
public final class FirstNationalPdf {

    /** The line's prefix, so the benchmark finds it among anything else the child prints. */
    static final String PREFIX = "first-national-pdf";

    private FirstNationalPdf() {
    }

    public static void main(String[] args) throws Exception {
        long mainEpochMs = System.currentTimeMillis();
        long start = System.nanoTime();
        // As the report function's handler does at init: the renderers' priming on a daemon thread, alongside.
        RendererPriming priming = RendererPriming.start();
        String round = args[0];
        Path recordsFile = Path.of(args[1]);
        Path pdfFile = Path.of(args[2]);

        SurveyDefinition definition = SurveyDefinitions.forRound(round).orElseThrow();
        TrustRegister register = TrustRegister.bundled();
        long reference = System.nanoTime();
        List<TrustRecord> records = StoredRecordsFile.read(recordsFile);
        long read = System.nanoTime();
        RoundData data = RoundData.of(definition, register, records);
        long computed = System.nanoTime();
        ReportDocument document = NationalReport.build(data);
        long built = System.nanoTime();
        byte[] pdf = new TaggedPdfWriter().write(document);
        Files.write(pdfFile, pdf);
        long written = System.nanoTime();
        long writtenEpochMs = System.currentTimeMillis();
        boolean primed = priming.await(Duration.ZERO);

        // Peaks of the heap pools, each at its own moment, so their sum bounds the true peak from above.
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
        // What the heap must hold: the round's data and the PDF are still reachable during this collection.
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Reference.reachabilityFence(data);
        Reference.reachabilityFence(pdf);
        long measured = System.nanoTime();
        System.out.printf("%s main-epoch-ms=%d written-epoch-ms=%d reference-ms=%.1f read-ms=%.1f data-ms=%.1f"
                        + " document-ms=%.1f pdf-ms=%.1f heap-ms=%.1f records=%d peak-heap-bytes=%d"
                        + " live-heap-bytes=%d pdf-bytes=%d primed-at-pdf=%d%n",
                PREFIX, mainEpochMs, writtenEpochMs, ms(start, reference), ms(reference, read), ms(read, computed),
                ms(computed, built), ms(built, written), ms(written, measured), records.size(), peak, live,
                pdf.length, primed ? 1 : 0);
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }
}
