package nhssm.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nhssm.core.survey.ResponseLimits;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.token.TokenSecret;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;
import nhssm.local.LocalConfig;
import nhssm.local.LocalSystem;
import nhssm.local.SurveyLinks;
import nhssm.local.dynamodb.TemplateTable;
import nhssm.local.seed.SyntheticCensus;
import nhssm.local.seed.TrustPlan;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Many clients submitting at once through the local HTTP API, as {@code ./nhssm start --in-memory} runs it
 * (the DynamoDB engine in memory, each function in its own JVMs from its artifact, the stream pump feeding the
 * aggregate function meanwhile): {@code bench.clients} clients (virtual threads) each POST valid submitted
 * staff responses, one after another, for {@code bench.seconds} or until the client's share of the survey
 * definition's caps is used, every request with its own Idempotency-Key, writer secret and a timeout. Then the table's response items are counted and compared with the 201s the clients got.
 */
final class LoadBenchmark {

    private static final String ROUND = "2026";
    private static final Instant DURING_ROUND = Instant.parse("2026-11-24T09:00:00Z");
    /** Above the local HTTP API's 30 s integration timeout, so its 503 arrives before the client gives up. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(45);

    /** Latencies are also given for the requests sent after this, once the containers have started. */
    private static final Duration WARM_AFTER = Duration.ofSeconds(10);

    /** One request's outcome: its status (0 when it got no response), latency, the id created, when it was sent. */
    private record Outcome(int status, double ms, String error, String location, long sentNanos) {
    }

    private LoadBenchmark() {
    }

