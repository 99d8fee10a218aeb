package nhssm.local.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads a synthetic census through the public HTTP API, as real clients would: the admin invites
 * every trust, each responding lead submits (or drafts) its official return and creates a staff link,
 * and staff submit their responses.
 *
 * <p>Safe to run twice: the official return goes first, and a trust whose official return already
 * exists (409) is left as it is, so no response is ever stored twice.
 */
public final class Seeder {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The outcome of a run. */
    public record Summary(int trusts, int responded, int alreadySeeded, int officialSubmitted, int individuals) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final String adminToken;
    private final String round;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Seeder(URI api, String adminToken, String round, PrintStream out) {
        this.api = api;
        this.adminToken = adminToken;
        this.round = round;
        this.out = out;
    }

    public Summary run(List<TrustPlan> plans, int parallelism) throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger responded = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger individuals = new AtomicInteger();
        int step = Math.max(1, plans.size() / 10);
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (TrustPlan plan : plans) {
                work.add(pool.submit(() -> {
                    switch (seed(plan)) {
                        case SEEDED -> {
                            responded.incrementAndGet();
                            if (plan.official().status().equals("SUBMITTED")) {
                                submitted.incrementAndGet();
                            }
                            individuals.addAndGet(plan.individuals().size());
                        }
                        case ALREADY_SEEDED -> skipped.incrementAndGet();
                        case INVITED_ONLY -> { }
                    }
                    int n = done.incrementAndGet();
                    if (n % step == 0 || n == plans.size()) {
                        out.printf("seeded %d of %d trusts%n", n, plans.size());
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new SeedFailedException(e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(plans.size(), responded.get(), skipped.get(), submitted.get(), individuals.get());
    }

    private enum Outcome { SEEDED, ALREADY_SEEDED, INVITED_ONLY }

    private Outcome seed(TrustPlan plan) {
        String ods = plan.trust().odsCode();
        JsonNode invitation = send("POST", "/api/admin/rounds/" + round + "/invitations", adminToken,
                Map.of("odsCode", ods), null, 201);
        if (!plan.responds()) {
            return Outcome.INVITED_ONLY;
        }
        String lead = invitation.get("token").asText();
        HttpResponse<String> official = post(lead, plan.official(), "seed-" + ods + "-official");
        if (official.statusCode() == 409) {
            return Outcome.ALREADY_SEEDED;
        }
        expect(official, 201, "official return of " + ods);
        if (!plan.individuals().isEmpty()) {
            String staff = send("POST", "/api/rounds/" + round + "/staff-links", lead, null, null, 201)
                    .get("token").asText();
            for (int i = 0; i < plan.individuals().size(); i++) {
                expect(post(staff, plan.individuals().get(i), "seed-" + ods + "-" + i), 201,
                        "individual response " + i + " of " + ods);
            }
        }
        return Outcome.SEEDED;
    }

    private HttpResponse<String> post(String token, TrustPlan.Answered response, String idempotencyKey) {
        return exchange("POST", "/api/rounds/" + round + "/responses", token,
                Map.of("status", response.status(), "answers", response.answers()), idempotencyKey);
    }

    private JsonNode send(String method, String path, String token, Object body, String idempotencyKey, int status) {
        HttpResponse<String> response = exchange(method, path, token, body, idempotencyKey);
        expect(response, status, method + " " + path);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SeedFailedException(method + " " + path + " answered with a body that is not JSON", e);
        }
    }

    /** A fresh writer's secret (32 random bytes, URL-safe base64), as a client of the API chooses its own. */
    private static String writerSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private HttpResponse<String> exchange(String method, String path, String token, Object body, String idempotencyKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .header("authorization", "Bearer " + token);
            if (idempotencyKey != null) {
                // A retry is the same writer's: an individual response's key is scoped to the writer's own secret.
                request.header("idempotency-key", idempotencyKey).header("response-secret", writerSecret());
            }
            if (body != null) {
                request.header("content-type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SeedFailedException("cannot reach the API at " + api + " (is `nhssm start` running?): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedFailedException("interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new SeedFailedException(what + ": expected " + status + " but got " + response.statusCode()
                    + " " + response.body());
        }
    }
}
