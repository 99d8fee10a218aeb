package nhssm.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nhssm.report.content.NationalReport;
import nhssm.report.content.ReportAudience;
import nhssm.report.content.RoundData;
import nhssm.report.content.TrustReport;
import nhssm.report.html.HtmlReportWriter;
import nhssm.report.pdf.TaggedPdfWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The reports of a full synthetic round: the warm render time and size of the national PDF, of a
 * per-trust PDF and of the national HTML in one JVM; the time from a fresh JVM (-Xmx256m, started with the
 * Lambda Java runtime's flags, and with default flags for comparison) that reads the round's records in
 * their stored form to its first national PDF, with its peak heap; and, in the same run, headless Chromium
 * printing the national HTML to PDF, one process per print, for comparison.
 */
final class ReportBenchmark {

    private static final int WARMUPS = 5;
    private static final int RUNS = 21;
    /** Launches of each fresh process measured, after one launch that warms the operating system's file cache. */
    private static final int LAUNCHES = 7;
    /** The heap the target allows a render (peak heap at most 256 MB). */
    private static final String CHILD_HEAP = "-Xmx256m";
    private static final long LAUNCH_TIMEOUT_SECONDS = 300;

    /** A step of the fresh JVM: the key of its time in the child's report line, and what it is. */
    private record Step(String key, String description) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("to-main-ms", "JVM start to `main` (process started to `main` entered)"),
            new Step("reference-ms", "survey definition and bundled reference list (the priming thread runs alongside)"),
            new Step("read-ms", "read and deserialise the records (the store's `TrustRecordJson.decode`)"),
            new Step("data-ms", "`RoundData.of` (statistics)"),
            new Step("document-ms", "`NationalReport.build` (document model)"),
            new Step("pdf-ms", "`TaggedPdfWriter.write` and the file written"),
            new Step("heap-ms", "measuring the heap (after the PDF; inside the time to exit)"));

    /**
     * The fresh JVM's options. Both with the heap the target allows; the Lambda Java runtime's are what the
     * deployed function starts with (the local runtime's {@code FunctionContainer} starts its JVMs the same way).
     */
    private enum JvmFlags {
        LAMBDA("the Lambda runtime's flags", List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xshare:auto", CHILD_HEAP)),
        DEFAULT("default flags", List.of(CHILD_HEAP));

        final String description;
        final List<String> options;

        JvmFlags(String description, List<String> options) {
            this.description = description;
            this.options = options;
        }
    }

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
        byte[] trustPdf = pdf.write(TrustReport.build(data, ods, ReportAudience.TRUST));
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
                ods, round.typicalTrustResponses(), warm(() -> pdf.write(TrustReport.build(data, ods, ReportAudience.TRUST))),
                pdfSize(trustPdf));
        out.printf("| national (all open trusts) | HTML | %s | %s |%n",
                warm(() -> html.write(NationalReport.build(data))), size(nationalHtml.length));
        out.printf("%nOf the national PDF's time, building the document alone: %s%n",
                warm(() -> NationalReport.build(data)));

        Path work = Files.createTempDirectory("nhssm-reports-bench");
        try {
            freshProcesses(out, work, data, nationalPdf, nationalHtml);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void freshProcesses(PrintStream out, Path work, RoundData data, byte[] warmNationalPdf,
            byte[] nationalHtml) throws IOException, InterruptedException {
        Path records = work.resolve("records.jsonl");
        int largestDocument = StoredRecordsFile.write(records, data.records());
        Path childPdf = work.resolve("fresh-jvm.pdf");
        String round = data.definition().round();

        Optional<HeadlessChromium> chromium = HeadlessChromium.find();
        Path htmlFile = work.resolve("national.html");
        Files.write(htmlFile, nationalHtml);
        Path printed = work.resolve("chromium.pdf");
        Path profile = work.resolve("chromium-profile");
        Path log = work.resolve("chromium.log");
        String browserVersion = chromium.isPresent() ? chromium.get().version() : "not installed: skipped";

        // One launch of each first: it warms the operating system's file cache (the jars, Chromium's
        // libraries) and creates Chromium's profile directory. Then the measured launches take turns, so
        // that a change in the shared machine's load falls on all of them alike.
        for (JvmFlags flags : JvmFlags.values()) {
            launch(flags, round, records, childPdf);
        }
        if (chromium.isPresent()) {
            chromium.get().print(htmlFile, printed, profile, log);
        }
        Map<JvmFlags, List<Map<String, String>>> reports = new EnumMap<>(JvmFlags.class);
        double[] browserMs = new double[LAUNCHES];
        for (int i = 0; i < LAUNCHES; i++) {
            for (JvmFlags flags : JvmFlags.values()) {
                reports.computeIfAbsent(flags, f -> new ArrayList<>()).add(launch(flags, round, records, childPdf));
            }
            if (chromium.isPresent()) {
                long start = System.nanoTime();
                chromium.get().print(htmlFile, printed, profile, log);
                browserMs[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        byte[] childBytes = Files.readAllBytes(childPdf);
        Timing.Result browser = chromium.isPresent() ? Timing.of(browserMs) : null;

        out.println();
        out.printf("From a new process to the national PDF: %d launches of each, taking turns, after one of each"
                + " to warm the file cache; wall clock from starting the process (to the PDF written, as the child"
                + " saw it; to the process's exit). The child, on the report function's class path (%s), reads the"
                + " round's %d records from the store's JSON documents (largest %,d bytes). Chromium: %s.%n",
                LAUNCHES, childClasspath(), data.records().size(), largestDocument, browserVersion);
        out.println();
        out.println("| process | to the national PDF written | to the process's exit | PDF size |");
        out.println("|---|---|---|---:|");
        for (JvmFlags flags : JvmFlags.values()) {
            out.printf("| fresh JVM, %s (%s) | %s | %s | %s |%n", flags.description, String.join(" ", flags.options),
                    Timing.of(values(reports.get(flags), "to-written-ms")),
                    Timing.of(values(reports.get(flags), "to-exit-ms")), pdfSize(childBytes));
        }
        if (browser != null) {
            out.printf("| headless Chromium: print the national HTML | | %s | %s |%n", browser,
                    pdfSize(Files.readAllBytes(printed)));
            out.println();
            for (JvmFlags flags : JvmFlags.values()) {
                double jvm = Timing.of(values(reports.get(flags), "to-exit-ms")).medianMs();
                out.printf("Chromium / fresh JVM with %s, to the process's exit (medians): %.1f / %.1f = %.2f%n",
                        flags.description, browser.medianMs(), jvm, browser.medianMs() / jvm);
            }
        } else {
            out.println("| headless Chromium: print the national HTML | | not installed: skipped | |");
        }

        out.println();
        out.printf("Inside the fresh JVM, each step (medians of %d launches):%n%n", LAUNCHES);
        out.print("| step |");
        Arrays.stream(JvmFlags.values()).forEach(f -> out.print(" " + f.description + " |"));
        out.println();
        out.println("|---|" + "---|".repeat(JvmFlags.values().length));
        for (Step step : STEPS) {
            out.print("| " + step.description() + " |");
            for (JvmFlags flags : JvmFlags.values()) {
                out.print(" " + Timing.of(values(reports.get(flags), step.key())) + " |");
            }
            out.println();
        }
        out.println();
        for (JvmFlags flags : JvmFlags.values()) {
            out.printf("Heap with %s, largest of %d launches, all of which succeeded: peak %.1f MiB (sum of the"
                            + " heap pools' peaks); live after a collection, data and PDF still held: %.1f MiB.%n",
                    flags.description, LAUNCHES, max(values(reports.get(flags), "peak-heap-bytes")) / (1 << 20),
                    max(values(reports.get(flags), "live-heap-bytes")) / (1 << 20));
        }
        for (JvmFlags flags : JvmFlags.values()) {
            out.printf("The renderers' priming (started at `main`, as the function's handler starts it at init) had"
                            + " ended when the PDF was written in %d of %d launches with %s.%n",
                    (int) Arrays.stream(values(reports.get(flags), "primed-at-pdf")).sum(), LAUNCHES, flags.description);
        }
        out.printf("The fresh JVM's PDF (records read back from the stored form) is byte for byte the warm one: %s.%n",
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

    /**
     * Runs {@link FirstNationalPdf} in a new JVM of the same runtime with {@code flags}, on the report
     * function's class path; returns its report line with the times measured from here added:
     * {@code to-main-ms}, {@code to-written-ms} and {@code to-exit-ms}, from the moment the process was started.
     */
    private static Map<String, String> launch(JvmFlags flags, String round, Path records, Path pdf)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags.options);
        command.addAll(List.of("-classpath", childClasspath(), FirstNationalPdf.class.getName(),
                round, records.toString(), pdf.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        long startEpochMs = System.currentTimeMillis();
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(LAUNCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the fresh JVM did not finish within " + LAUNCH_TIMEOUT_SECONDS + " s");
        }
        double toExit = (System.nanoTime() - start) / 1e6;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the fresh JVM failed (exit " + process.exitValue() + "):\n" + output);
        }
        Map<String, String> report = output.lines()
                .filter(line -> line.startsWith(FirstNationalPdf.PREFIX + " "))
                .findFirst()
                .map(ReportBenchmark::pairs)
                .orElseThrow(() -> new IllegalStateException("no report line from the fresh JVM:\n" + output));
        report.put("to-main-ms", Long.toString(Long.parseLong(report.get("main-epoch-ms")) - startEpochMs));
        report.put("to-written-ms", Long.toString(Long.parseLong(report.get("written-epoch-ms")) - startEpochMs));
        report.put("to-exit-ms", Double.toString(toExit));
        return report;
    }

    /**
     * The report function's class path, then this module's classes (for {@link FirstNationalPdf}): the
     * report module's classes and its runtime jars ({@code lib/}, copied there when the module is packaged),
     * which is how its Lambda artifact is laid out. Not this benchmark's own class path, which also holds
     * The DynamoDB engine and the local runtime with their logging: a library that looks for a logging framework
     * on the class path (PDFBox's commons-logging does) would find another one than in the function.
     */
    private static String childClasspath() {
        Path reportBuild = codeSource(TaggedPdfWriter.class).getParent();
        Path lib = reportBuild.resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("the report module's runtime jars are not in " + lib
                    + ": run the benchmark with -am, which packages the report module");
        }
        return String.join(File.pathSeparator, reportBuild.resolve("classes").toString(),
                lib + File.separator + "*", codeSource(FirstNationalPdf.class).toString());
    }

    /** The jar or classes directory a class was loaded from. */
    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the class path of " + type.getName() + " is not a file path", e);
        }
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