    static void run(PrintStream out) throws Exception {
        int clients = Integer.getInteger("bench.clients", 200);
        Duration duration = Duration.ofSeconds(Integer.getInteger("bench.seconds", 120));
        Path root = TemplateTable.locateTemplate().getParent();
        Path work = Files.createTempDirectory("nhssm-load-");
        String admin = TokenSecret.generate(new java.security.SecureRandom()).value();
        Path logFile = work.resolve("system.log");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        try (PrintStream log = new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8);
             LocalSystem system = LocalSystem.start(new LocalConfig(root, 0, 0, Optional.empty(),
                     work.resolve("functions"), admin, Optional.of(DURING_ROUND)), log, log)) {
            URI api = system.apiUri();
            List<ClientLinks> clientLinks = clientLinks(http, api, admin, clients);
            List<String> bodies = submissions();
            URI responses = api.resolve("/api/rounds/" + ROUND + "/responses");

            double loadAtStart = ColdStartBenchmark.loadAverage();
            ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            long deadline = System.nanoTime() + duration.toNanos();
            long started = System.nanoTime();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < clients; c++) {
                    ClientLinks links = clientLinks.get(c);
                    int first = c;
                    threads.submit(() -> {
                        for (int n = 0; System.nanoTime() < deadline && n < links.budget(); n++) {
                            outcomes.add(submit(http, responses, links.tokenFor(n), bodies.get((first + n) % bodies.size())));
                        }
                    });
                }
                threads.shutdown();
                // Bounded: every request ends within its timeout after the deadline.
                if (!threads.awaitTermination(duration.plus(REQUEST_TIMEOUT).plusSeconds(30).toSeconds(),
                        TimeUnit.SECONDS)) {
                    throw new IllegalStateException("clients still running after their deadline and timeout");
                }
            }
            double elapsedS = (System.nanoTime() - started) / 1e9;
            double loadAtEnd = ColdStartBenchmark.loadAverage();

            List<Outcome> all = new ArrayList<>(outcomes);
            Map<String, Long> byStatus = all.stream().collect(Collectors.groupingBy(
                    o -> o.status() == 0 ? "no response (" + o.error() + ")" : Integer.toString(o.status()),
                    TreeMap::new, Collectors.counting()));
            List<Outcome> created = all.stream().filter(o -> o.status() == 201).toList();
            Set<String> createdIds = new HashSet<>();
            created.forEach(o -> createdIds.add(o.location()));
            Set<String> storedIds = storedResponseIds(system);

            out.printf("## Load: %d clients for %d s through the local HTTP API (%.1f s until the last client ended)%n%n",
                    clients, duration.toSeconds(), elapsedS);
            out.println("| status | requests |");
            out.println("|---|---:|");
            byStatus.forEach((status, count) -> out.printf("| %s | %,d |%n", status, count));
            out.printf("| all | %,d (%.1f a second) |%n%n", all.size(), all.size() / elapsedS);
            out.println("| latency (client's clock, request sent to response read) | p50 | p99 | max | requests |");
            out.println("|---|---:|---:|---:|---:|");
            out.println(latencyRow("201 Created", created));
            out.println(latencyRow("every response", all.stream().filter(o -> o.status() != 0).toList()));
            long warm = started + WARM_AFTER.toNanos();
            out.println(latencyRow("201 Created, sent after the first " + WARM_AFTER.toSeconds() + " s",
                    created.stream().filter(o -> o.sentNanos() >= warm).toList()));
            out.println();
            Set<String> storedNotAcknowledged = new HashSet<>(storedIds);
            storedNotAcknowledged.removeAll(createdIds);
            Set<String> acknowledgedNotStored = new HashSet<>(createdIds);
            acknowledgedNotStored.removeAll(storedIds);
            out.printf("Acknowledged (201, distinct response ids in Location): %,d; stored response items in the"
                            + " table: %,d; stored but not acknowledged: %,d; acknowledged but not stored: %,d.%n",
                    createdIds.size(), storedIds.size(), storedNotAcknowledged.size(), acknowledgedNotStored.size());
            out.printf("Equal: %s.%n", createdIds.equals(storedIds) && createdIds.size() == created.size() ? "yes" : "NO");
            out.printf("Load average: %.1f at the start of the load, %.1f at its end (%d cores).%n", loadAtStart,
                    loadAtEnd, Runtime.getRuntime().availableProcessors());
            out.println("The system's log: " + logFile);
        }
    }

    private static Outcome submit(HttpClient http, URI responses, String token, String form) {
        HttpRequest request = HttpRequest.newBuilder(responses)
                .timeout(REQUEST_TIMEOUT)
                .header("authorization", "Bearer " + token)
                .header("content-type", "application/x-www-form-urlencoded")
                .header("idempotency-key", UUID.randomUUID().toString())
                // An individual response's key is scoped to its writer's own secret.
                .header("response-secret", UUID.randomUUID() + "-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - start) / 1e6;
            return new Outcome(response.statusCode(), ms, null,
                    response.headers().firstValue("location").map(LoadBenchmark::responseId).orElse(null), start);
        } catch (HttpTimeoutException e) {
            return new Outcome(0, (System.nanoTime() - start) / 1e6, "timed out", null, start);
        } catch (IOException e) {
            return new Outcome(0, (System.nanoTime() - start) / 1e6, e.getClass().getSimpleName(), null, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, (System.nanoTime() - start) / 1e6, "interrupted", null, start);
        }
    }

    private static String responseId(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * The staff links of one client, and how many responses it may send: the survey definition caps the
     * individual responses of a staff link and of a trust, so a client moves to its next link when one is used up,
     * and stops at its share of its trust's cap (a refusal at a cap would measure the cap, not the system).
     */
    private record ClientLinks(List<String> tokens, int perLink, int budget) {
        String tokenFor(int n) {
            return tokens.get(n / perLink);
        }
    }

    /**
     * Invites one trust's lead per client (as many trusts as are open, shared round-robin beyond that) through the
     * admin API; each lead creates enough staff links for its clients' shares of the trust's cap.
     */
    private static List<ClientLinks> clientLinks(HttpClient http, URI api, String admin, int clients) {
        SurveyDefinition definition = SurveyDefinitions.forRound(ROUND).orElseThrow();
        ResponseLimits limits = definition.limits();
        List<Trust> open = TrustRegister.bundled().openOn(definition.censusDate());
        List<Trust> trusts = open.subList(0, Math.min(clients, open.size()));
        SurveyLinks links = new SurveyLinks(http, api, ROUND);
        List<String> leads = new ArrayList<>();
        for (Trust trust : trusts) {
            leads.add(links.inviteLead(admin, trust.odsCode()).token());
        }
        int clientsPerTrust = (clients + trusts.size() - 1) / trusts.size();
        int budget = limits.individualResponsesPerTrust() / clientsPerTrust;
        int perLink = limits.individualResponsesPerStaffLink();
        List<ClientLinks> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<String> tokens = new ArrayList<>();
            for (int l = 0; l * perLink < budget; l++) {
                tokens.add(links.staffLink(leads.get(c % leads.size())).token());
            }
            all.add(new ClientLinks(tokens, perLink, budget));
        }
        return all;
    }

    /** The synthetic census's staff responses as submitted forms (a field per answer, repeated for each choice). */
    private static List<String> submissions() {
        SurveyDefinition definition = SurveyDefinitions.forRound(ROUND).orElseThrow();
        List<String> forms = new ArrayList<>();
        for (TrustPlan plan : SyntheticCensus.plan(TrustRegister.bundled().openOn(definition.censusDate()), 2026)) {
            if (plan.responds()) {
                plan.individuals().stream().filter(i -> i.status().equals("SUBMITTED"))
                        .forEach(i -> forms.add(form(i.raw().values())));
            }
        }
        return forms;
    }

    private static String form(Map<String, List<String>> answers) {
        StringBuilder form = new StringBuilder("status=SUBMITTED");
        answers.forEach((question, values) -> values.forEach(v -> form.append('&')
                .append(URLEncoder.encode(question, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return form.toString();
    }

    /** The ids of the table's current-state response items ({@code RESP#id}), read with a paginated scan. */
    private static Set<String> storedResponseIds(LocalSystem system) {
        Set<String> ids = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName("SurveyTable")
                    .filterExpression("begins_with(sk, :resp)")
                    .expressionAttributeValues(Map.of(":resp", AttributeValue.fromS("RESP#")))
                    .projectionExpression("sk");
            if (start != null) {
                scan.exclusiveStartKey(start);
            }
            ScanResponse page = system.dynamo().client().scan(scan.build());
            page.items().forEach(item -> ids.add(item.get("sk").s().substring("RESP#".length())));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return ids;
    }

    private static String latencyRow(String what, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return "| " + what + " | – | – | – | 0 |";
        }
        double[] ms = outcomes.stream().mapToDouble(Outcome::ms).sorted().toArray();
        return String.format("| %s | %.0f ms | %.0f ms | %.0f ms | %,d |", what, percentile(ms, 0.50),
                percentile(ms, 0.99), ms[ms.length - 1], ms.length);
    }

    /** The nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
