package nhssm.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.core.token.TokenHash;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;
import nhssm.local.demo.AggregationWait;
import nhssm.local.dynamodb.TemplateTable;
import nhssm.local.seed.Seeder;
import nhssm.local.seed.SyntheticCensus;
import nhssm.local.seed.TrustPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logs of a whole journey through the local system as `nhssm start` runs it: a small synthetic census sent through
 * the JSON API, a lead's survey link opened, the form fetched, a draft saved and a form with an error sent, the
 * stream reconciled, and the national and a trust's report downloaded. Every line a function wrote is Lambda's
 * structured JSON or an embedded metric, and nothing anywhere in the logs is a token, its hash, a cookie, a form's
 * CSRF value, or an answer typed in.
 */
class JourneyLogTest {

    private static final String ADMIN = "journey-log-test-admin-token-do-not-use";
    private static final String ROUND = "2026";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern FUNCTION_LINE = Pattern.compile("^\\[(CollectFunction|ReportFunction|AggregateFunction)\\] (.*)$");

    @TempDir
    static Path work;
    private static LocalSystem system;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static final ByteArrayOutputStream ERRORS = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        system = LocalSystem.start(new LocalConfig(TemplateTable.locateTemplate().getParent(), 0, 0, Optional.empty(), work,
                        ADMIN, Optional.of(Instant.parse("2026-11-24T09:00:00Z"))),
                new PrintStream(LOG, true, StandardCharsets.UTF_8), new PrintStream(ERRORS, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aWholeJourney_shouldLogOnlyStructuredLines_withNoTokenAnswerOrPersonInThem() throws Exception {
        Set<String> secrets = new TreeSet<>(List.of(ADMIN, TokenHash.of(ADMIN).hex()));

        // A census through the JSON API: invitations, official returns, staff links and staff responses.
        List<Trust> trusts = TrustRegister.bundled().openOn(LocalDate.parse("2026-10-01")).stream()
                .filter(t -> t.type().equals("ambulance")).limit(6).toList();
        List<TrustPlan> plans = SyntheticCensus.plan(trusts, 13);
        new Seeder(system.apiUri(), ADMIN, ROUND, new PrintStream(new ByteArrayOutputStream())).run(plans, 2);
        plans.stream().filter(TrustPlan::responds).forEach(p -> {
            secrets.addAll(freeText(p.official()));
            p.individuals().forEach(i -> secrets.addAll(freeText(i)));
        });

        // A lead's journey in a browser: the link, the form, a draft, a form with an error.
        String lead = JSON.readTree(send(HttpRequest.newBuilder(api("/api/admin/rounds/2026/invitations"))
                .header("authorization", "Bearer " + ADMIN).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"odsCode\":\"RJ1\"}")), 201).body()).path("token").asText();
        secrets.addAll(List.of(lead, TokenHash.of(lead).hex()));
        // The link opens a page naming the trust; its Continue button sets the survey's cookie.
        HttpResponse<String> link = send(HttpRequest.newBuilder(api("/survey/2026?token="
                + URLEncoder.encode(lead, StandardCharsets.UTF_8))).GET(), 200);
        String arrival = link.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        String arrivalCsrf = hidden(link.body(), "csrf");
        secrets.addAll(List.of(arrival.substring(arrival.indexOf('=') + 1), arrivalCsrf));
        String origin = system.apiUri().toString().replaceAll("/$", "");
        HttpResponse<String> proceeded = send(HttpRequest.newBuilder(api("/survey/2026/continue"))
                .header("cookie", arrival).header("origin", origin).header("sec-fetch-site", "same-origin")
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + enc(hidden(link.body(), "token"))
                        + "&csrf=" + enc(arrivalCsrf))), 303);
        String cookie = proceeded.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("__Host-nhssm-token-")).findFirst().orElseThrow().split(";", 2)[0];
        secrets.add(cookie.substring(cookie.indexOf('=') + 1));
        String page = send(HttpRequest.newBuilder(api("/survey/2026")).header("cookie", cookie).GET(), 200).body();
        String csrf = csrf(page);
        secrets.add(csrf);
        String typed = "Our comms lead Ms Example writes this herself, journey-log-marker";
        secrets.add(typed);
        send(form(cookie, origin, "csrf=" + enc(csrf) + "&status=DRAFT&Q02=COMMS_DIRECTOR_HEAD&Q42=" + enc(typed)), 303);
        send(form(cookie, origin, "csrf=" + enc(csrf) + "&status=DRAFT&Q02=NOT_A_CODE&Q42=" + enc(typed)), 422);

        // The stream reconciled, then the reports.
        AggregationWait aggregation = new AggregationWait(
                new DynamoDbTrustRecordStore(system.dynamo().client(), "SurveyTable"), ROUND);
        List<String> responding = plans.stream().filter(TrustPlan::responds).map(p -> p.trust().odsCode()).toList();
        aggregation.await(aggregation.targets(responding), Duration.ofSeconds(180), new PrintStream(new ByteArrayOutputStream()));
        send(HttpRequest.newBuilder(api("/reports/2026/national.pdf")).GET(), 200);
        send(HttpRequest.newBuilder(api("/reports/2026/trusts/" + responding.get(0) + ".pdf"))
                .header("authorization", "Bearer " + ADMIN).GET(), 200);

        String log = LOG.toString(StandardCharsets.UTF_8);
        String errors = ERRORS.toString(StandardCharsets.UTF_8);
        String everything = log + "\n" + errors;
        assertThat(secrets).allSatisfy(secret -> assertThat(everything).as("the logs hold a secret").doesNotContain(secret));
        assertThat(everything).doesNotContain("token=", "Bearer ", "nhssm-token-");

        List<JsonNode> events = new ArrayList<>();
        for (String line : log.lines().toList()) {
            Matcher m = FUNCTION_LINE.matcher(line);
            if (m.matches()) {
                JsonNode event = JSON.readTree(m.group(2));
                assertThat(event.isObject()).as(line).isTrue();
                if (!event.has("_aws")) {
                    assertThat(event.has("timestamp") && event.has("level") && event.has("message")).as(line).isTrue();
                }
                events.add(event);
            }
        }
        for (String line : errors.lines().toList()) {
            Matcher m = FUNCTION_LINE.matcher(line);
            if (m.matches()) {
                assertThat(m.group(2)).as("only the runtime's own notices go to stderr").startsWith("nhssm bootstrap: ");
            }
        }
        assertThat(events).anySatisfy(e -> assertThat(e.path("Submissions").asInt()).isEqualTo(1))
                .anySatisfy(e -> assertThat(e.path("Route").asText() + e.path("Submissions").asInt()).isEqualTo("form1"))
                .anySatisfy(e -> assertThat(e.path("Refusal").asText()).isEqualTo("status-422"))
                .anySatisfy(e -> assertThat(e.path("Report").asText() + e.path("Renders").asInt()).isEqualTo("national1"))
                .anySatisfy(e -> assertThat(e.path("Recomputations").asInt()).isPositive())
                .anySatisfy(e -> assertThat(e.path("AWSRequestId").asText()).isNotEmpty());
    }

    /** The free text of a response: every answer that is words rather than codes or numbers. */
    private static List<String> freeText(TrustPlan.Answered answered) {
        return answered.answers().values().stream().filter(v -> v instanceof String s && s.contains(" "))
                .map(String.class::cast).toList();
    }

    private static String csrf(String page) {
        Matcher input = Pattern.compile("<input[^>]*name=\"csrf\"[^>]*>").matcher(page);
        assertThat(input.find()).as("the form has its CSRF field").isTrue();
        Matcher value = Pattern.compile("value=\"([^\"]+)\"").matcher(input.group());
        assertThat(value.find()).isTrue();
        return value.group(1);
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"" + name + "\" value=\"([^\"]*)\">").matcher(html);
        assertThat(m.find()).as("hidden field " + name).isTrue();
        return m.group(1);
    }

    private static HttpRequest.Builder form(String cookie, String origin, String body) {
        return HttpRequest.newBuilder(api("/survey/2026")).header("cookie", cookie).header("origin", origin)
                .header("sec-fetch-site", "same-origin").header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static URI api(String path) {
        return system.apiUri().resolve(path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.build().uri() + ": " + response.body()).isEqualTo(expected);
        return response;
    }
}
