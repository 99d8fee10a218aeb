package nhssm.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.token.TokenSecret;
import nhssm.core.trust.TrustRegister;
import nhssm.local.demo.DemoFailedException;
import nhssm.local.dynamodb.TemplateTable;
import nhssm.local.seed.SeedFailedException;
import nhssm.local.seed.Seeder;
import nhssm.local.seed.SyntheticCensus;

/** {@code nhssm start | invoke | seed | demo}: the local runtime's command line (see the README). */
public final class Main {

    static final String USAGE = """
            usage:
              nhssm start [--in-memory] [--api-port 3000] [--dynamodb-port 8000] [--clock 2026-11-24T09:00:00Z]
                  the DynamoDB engine (persisted under .local-data/ unless --in-memory), every function of
                  template.yaml, its HTTP API on http://127.0.0.1:3000 and its stream event sources.
                  The admin token is $NHSSM_ADMIN_TOKEN, or one generated and printed at start.
                  --clock starts the functions' clocks at that instant (e.g. inside a round's window).
              nhssm invoke FUNCTION --event FILE [--dynamodb-endpoint http://127.0.0.1:8000] [--clock INSTANT]
                  One invocation, like `sam local invoke`: the result JSON on stdout; exit status 1
                  if the function fails. Uses the running DynamoDB engine, else an empty in-memory one.
              nhssm seed [--api http://127.0.0.1:3000] [--round 2026] [--seed 2026]
                  A synthetic census of every open trust through the running API. Safe to run twice.
              nhssm demo [--out out] [--trusts N] [--round 2026] [--seed 2026] [--wait 300] [--clock INSTANT]
                  From start to reports in one command: starts everything in memory on free ports,
                  seeds the synthetic census (about N trusts; all by default), waits up to --wait
                  seconds for aggregation, writes national.pdf, national.html, national.csv and
                  trust-<ODS>-<case>.pdf for four cases into --out, prints each file, and stops.
            """;

