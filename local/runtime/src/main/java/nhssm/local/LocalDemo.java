package nhssm.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.stats.RoundStatistics;
import nhssm.core.store.dynamodb.DynamoDbConnection;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.token.TokenSecret;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;
import nhssm.local.demo.AggregationWait;
import nhssm.local.demo.DemoFailedException;
import nhssm.local.demo.DemoTrust;
import nhssm.local.demo.DemoTrusts;
import nhssm.local.demo.ReportDownloads;
import nhssm.local.http.RouteMatch;
import nhssm.local.http.RouteTable;
import nhssm.local.seed.Seeder;
import nhssm.local.seed.SyntheticCensus;
import nhssm.local.seed.TrustPlan;

/**
 * {@code nhssm demo}: the whole system from start to reports in one command. It starts everything as
 * {@code nhssm start --in-memory} does (on free ports, with an admin token of its own), seeds the
 * synthetic census through the API, waits for the aggregate function to catch up, downloads the
 * national report and one trust report per {@link nhssm.local.demo.DemoCase} through the API, and
 * stops everything. The system's own log goes to a file, so the terminal shows only the steps and the
 * files written.
 */
final class LocalDemo {

    /**
     * How to run the demo.
     *
     * @param censusSize       about this many trusts (see {@link SyntheticCensus#sample}); empty for every open trust
     * @param aggregationLimit how long to wait for the aggregate function after seeding
     * @param clockFrom        the functions' clocks start here; empty for now when the round is open, else its opening
     */
    record Options(SurveyDefinition definition, long seed, OptionalInt censusSize, Path outDir, Duration aggregationLimit,
            Optional<Instant> clockFrom, Path logFile) {
    }

    private LocalDemo() {
    }

    /**
     * Runs the demo: the steps on {@code progress}, then one line per file written on {@code out}.
     *
     * @throws DemoFailedException when a step fails; everything started is stopped first
     */
    static void run(Path root, Options options, PrintStream out, PrintStream progress) {
        SurveyDefinition definition = options.definition();
        TrustRegister register = TrustRegister.bundled();
        List<Trust> open = register.openOn(definition.censusDate());
        List<Trust> census = options.censusSize().isPresent() ? SyntheticCensus.sample(open, options.censusSize().getAsInt()) : open;
        Instant now = Instant.now();
        Optional<Instant> clock = options.clockFrom()
                .or(() -> definition.window().isOpenAt(now) ? Optional.empty() : Optional.of(definition.window().opensAt()));
        String adminToken = TokenSecret.generate(new SecureRandom()).value();

        Path workDir = temporaryDirectory();
        List<ReportDownloads.Written> written = new ArrayList<>();
        try (PrintStream log = logTo(options.logFile())) {
            progress.println("starting the local system in memory (its log: " + options.logFile() + ") ...");
            LocalSystem system = start(new LocalConfig(root, 0, 0, Optional.empty(), workDir, adminToken, clock), log);
            AtomicBoolean stopped = new AtomicBoolean();
            Runnable stop = () -> {
                if (stopped.compareAndSet(false, true)) {
                    system.close();
                }
            };
            // Ctrl-C must not leave function JVMs or ports behind either.
            Thread hook = new Thread(stop, "nhssm-demo-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                written.addAll(demonstrate(system, options, census, register, adminToken, progress));
            } finally {
                progress.println("stopping ...");
                stop.run();
                removeHook(hook);
                progress.println("stopped");
            }
        } finally {
            deleteRecursively(workDir);
        }
        written.forEach(w -> out.println(w.file() + "  " + w.bytes() + " bytes"));
    }

    /** Everything between starting and stopping: seed, wait, choose, download. */
    private static List<ReportDownloads.Written> demonstrate(LocalSystem system, Options options, List<Trust> census,
            TrustRegister register, String adminToken, PrintStream progress) {
        SurveyDefinition definition = options.definition();
        String round = definition.round();
        progress.println("running: HTTP API " + system.apiUri() + ", DynamoDB engine " + system.dynamoEndpoint());
        String tableName = reportTable(system, round);
        List<TrustPlan> plans = SyntheticCensus.plan(census, options.seed());
        progress.println("seeding a synthetic census of " + census.size() + " trusts ...");
        Seeder.Summary seeded = seed(system, adminToken, round, plans, progress);
        progress.printf("seeded: %d trusts responded, %d official returns submitted, %d individual responses%n",
                seeded.responded(), seeded.officialSubmitted(), seeded.individuals());

        AggregationWait aggregation = new AggregationWait(
                new DynamoDbTrustRecordStore(system.dynamo().client(), tableName), round);
        Map<String, Long> targets = aggregation.targets(plans.stream()
                .filter(TrustPlan::responds).map(p -> p.trust().odsCode()).toList());
        progress.println("waiting for the aggregate function to reconcile " + targets.size()
                + " trusts (at most " + options.aggregationLimit().toSeconds() + " s) ...");
        List<TrustRecord> records = aggregation.await(targets, options.aggregationLimit(), progress);

        List<DemoTrust> trusts = DemoTrusts.choose(RoundStatistics.compute(definition, register, records));
        trusts.forEach(t -> progress.println("trust report for " + t.demoCase().description() + ": "
                + t.trust().odsCode() + " " + t.trust().name()));
        progress.println("downloading the reports through the HTTP API ...");
        ReportDownloads downloads = new ReportDownloads(system.apiUri(), adminToken);
        List<ReportDownloads.Written> written = new ArrayList<>();
        for (String format : List.of("pdf", "html", "csv")) {
            written.add(downloads.fetch(nationalPath(round, format), options.outDir().resolve("national." + format)));
        }
        for (DemoTrust trust : trusts) {
            written.add(downloads.fetch(trustPath(round, trust.trust().odsCode(), "pdf"),
                    options.outDir().resolve(trust.fileName("pdf"))));
        }
        return written;
    }

    private static LocalSystem start(LocalConfig config, PrintStream log) {
        try {
            return LocalSystem.start(config, log, log);
        } catch (RuntimeException e) {
            throw new DemoFailedException("could not start the local system: " + e.getMessage(), e);
        }
    }

    static String nationalPath(String round, String format) {
        return "/reports/" + round + "/national." + format;
    }

    static String trustPath(String round, String odsCode, String format) {
        return "/reports/" + round + "/trusts/" + odsCode + "." + format;
    }

    /**
     * The table the report function reads, checked before anything is seeded: without report routes in
     * the template there is nothing to download.
     */
    private static String reportTable(LocalSystem system, String round) {
        RouteTable routes = RouteTable.of(system.template());
        for (String path : List.of(nationalPath(round, "pdf"), trustPath(round, "RJ1", "pdf"))) {
            if (routes.match("GET", path).isEmpty()) {
                throw new DemoFailedException("template.yaml has no route for GET " + path
                        + ": this build has no report function to download the reports from");
            }
        }
        RouteMatch national = routes.match("GET", nationalPath(round, "pdf")).orElseThrow();
        return DynamoDbConnection.tableName(system.template().function(national.functionLogicalId())
                .orElseThrow().environment());
    }

    private static Seeder.Summary seed(LocalSystem system, String adminToken, String round, List<TrustPlan> plans,
            PrintStream progress) {
        try {
            return new Seeder(system.apiUri(), adminToken, round, progress).run(plans, 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailedException("interrupted while seeding", e);
        }
    }

    private static PrintStream logTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DemoFailedException("cannot write the log " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("nhssm-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook has run or is running.
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Only copies of the functions' artifacts: the system's temporary directory keeps them.
        }
    }
}
