package nhssm.reliability;

import static nhssm.reliability.HostileRequests.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import nhssm.core.token.Scope;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenSecret;
import nhssm.local.demo.AggregationWait;
import nhssm.reliability.DocumentedAnswers.Route;
import nhssm.reliability.HostileRequests.Body;
import nhssm.reliability.RawHttp.Request;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 7, bad input: malformed and hostile requests to every route of template.yaml, through the local
 * HTTP API to the functions in their own JVMs and the DynamoDB engine. Every answer must be one docs/API.md
 * documents (never a 5xx), and the table must be exactly as it was: none of these requests is valid, so
 * none may write. The counts per route and status go to {@code target/reliability/bad-input.md}.
 */
class BadInputProperties {

    private static final int TRIES = 1_000;
    private static final String ROUND = RunningSystem.ROUND;

    private static RunningSystem system;
    private static HostileRequests hostile;
    private static HostileRequests.Tokens tokens;
    /** The form token of the lead's survey page: what a browser that opened the form would post back. */
    private static String leadCsrf;
    private static Set<Map<String, AttributeValue>> before;
    private static final Map<Route, Map<Integer, AtomicLong>> SEEN = new EnumMap<>(Route.class);
    private static final AtomicLong NANOS = new AtomicLong();

    @BeforeContainer
    static void start() {
        system = RunningSystem.start(BadInputProperties.class.getSimpleName());
        String lead = system.inviteLead("RJ1");
        String staff = system.staffLink(lead);
        String otherLead = system.inviteLead("R0A");
        // The one valid write: the lead's draft official return, whose id the hostile requests aim at.
        String responseId = system.expect201(RawHttp.send(system.api(), Request.post("/api/rounds/" + ROUND
                + "/responses").bearer(lead).json("{\"status\":\"DRAFT\",\"answers\":{\"Q07\":3}}"))).path("id").asText();
        // Tokens the API never hands out: one that expired, one of another round (stored as the API stores them).
        String expired = TokenSecret.generate(new SecureRandom()).value();
        String otherRound = TokenSecret.generate(new SecureRandom()).value();
        Instant issued = RunningSystem.CLOCK_FROM.minus(Duration.ofDays(400));
        system.surveyStore().saveToken(new TokenGrant(new TokenSecret(expired).hash(), ROUND, "RJ1", Scope.LEAD,
                issued, RunningSystem.CLOCK_FROM.minus(Duration.ofDays(1))));
        system.surveyStore().saveToken(new TokenGrant(new TokenSecret(otherRound).hash(), "2025", "RJ1", Scope.LEAD,
                issued, RunningSystem.CLOCK_FROM.plus(Duration.ofDays(400))));
        tokens = new HostileRequests.Tokens(system.adminToken(), lead, staff, otherLead, expired, otherRound, responseId);
        hostile = new HostileRequests(tokens);
        leadCsrf = csrfOf(RawHttp.send(system.api(), Request.get("/survey/" + ROUND)
                .header("Cookie", "__Host-nhssm-token-" + ROUND + "=" + lead)));
        // The draft's stream record reaches the aggregate function, which writes RJ1's record; wait for it.
        AggregationWait wait = new AggregationWait(system.trustRecords(), ROUND);
        wait.await(wait.targets(List.of("RJ1")), Duration.ofSeconds(60), System.out);
        before = system.scan();
    }

    @AfterContainer
    static void stop() throws IOException {
        try {
            if (system != null) {
                writeCounts();
            }
        } finally {
            if (system != null) {
                system.close();
            }
        }
    }

    @AfterProperty
    void tableUnchanged() {
        assertThat(system.scan()).as("the table after the property's requests").isEqualTo(before);
    }

    // ---- the routes -----------------------------------------------------------------------------

    @Property(tries = TRIES)
    void definition(@ForAll("definitionRequests") Request request) {
        check(Route.DEFINITION, request);
    }

    @Provide
    Arbitrary<Request> definitionRequests() {
        return Combinators.combine(hostile.segment(ROUND), Arbitraries.of("If-None-Match", "Accept", "Authorization"),
                        hostile.headerValue())
                .as((round, header, value) -> Request.get("/api/rounds/" + round + "/definition").header(header, value));
    }

    @Property(tries = TRIES)
    void createResponse(@ForAll("createRequests") Request request) {
        check(Route.CREATE_RESPONSE, request);
    }

    @Provide
    Arbitrary<Request> createRequests() {
        return Combinators.combine(hostile.segment(ROUND), tokenWithBody(tokens.lead(), tokens.staff(),
                        tokens.otherTrustLead()), hostile.headerValue().optional(0.3))
                .as((round, authorized, idempotencyKey) -> {
                    Request request = authorized.apply(Request.post("/api/rounds/" + round + "/responses"));
                    return idempotencyKey.map(key -> request.header("Idempotency-Key", key)).orElse(request);
                });
    }