    private static final Path DATA_DIR = Path.of(".local-data");
    private static final String ADMIN_TOKEN_FILE = "admin-token";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            return switch (args[0]) {
                case "start" -> start(Arguments.parse(rest, Set.of("--in-memory")), out);
                case "invoke" -> invoke(Arguments.parse(rest, Set.of()), out, err);
                case "seed" -> seed(Arguments.parse(rest, Set.of()), out);
                case "demo" -> demo(Arguments.parse(rest, Set.of()), out, err);
                default -> throw new Arguments.UsageException("unknown command '" + args[0] + "'");
            };
        } catch (Arguments.UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (SeedFailedException e) {
            err.println("seed failed: " + e.getMessage());
            return 1;
        }
    }

    private static int demo(Arguments args, PrintStream out, PrintStream err) {
        Path root = projectRoot();
        String round = args.option("--round").orElse("2026");
        SurveyDefinition definition = SurveyDefinitions.forRound(round)
                .orElseThrow(() -> new Arguments.UsageException("there is no survey round '" + round + "'"));
        Path log = root.resolve(DATA_DIR).resolve("demo.log");
        LocalDemo.Options options = new LocalDemo.Options(definition,
                args.number("--seed", 2026, Long.MIN_VALUE),
                args.option("--trusts").isPresent()
                        ? OptionalInt.of((int) Math.min(Integer.MAX_VALUE, args.number("--trusts", 0, 1)))
                        : OptionalInt.empty(),
                Path.of(args.option("--out").orElse("out")),
                Duration.ofSeconds(args.number("--wait", 300, 1)),
                args.option("--clock").map(Main::instant),
                log);
        try {
            LocalDemo.run(root, options, out, err);
            return 0;
        } catch (DemoFailedException | SeedFailedException e) {
            err.println("demo failed: " + e.getMessage());
            err.println("(the local system's log is in " + log + ")");
            return 1;
        }
    }

    private static int start(Arguments args, PrintStream out) {
        Path root = projectRoot();
        Path data = root.resolve(DATA_DIR);
        boolean inMemory = args.flag("--in-memory");
        String adminToken = adminToken(data, out);
        LocalConfig config = new LocalConfig(root, args.port("--api-port", 3000), args.port("--dynamodb-port", 8000),
                inMemory ? Optional.empty() : Optional.of(data.resolve("dynamodb")), data.resolve("functions"), adminToken,
                args.option("--clock").map(Main::instant));
        LocalSystem system = LocalSystem.start(config, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping ...");
            system.close();
            stopped.countDown();
        }, "nhssm-stop"));
        out.println();
        out.println("nhssm is running.");
        out.println("  HTTP API        " + system.apiUri());
        out.println("  DynamoDB engine " + system.dynamoEndpoint()
                + (inMemory ? " (in memory)" : " (data in " + root.relativize(config.dataDir().orElseThrow()) + ")"));
        out.println("  functions       " + String.join(", ", system.template().functions().stream()
                .map(f -> f.logicalId()).toList()));
        out.println("Try:  curl " + system.apiUri().resolve("/api/rounds/2026/definition"));
        out.println("Stop with Ctrl-C.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int invoke(Arguments args, PrintStream out, PrintStream err) {
        if (args.positional().size() != 1 || args.option("--event").isEmpty()) {
            throw new Arguments.UsageException("invoke takes a function's logical id and --event FILE");
        }
        Path root = projectRoot();
        Path event = Path.of(args.option("--event").get());
        if (!Files.isRegularFile(event)) {
            throw new Arguments.UsageException("no event file " + event);
        }
        URI endpoint = URI.create(args.option("--dynamodb-endpoint").orElse("http://127.0.0.1:8000"));
        return LocalInvoke.run(root, args.positional().get(0), event, endpoint,
                adminTokenIfKnown(root.resolve(DATA_DIR)), args.option("--clock").map(Main::instant),
                root.resolve(DATA_DIR).resolve("functions"), out, err);
    }

    private static int seed(Arguments args, PrintStream out) throws SeedFailedException {
        Path root = projectRoot();
        String round = args.option("--round").orElse("2026");
        SurveyDefinition definition = SurveyDefinitions.forRound(round)
                .orElseThrow(() -> new Arguments.UsageException("there is no survey round '" + round + "'"));
        long seed = Long.parseLong(args.option("--seed").orElse("2026"));
        URI api = URI.create(args.option("--api").orElse("http://127.0.0.1:3000"));
        String adminToken = adminTokenIfKnown(root.resolve(DATA_DIR)).orElseThrow(() -> new Arguments.UsageException(
                "no admin token: set NHSSM_ADMIN_TOKEN to the one `nhssm start` uses"));
        var trusts = TrustRegister.bundled().openOn(definition.censusDate());
        out.println("seeding a synthetic census of " + trusts.size() + " open trusts through " + api + " ...");
        try {
            Seeder.Summary summary = new Seeder(api, adminToken, round, out)
                    .run(SyntheticCensus.plan(trusts, seed), 4);
            out.printf("done: %d trusts invited, %d responded (%d official returns submitted), %d individual "
                            + "responses; already seeded and left as they were: %d trusts.%n",
                    summary.trusts(), summary.responded(), summary.officialSubmitted(), summary.individuals(),
                    summary.alreadySeeded());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return 0;
    }

    /** $NHSSM_ADMIN_TOKEN, else the one generated at an earlier start, else a new one (kept for `seed`). */
    private static String adminToken(Path data, PrintStream out) {
        Optional<String> known = adminTokenIfKnown(data);
        if (known.isPresent()) {
            return known.get();
        }
        String generated = TokenSecret.generate(new SecureRandom()).value();
        try {
            Files.createDirectories(data);
            Path file = data.resolve(ADMIN_TOKEN_FILE);
            Files.writeString(file, generated);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            out.println("(could not keep the admin token in " + data + ": " + e.getMessage() + ")");
        }
        out.println("admin token (generated; set NHSSM_ADMIN_TOKEN to choose one): " + generated);
        return generated;
    }

    private static Optional<String> adminTokenIfKnown(Path data) {
        String env = System.getenv("NHSSM_ADMIN_TOKEN");
        if (env != null && !env.isBlank()) {
            return Optional.of(env.strip());
        }
        try {
            Path file = data.resolve(ADMIN_TOKEN_FILE);
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Arguments.UsageException("--clock takes an ISO instant such as 2026-11-24T09:00:00Z, not '" + value + "'");
        }
    }

    private static Path projectRoot() {
        return TemplateTable.locateTemplate().getParent();
    }
}
