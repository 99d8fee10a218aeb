package nhssm.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nhssm.report.content.NationalReport;
import nhssm.report.content.RoundData;
import nhssm.report.content.TrustReport;
import nhssm.report.html.HtmlReportWriter;
import nhssm.report.pdf.TaggedPdfWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The reports of a full synthetic round: the warm render time and size of the national PDF, of a
 * per-trust PDF and of the national HTML in one JVM; the time from a fresh JVM (-Xmx256m) to its first
 * national PDF, with its peak heap; and, in the same run, headless Chromium printing the national HTML
 * to PDF, one process per print, for comparison.
 */
final class ReportBenchmark {

    private static final int WARMUPS = 5;
    private static final int RUNS = 21;
    /** Launches of a fresh process measured, after one launch that warms the operating system's file cache. */
    private static final int LAUNCHES = 5;
    private static final String CHILD_HEAP = "-Xmx256m";
    private static final long LAUNCH_TIMEOUT_SECONDS = 300;

    private ReportBenchmark() {
    }

    static void run(PrintStream out) throws Exception {
        SyntheticRound.Built round = SyntheticRound.build();
        RoundData data = round.data();
        String ods = round.typicalTrust();
        out.printf("reports benchmark: round %s, %d open trusts, %d with a record, %,d stored responses"
                        + " (drafts too); Java %s; %d processors, load average %.1f%n",
                data.definition().round(), data.register().openOn(data.definition().censusDate()).size(),
                data.records().size(), round.responses(), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                loadAverage());

        TaggedPdfWriter pdf = new TaggedPdfWriter();
        HtmlReportWriter html = new HtmlReportWriter();
        byte[] nationalPdf = pdf.write(NationalReport.build(data));
        byte[] trustPdf = pdf.write(TrustReport.build(data, ods));
        byte[] nationalHtml = html.write(NationalReport.build(data));

        out.println();
        out.printf("Warm, in one JVM: document built from the round's data and written; %d warm-up runs,"
                + " %d measured.%n", WARMUPS, RUNS);
        out.println();
        out.println("| report | format | warm render | size |");
        out.println("|---|---|---|---:|");
        out.printf("| national (all open trusts) | PDF | %s | %s |%n",
                warm(() -> pdf.write(NationalReport.build(data))), pdfSize(nationalPdf));
        out.printf("| one trust (%s, %d responses) | PDF | %s | %s |%n",
                ods, round.typicalTrustResponses(), warm(() -> pdf.write(TrustReport.build(data, ods))),
                pdfSize(trustPdf));
        out.printf("| national (all open trusts) | HTML | %s | %s |%n",
                warm(() -> html.write(NationalReport.build(data))), size(nationalHtml.length));
        out.printf("%nOf the national PDF's time, building the document alone: %s%n",
                warm(() -> NationalReport.build(data)));

        Path work = Files.createTempDirectory("nhssm-reports-bench");
        try {
            freshProcesses(out, work, nationalPdf, nationalHtml);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void freshProcesses(PrintStream out, Path work, byte[] warmNationalPdf, byte[] nationalHtml)
            throws IOException, InterruptedException {
        Path childPdf = work.resolve("fresh-jvm.pdf");
        launch(childPdf); // warms the file cache: the jars are read once before measuring
        double[] wall = new double[LAUNCHES];
        List<Map<String, String>> reports = new ArrayList<>();
        for (int i = 0; i < LAUNCHES; i++) {
            long start = System.nanoTime();
            reports.add(launch(childPdf));
            wall[i] = (System.nanoTime() - start) / 1e6;
        }
        Timing.Result jvm = Timing.of(wall);
        byte[] childBytes = Files.readAllBytes(childPdf);

        Optional<HeadlessChromium> chromium = HeadlessChromium.find();
        Timing.Result browser = null;
        byte[] browserPdf = null;
        String browserVersion = "not installed: skipped";
        if (chromium.isPresent()) {
            Path htmlFile = work.resolve("national.html");
            Files.write(htmlFile, nationalHtml);
            Path printed = work.resolve("chromium.pdf");
            Path profile = work.resolve("chromium-profile");
            Path log = work.resolve("chromium.log");
            browserVersion = chromium.get().version();
            // The first print creates the profile directory and warms the file cache, as for the JVM.
            chromium.get().print(htmlFile, printed, profile, log);
            double[] ms = new double[LAUNCHES];
            for (int i = 0; i < LAUNCHES; i++) {
                long start = System.nanoTime();
                chromium.get().print(htmlFile, printed, profile, log);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            browser = Timing.of(ms);
            browserPdf = Files.readAllBytes(printed);
        }

        out.println();
        out.printf("From a new process to the national PDF: 1 launch to warm the file cache, %d measured;%n"
                + "wall clock from starting the process to its exit, PDF written. Chromium: %s.%n", LAUNCHES,
                browserVersion);
        out.println();
        out.println("| process | to the national PDF | PDF size |");
        out.println("|---|---|---:|");
        out.printf("| fresh JVM (%s): build the round's data, render the national PDF | %s | %s |%n",
                CHILD_HEAP, jvm, pdfSize(childBytes));
        if (browser != null) {
            out.printf("| headless Chromium: print the national HTML | %s | %s |%n", browser, pdfSize(browserPdf));
            out.printf("%nChromium / fresh JVM (medians): %.2f%n", browser.medianMs() / jvm.medianMs());
        } else {
            out.println("| headless Chromium: print the national HTML | not installed: skipped | |");
        }

        out.println();
        out.printf("Inside the fresh JVM (median of %d launches): uptime when the PDF was written %s; building the"
                + " round's data %s; rendering the first national PDF %s.%n", LAUNCHES,
                Timing.of(values(reports, "uptime-ms")), Timing.of(values(reports, "data-ms")),
                Timing.of(values(reports, "render-ms")));
        out.printf("Heap, largest of %d launches, all of which succeeded with %s: peak %.1f MiB (sum of the heap"
                + " pools' peaks); live after a collection, data and PDF still held: %.1f MiB.%n", LAUNCHES,
                CHILD_HEAP, max(values(reports, "peak-heap-bytes")) / (1 << 20),
                max(values(reports, "live-heap-bytes")) / (1 << 20));
        out.printf("The fresh JVM's PDF is byte for byte the warm one: %s.%n",
                Arrays.equals(childBytes, warmNationalPdf) ? "yes" : "no");
        out.printf("Load average at the end: %.1f%n", loadAverage());
    }

    /** The machine's load over the last minute: the times mean little without it on a shared machine. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Timing.Result warm(Supplier<?> render) {
        return Timing.measure(WARMUPS, RUNS, render::get);
    }

    private static String size(long bytes) {
        return String.format("%,d bytes (%.0f kB)", bytes, bytes / 1000.0);
    }

    private static String pdfSize(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return String.format("%,d bytes (%.0f kB, %d pages)", pdf.length, pdf.length / 1000.0,
                    document.getNumberOfPages());
        }
    }

    /** Runs {@link FirstNationalPdf} in a new JVM of the same runtime and classpath; returns its report line. */
    private static Map<String, String> launch(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                CHILD_HEAP, "-classpath", System.getProperty("java.class.path"),
                FirstNationalPdf.class.getName(), pdf.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(LAUNCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the fresh JVM did not finish within " + LAUNCH_TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the fresh JVM failed (exit " + process.exitValue() + "):\n" + output);
        }
        return output.lines()
                .filter(line -> line.startsWith(FirstNationalPdf.PREFIX + " "))
                .findFirst()
                .map(ReportBenchmark::pairs)
                .orElseThrow(() -> new IllegalStateException("no report line from the fresh JVM:\n" + output));
    }

    private static Map<String, String> pairs(String line) {
        Map<String, String> pairs = new HashMap<>();
        for (String pair : line.substring(FirstNationalPdf.PREFIX.length()).strip().split(" ")) {
            String[] kv = pair.split("=", 2);
            pairs.put(kv[0], kv[1]);
        }
        return pairs;
    }

    private static double[] values(List<Map<String, String>> reports, String key) {
        return reports.stream().mapToDouble(r -> Double.parseDouble(r.get(key))).toArray();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