    @Property(tries = TRIES)
    void readResponse(@ForAll("readRequests") Request request) {
        check(Route.READ_RESPONSE, request);
    }

    @Provide
    Arbitrary<Request> readRequests() {
        return Combinators.combine(hostile.segment(ROUND), hostile.segment(tokens.responseId()), anyAuthorization())
                .as((round, id, auth) -> withAuthorization(Request.get("/api/rounds/" + round + "/responses/" + id), auth));
    }

    @Property(tries = TRIES)
    void replaceResponse(@ForAll("replaceRequests") Request request) {
        check(Route.REPLACE_RESPONSE, request);
    }

    @Provide
    Arbitrary<Request> replaceRequests() {
        return Combinators.combine(hostile.segment(ROUND), hostile.segment(tokens.responseId()),
                        tokenWithBody(tokens.lead()), hostile.headerValue().optional(0.8))
                .as((round, id, authorized, ifMatch) -> {
                    Request request = authorized.apply(Request.post("/api/rounds/" + round + "/responses/" + id)
                            .method("PUT"));
                    return ifMatch.map(v -> request.header("If-Match", v)).orElse(request);
                });
    }

    @Property(tries = TRIES)
    void staffLink(@ForAll("staffLinkRequests") Request request) {
        check(Route.STAFF_LINK, request);
    }

    @Provide
    Arbitrary<Request> staffLinkRequests() {
        // A lead's token would be a valid request whatever the body: never sent here.
        Arbitrary<Optional<String>> refused = Arbitraries.oneOf(hostile.refusedAuthorization(),
                Arbitraries.of(tokens.staff(), tokens.admin()).map(t -> Optional.of("Bearer " + t)));
        return Combinators.combine(hostile.segment(ROUND), refused, hostile.anyBody())
                .as((round, auth, body) -> withAuthorization(Request.post("/api/rounds/" + round + "/staff-links")
                        .body(body.contentType(), body.bytes()), auth));
    }

    @Property(tries = TRIES)
    void invitation(@ForAll("invitationRequests") Request request) {
        check(Route.INVITATION, request);
    }

    @Provide
    Arbitrary<Request> invitationRequests() {
        return Combinators.combine(hostile.segment(ROUND), tokenWithBody(tokens.admin()))
                .as((round, authorized) -> authorized.apply(Request.post("/api/admin/rounds/" + round + "/invitations")));
    }

    @Property(tries = TRIES)
    void surveyForm(@ForAll("surveyFormRequests") Request request) {
        check(Route.SURVEY_FORM, request);
    }

    @Provide
    Arbitrary<Request> surveyFormRequests() {
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("?saved=1"),
                Arbitraries.oneOf(hostile.forgedToken(), Arbitraries.of(tokens.lead(), tokens.staff(), tokens.expired(),
                        tokens.otherRound())).map(t -> "?token=" + HostileRequests.encode(t)),
                hostile.segment("x").map(v -> "?token=" + v));
        return Combinators.combine(hostile.segment(ROUND), query, cookie(), browserHeaders())
                .as((round, q, cookie, headers) -> withHeaders(Request.get("/survey/" + round + q), cookie, headers));
    }

    @Property(tries = TRIES)
    void surveyPost(@ForAll("surveyPostRequests") Request request) {
        check(Route.SURVEY_POST, request);
    }

    @Provide
    Arbitrary<Request> surveyPostRequests() {
        // Never the right csrf field with a valid cookie: a valid cookie comes only with a wrong or missing one.
        Arbitrary<String> csrf = Arbitraries.oneOf(Arbitraries.just(""), hostile.forgedToken().map(t -> "csrf=" + t + "&"),
                Arbitraries.just("csrf=&"), Arbitraries.just("csrf=" + "A".repeat(10_000) + "&"));
        Arbitrary<Body> form = Combinators.combine(csrf, Arbitraries.of("status=SUBMITTED&Q07=12", "status=DRAFT",
                        "status=DRAFT&Q07=%ZZ", "Q02=COMMS_DIRECTOR_HEAD&Q07=5&version=1&submission=x", "status=NOPE",
                        "version=-1&status=DRAFT", "submission=" + "%00".repeat(50)))
                .as((c, rest) -> new Body("application/x-www-form-urlencoded", (c + rest).getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Body> body = Arbitraries.<Body>frequencyOf(weighted(3, form), weighted(1, hostile.refusedBody()));
        return Combinators.combine(hostile.segment(ROUND), body, cookie(), browserHeaders())
                .as((round, b, cookie, headers) -> withHeaders(Request.post("/survey/" + round)
                        .body(b.contentType(), b.bytes()), cookie, headers));
    }

    /**
     * The browser's post of the survey form, with everything right (the lead's cookie, the page's form token, the
     * draft's version) but a number no question takes, in any field: refused with the form again (422).
     */
    @Property(tries = TRIES / 2)
    void surveyPostNumbers(@ForAll("surveyPostNumberRequests") Request request) {
        check(Route.SURVEY_POST, request);
    }

    @Provide
    Arbitrary<Request> surveyPostNumberRequests() {
        return hostile.hostileNumberForm().map(form -> Request.post("/survey/" + ROUND)
                .header("Cookie", "__Host-nhssm-token-" + ROUND + "=" + tokens.lead())
                .body(form.contentType(), ("csrf=" + HostileRequests.encode(leadCsrf) + "&version=1&"
                        + new String(form.bytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = TRIES)
    void surveyReceipt(@ForAll("receiptRequests") Request request) {
        check(Route.SURVEY_RECEIPT, request);
    }

    @Provide
    Arbitrary<Request> receiptRequests() {
        return Combinators.combine(hostile.segment(ROUND), cookie(), browserHeaders())
                .as((round, cookie, headers) -> withHeaders(Request.get("/survey/" + round + "/receipt"), cookie, headers));
    }

    @Property(tries = TRIES)
    void nationalReport(@ForAll("nationalReportRequests") Request request) {
        check(Route.NATIONAL_REPORT, request);
    }

    @Provide
    Arbitrary<Request> nationalReportRequests() {
        return Combinators.combine(hostile.segment(ROUND), hostile.segment("national.csv"), anyAuthorization(),
                        hostile.headerValue().optional(0.3))
                .as((round, file, auth, etag) -> {
                    Request request = withAuthorization(Request.get("/reports/" + round + "/" + file), auth);
                    return etag.map(v -> request.header("If-None-Match", v)).orElse(request);
                });
    }

    @Property(tries = TRIES)
    void trustReport(@ForAll("trustReportRequests") Request request) {
        check(Route.TRUST_REPORT, request);
    }

    @Provide
    Arbitrary<Request> trustReportRequests() {
        return Combinators.combine(hostile.segment(ROUND), hostile.segment("RJ1.html"), anyAuthorization(), cookie())
                .as((round, file, auth, cookie) -> withHeaders(withAuthorization(
                        Request.get("/reports/" + round + "/trusts/" + file), auth), cookie, Map.of()));
    }

    @Property(tries = TRIES)
    void noRoute(@ForAll("noRouteRequests") Request request) {
        check(Route.NO_ROUTE, request);
    }

    @Provide
    Arbitrary<Request> noRouteRequests() {
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.of("/", "/api", "/api/rounds", "/api/rounds/2026", "/api/rounds/2026/responses/a/b",
                        "/reports/2026", "/reports/2026/trusts", "/reports/2026/trusts/RJ1.pdf/x", "/survey",
                        "/survey/2026/receipt/x", "/%2e%2e/%2e%2e/etc/passwd", "/api/admin/rounds/2026",
                        "/api/rounds/2026/definition/..%2F..%2F"),
                hostile.segment("x").filter(s -> !s.isEmpty()).map(s -> "/" + s + "/" + s));
        // Methods no route has for these paths, and paths no route has.
        return Combinators.combine(Arbitraries.of("GET", "DELETE", "PATCH", "TRACE", "PROPFIND"), path, hostile.anyBody())
                .as((method, p, body) -> Request.get(p).method(method).body(body.contentType(), body.bytes()));
    }

    /** A few bodies over API Gateway's 10 MB limit, to each route that takes a body. */
    @Example
    void bodiesOverTenMegabytes() {
        byte[] huge = ("{\"status\":\"DRAFT\",\"answers\":{\"Q42\":\"" + "z".repeat(DocumentedAnswers.GATEWAY_BODY_LIMIT)
                + "\"}}").getBytes(StandardCharsets.UTF_8);
        check(Route.CREATE_RESPONSE, Request.post("/api/rounds/" + ROUND + "/responses").bearer(tokens.staff())
                .body("application/json", huge));
        check(Route.REPLACE_RESPONSE, Request.post("/api/rounds/" + ROUND + "/responses/" + tokens.responseId())
                .method("PUT").bearer(tokens.lead()).header("If-Match", "\"1\"").body("application/json", huge));
        check(Route.SURVEY_POST, Request.post("/survey/" + ROUND).header("Cookie", "__Host-nhssm-token-2026=" + tokens.lead())
                .body("application/x-www-form-urlencoded", huge));
    }

    // ---- composing requests -----------------------------------------------------------------------

    /**
     * A token with a body: a token refused by the route with any body, valid ones too, or one of
     * {@code mayWrite} with a body the survey's rules refuse.
     */
    private Arbitrary<java.util.function.UnaryOperator<Request>> tokenWithBody(String... mayWrite) {
        Arbitrary<java.util.function.UnaryOperator<Request>> refusedToken = Combinators.combine(
                        hostile.refusedAuthorization(), hostile.anyBody())
                .as((auth, body) -> r -> withAuthorization(r.body(body.contentType(), body.bytes()), auth));
        Arbitrary<java.util.function.UnaryOperator<Request>> refusedBody = Combinators.combine(
                        Arbitraries.of(mayWrite), hostile.refusedBody())
                .as((token, body) -> r -> r.body(body.contentType(), body.bytes()).bearer(token));
        return Arbitraries.oneOf(refusedToken, refusedBody);
    }

    private Arbitrary<Optional<String>> anyAuthorization() {
        return Arbitraries.oneOf(hostile.refusedAuthorization(), Arbitraries.of(tokens.lead(), tokens.staff(),
                tokens.otherTrustLead(), tokens.admin()).map(t -> Optional.of("Bearer " + t)));
    }

    private Arbitrary<Optional<String>> cookie() {
        return Arbitraries.oneOf(
                Arbitraries.just(Optional.<String>empty()),
                Arbitraries.oneOf(hostile.forgedToken(), Arbitraries.of(tokens.lead(), tokens.staff(), tokens.expired(),
                        tokens.otherRound())).map(t -> Optional.of("__Host-nhssm-token-2026=" + t)),
                hostile.headerValue().map(v -> Optional.of("__Host-nhssm-token-2026=" + v + "; __Host-nhssm-response-2026=" + v)));
    }

    private Arbitrary<Map<String, String>> browserHeaders() {
        return Combinators.combine(Arbitraries.of("cross-site", "same-origin", "none", "", "CROSS-SITE"),
                        hostile.headerValue())
                .as((site, proto) -> Map.of("Sec-Fetch-Site", site, "X-Forwarded-Proto", proto));
    }

    private static Request withAuthorization(Request request, Optional<String> authorization) {
        return authorization.map(a -> request.header("Authorization", a)).orElse(request);
    }

    private static Request withHeaders(Request request, Optional<String> cookie, Map<String, String> headers) {
        Request withCookie = cookie.map(c -> request.header("Cookie", c)).orElse(request);
        for (Map.Entry<String, String> header : new TreeMap<>(headers).entrySet()) {
            withCookie = withCookie.header(header.getKey(), header.getValue());
        }
        return withCookie;
    }

    // ---- checking and counting --------------------------------------------------------------------

    private static String csrfOf(RawHttp.Response page) {
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(new String(page.body(), StandardCharsets.UTF_8));
        assertThat(csrf.find()).as("the lead's form page (%s) has a form token", page.status()).isTrue();
        return csrf.group(1);
    }

    private static void check(Route route, Request request) {
        long started = System.nanoTime();
        RawHttp.Response response = RawHttp.send(system.api(), request);
        NANOS.addAndGet(System.nanoTime() - started);
        synchronized (SEEN) {
            SEEN.computeIfAbsent(route, r -> new TreeMap<>()).computeIfAbsent(response.status(), s -> new AtomicLong())
                    .incrementAndGet();
        }
        Optional<String> violation = DocumentedAnswers.violation(route, request, response);
        assertThat(violation).as("%s → %s (the system's log: %s)", request, response.status(), system.logFile())
                .isEmpty();
    }

    private static void writeCounts() throws IOException {
        StringBuilder table = new StringBuilder("| route | requests | statuses |\n|---|---:|---|\n");
        long total = 0;
        synchronized (SEEN) {
            for (Map.Entry<Route, Map<Integer, AtomicLong>> route : SEEN.entrySet()) {
                long count = route.getValue().values().stream().mapToLong(AtomicLong::get).sum();
                total += count;
                StringBuilder statuses = new StringBuilder();
                route.getValue().forEach((status, n) -> statuses.append(statuses.isEmpty() ? "" : ", ")
                        .append(status).append(" × ").append(n.get()));
                table.append("| ").append(route.getKey()).append(" | ").append(count).append(" | ").append(statuses)
                        .append(" |\n");
            }
        }
        table.append("| all | ").append(total).append(" | ")
                .append(Duration.ofNanos(NANOS.get()).toMillis()).append(" ms waiting for answers |\n");
        Path out = Files.createDirectories(Path.of("target", "reliability")).resolve("bad-input.md");
        Files.writeString(out, table);
        System.out.print(table);
    }
}
