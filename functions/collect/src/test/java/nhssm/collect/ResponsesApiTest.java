package nhssm.collect;

import static nhssm.collect.CollectFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nhssm.core.token.Scope;
import nhssm.http.testing.HttpApiEvent;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The responses routes end to end: handler, validation and the DynamoDB store on the DynamoDB engine. */
class ResponsesApiTest {

    private static final String COLLECTION = "/api/rounds/{round}/responses";
    private static final String ONE = "/api/rounds/{round}/responses/{id}";
    private static final String WELSH_AND_EMOJI = "Mae'r ŵyn yn chwarae ar y bryn; ŷd aur 👩‍⚕️💙 — “diolch”";

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private CollectFixture fx;
    private String lead;
    private String staff;

    @BeforeEach
    void freshTable() {
        fx = new CollectFixture(DYNAMO.dynamo());
        lead = fx.token("RJ1", Scope.LEAD);
        staff = fx.token("RJ1", Scope.STAFF);
    }

    /** Writers' own secrets, as two clients with the same staff link would choose them. */
    private static final String SECRET_A = "writer-a-0123456789abcdefghijklmnopqrstuvwxyzABCD";
    private static final String SECRET_B = "writer-b-0123456789abcdefghijklmnopqrstuvwxyzABCD";

    private static HttpApiEvent post(String token) {
        return HttpApiEvent.request("POST", COLLECTION, "/api/rounds/2026/responses").bearer(token);
    }

    private static HttpApiEvent one(String method, String token, String id) {
        return HttpApiEvent.request(method, ONE, "/api/rounds/2026/responses/" + id).bearer(token);
    }

    @Test
    void create_shouldStoreAnIndividualResponseWithItsFirstRevision_whenAStaffTokenPostsJson() {
        APIGatewayV2HTTPResponse response = fx.send(post(staff).json(Bodies.individual("SUBMITTED")));

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.get("kind").asText()).isEqualTo("INDIVIDUAL");
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(body.get("trust").get("odsCode").asText()).isEqualTo("RJ1");
        assertThat(response.getHeaders().get("location")).isEqualTo("/api/rounds/2026/responses/" + body.get("id").asText());
        assertThat(fx.items("RESP#")).hasSize(1);
        assertThat(fx.items("REV#")).hasSize(1);
    }

    @Test
    void create_shouldStoreEveryValue_whenAFormArrivesBase64EncodedWithRepeatedKeys() {
        String form = "status=SUBMITTED&Q02=CLINICIAN&Q06=X_TWITTER&Q06=INSTAGRAM&Q13=STANDALONE"
                + "&Q14=NONE&Q17=BLOCKED&Q37=1&Q38=2&Q39=1&Q40=2&Q07=&Q43="
                + URLEncoder.encode(WELSH_AND_EMOJI, StandardCharsets.UTF_8);

        APIGatewayV2HTTPResponse created = fx.send(post(staff).form(form));

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        JsonNode read = json(fx.send(one("GET", staff, json(created).get("id").asText())
                .header("response-secret", json(created).get("responseSecret").asText())));
        assertThat(read.get("answers").get("Q06")).extracting(JsonNode::asText).containsExactly("X_TWITTER", "INSTAGRAM");
        assertThat(read.get("answers").get("Q43").asText()).isEqualTo(WELSH_AND_EMOJI);
        assertThat(read.get("answers").get("Q37").asInt()).isEqualTo(1);
        assertThat(read.get("answers").has("Q07")).as("an empty field is not answered").isFalse();
    }

    @Test
    void create_shouldDecodeThePlainBody_whenAFormArrivesWithoutBase64() {
        var event = post(staff).form("status=DRAFT&Q02=OTHER&Q43=" + URLEncoder.encode("ŷ 💙", StandardCharsets.UTF_8)).build();
        event.setIsBase64Encoded(false);
        event.setBody("status=DRAFT&Q02=OTHER&Q43=" + URLEncoder.encode("ŷ 💙", StandardCharsets.UTF_8));

        APIGatewayV2HTTPResponse created = fx.send(event);

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(json(created).get("answers").get("Q43").asText()).isEqualTo("ŷ 💙");
    }

    @Test
    void create_shouldKeepWelshAndEmojiExactly_whenStoredAndReadBack() {
        String body = Bodies.official("SUBMITTED", "\"Q42\": \"" + WELSH_AND_EMOJI + "\", \"Q42_CONSENT\": \"YES\"");

        APIGatewayV2HTTPResponse created = fx.send(post(lead).json(body));

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(fx.items("RESP#").get(0).get("answers").m().get("Q42").s()).isEqualTo(WELSH_AND_EMOJI);
        JsonNode read = json(fx.send(one("GET", lead, json(created).get("id").asText())));
        assertThat(read.get("answers").get("Q42").asText()).isEqualTo(WELSH_AND_EMOJI);
    }

    @Test
    void create_shouldStoreOnceAndReplayTheOriginal_whenRetriedWithTheSameIdempotencyKey() {
        HttpApiEvent request = post(staff).header("idempotency-key", "a1b2c3").header("response-secret", SECRET_A)
                .json(Bodies.individual("DRAFT"));

        APIGatewayV2HTTPResponse first = fx.send(request);
        APIGatewayV2HTTPResponse retry = fx.send(request);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("location", first.getHeaders().get("location"));
        assertThat(fx.items("RESP#")).hasSize(1);
    }

    @Test
    void create_shouldRefuseAndStoreNothingMore_whenAnIdempotencyKeyComesBackWithAnotherBody() {
        fx.send(post(staff).header("idempotency-key", "k-1").header("response-secret", SECRET_A)
                .json(Bodies.individual("DRAFT")));

        APIGatewayV2HTTPResponse reused = fx.send(post(staff).header("idempotency-key", "k-1")
                .header("response-secret", SECRET_A).json(Bodies.individual("SUBMITTED")));

        assertThat(reused.getStatusCode()).isEqualTo(422);
        assertThat(json(reused).get("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(fx.items("RESP#")).hasSize(1);
    }

    @Test
    void create_shouldKeepKeysApart_whenTwoTokensUseTheSameIdempotencyKey() {
        String otherStaff = fx.token("RJ1", Scope.STAFF);

        fx.send(post(staff).header("idempotency-key", "same").header("response-secret", SECRET_A)
                .json(Bodies.individual("DRAFT")));
        APIGatewayV2HTTPResponse other = fx.send(post(otherStaff).header("idempotency-key", "same")
                .header("response-secret", SECRET_A).json(Bodies.individual("DRAFT")));

        assertThat(other.getStatusCode()).isEqualTo(201);
        assertThat(fx.items("RESP#")).hasSize(2);
    }

    @Test
    void create_shouldNotReplayAnotherWritersResponse_whenTwoPeopleWithTheSameStaffLinkUseTheSameKey() {
        HttpApiEvent first = post(staff).header("idempotency-key", "submit-1").header("response-secret", SECRET_A)
                .json(Bodies.individual("DRAFT"));
        HttpApiEvent second = post(staff).header("idempotency-key", "submit-1").header("response-secret", SECRET_B)
                .json(Bodies.individual("DRAFT"));

        APIGatewayV2HTTPResponse a = fx.send(first);
        APIGatewayV2HTTPResponse b = fx.send(second);

        assertThat(b.getStatusCode()).isEqualTo(201);
        assertThat(b.getHeaders()).doesNotContainKey("idempotent-replayed");
        assertThat(json(b).get("id").asText()).isNotEqualTo(json(a).get("id").asText());
        assertThat(fx.items("RESP#")).hasSize(2);
    }

    @Test
    void create_shouldAskForTheWritersOwnSecret_whenAStaffLinkSendsAnIdempotencyKeyWithoutOne() {
        APIGatewayV2HTTPResponse refused = fx.send(post(staff).header("idempotency-key", "k").json(Bodies.individual("DRAFT")));

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(json(refused).get("detail").asText()).contains("Response-Secret");
        assertThat(fx.items("RESP#")).isEmpty();
    }

    @Test
    void anIndividualResponse_shouldBeReadAndChangedOnlyWithItsWritersSecret_notByEveryHolderOfTheStaffLink() {
        APIGatewayV2HTTPResponse created = fx.send(post(staff).json(Bodies.individual("DRAFT")));
        String id = json(created).get("id").asText();
        String secret = json(created).get("responseSecret").asText();

        assertThat(created.getHeaders()).containsEntry("cache-control", "no-store");
        assertThat(fx.items("RESP#").getFirst().toString()).doesNotContain(secret);
        assertThat(fx.send(one("GET", staff, id)).getStatusCode()).as("the staff link alone").isEqualTo(404);
        assertThat(fx.send(one("GET", staff, id).header("response-secret", SECRET_B)).getStatusCode())
                .as("another writer's secret").isEqualTo(404);
        assertThat(fx.send(one("PUT", staff, id).header("if-match", "\"1\"").header("response-secret", SECRET_B)
                .json(Bodies.individual("SUBMITTED"))).getStatusCode()).isEqualTo(404);
        assertThat(fx.send(one("GET", staff, id).header("response-secret", secret)).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse changed = fx.send(one("PUT", staff, id).header("if-match", "\"1\"")
                .header("response-secret", secret).json(Bodies.individual("SUBMITTED")));
        assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(200);
        assertThat(json(changed).has("responseSecret")).as("returned once, at creation").isFalse();
    }

    @Test
    void create_shouldKeepTheWritersOwnSecret_andReturnNone_whenTheClientSentOne() {
        APIGatewayV2HTTPResponse created = fx.send(post(staff).header("response-secret", SECRET_A)
                .json(Bodies.individual("DRAFT")));

        assertThat(json(created).has("responseSecret")).isFalse();
        assertThat(fx.send(one("GET", staff, json(created).get("id").asText()).header("response-secret", SECRET_A))
                .getStatusCode()).isEqualTo(200);
    }

    @Test
    void create_shouldRefuseAMalformedResponseSecret_namingWhatIsAccepted() {
        APIGatewayV2HTTPResponse refused = fx.send(post(staff).header("response-secret", "short")
                .json(Bodies.individual("DRAFT")));

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(json(refused).get("detail").asText()).contains("43 to 128");
    }

    @Test
    void create_shouldRefuseASecondOfficialReturn_pointingToTheExistingOne() {
        String existing = json(fx.send(post(lead).json(Bodies.official("DRAFT")))).get("id").asText();

        APIGatewayV2HTTPResponse second = fx.send(post(lead).json(Bodies.official("SUBMITTED")));

        assertThat(second.getStatusCode()).isEqualTo(409);
        assertThat(json(second).get("existingId").asText()).isEqualTo(existing);
        assertThat(fx.items("RESP#")).hasSize(1);
    }

    @Test
    void create_shouldNameEachOffendingQuestionAndStoreNothing_whenAnswersAreInvalid() {
        String body = Bodies.individual("SUBMITTED", "\"Q09\": [\"NEWS\", \"NOT_A_PURPOSE\"], \"Q99\": \"X\"")
                .replace("\"Q02\": \"COMMS_DIGITAL_OFFICER\", ", "");

        APIGatewayV2HTTPResponse refused = fx.send(post(staff).json(body));

        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(refused.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(json(refused).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("Q02", "Q09", "Q99");
        assertThat(fx.items("RESP#")).isEmpty();
    }

    @Test
    void create_shouldNameTheStatusField_whenItIsMissing() {
        APIGatewayV2HTTPResponse refused = fx.send(post(staff).json("{\"answers\": {\"Q02\": \"CEO\"}}"));

        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(json(refused).get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(json(refused).get("errors").get(0).get("message").asText()).contains("DRAFT", "SUBMITTED");
    }

    @Test
    void create_shouldRefuseWithProblemJsonAndStoreNothing_whenTheJsonIsMalformed() {
        APIGatewayV2HTTPResponse refused = fx.send(post(staff).json("{\"status\": \"DRAFT\", \"answers\": {"));

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(fx.items("RESP#")).isEmpty();
    }

    @Test
    void create_shouldRefuseWith415AndStoreNothing_whenTheContentTypeIsNotAccepted() {
        APIGatewayV2HTTPResponse refused = fx.send(post(staff)
                .header("content-type", "text/plain").body(Bodies.individual("DRAFT").getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.getStatusCode()).isEqualTo(415);
        assertThat(json(refused).get("accepted")).extracting(JsonNode::asText)
                .containsExactly("application/json", "application/x-www-form-urlencoded");
        assertThat(fx.items("RESP#")).isEmpty();
    }

    @Test
    void create_shouldRefuseWith413AndStoreNothing_whenTheBodyIsOver64Kilobytes() {
        String huge = Bodies.individual("DRAFT", "\"Q43\": \"" + "x".repeat(70_000) + "\"");

        APIGatewayV2HTTPResponse refused = fx.send(post(staff).json(huge));

        assertThat(refused.getStatusCode()).isEqualTo(413);
        assertThat(refused.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(fx.items("RESP#")).isEmpty();
    }

    @Test
    void create_shouldSayWhenTheWindowIs_whenTheRoundIsClosed() {
        CollectFixture afterClose = new CollectFixture(DYNAMO.dynamo(), Instant.parse("2027-03-01T00:00:00Z"));
        String token = afterClose.token("RJ1", Scope.STAFF);

        APIGatewayV2HTTPResponse refused = afterClose.send(post(token).json(Bodies.individual("SUBMITTED")));

        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(json(refused).get("detail").asText()).contains("2026-10-01", "2027-02-01");
        assertThat(afterClose.items("RESP#")).isEmpty();
    }

    @Test
    void create_shouldRefuseWithAChallenge_whenTheTokenIsMissingUnknownOrExpired() {
        String expired = fx.token("RJ1", Scope.STAFF, CollectFixture.DURING_ROUND.minusSeconds(1));

        List<APIGatewayV2HTTPResponse> refused = List.of(
                fx.send(HttpApiEvent.request("POST", COLLECTION, "/api/rounds/2026/responses").json(Bodies.individual("DRAFT"))),
                fx.send(post("not-a-token").json(Bodies.individual("DRAFT"))),
                fx.send(post(expired).json(Bodies.individual("DRAFT"))));

        assertThat(refused).allSatisfy(r -> {
            assertThat(r.getStatusCode()).isEqualTo(401);
            assertThat(r.getHeaders()).containsKey("www-authenticate");
        });
        assertThat(json(refused.get(2)).get("detail").asText()).contains("expired");
        assertThat(fx.items("RESP#")).isEmpty();
    }

    @Test
    void readAndReplace_shouldBeRefused_whenTheTokenBelongsToAnotherTrust() {
        String id = json(fx.send(post(lead).json(Bodies.official("DRAFT")))).get("id").asText();
        String otherTrustLead = fx.token("RYJ", Scope.LEAD);

        APIGatewayV2HTTPResponse read = fx.send(one("GET", otherTrustLead, id));
        APIGatewayV2HTTPResponse write = fx.send(one("PUT", otherTrustLead, id).header("if-match", "\"1\"")
                .json(Bodies.official("SUBMITTED")));

        assertThat(read.getStatusCode()).isEqualTo(404);
        assertThat(write.getStatusCode()).isEqualTo(404);
        assertThat(fx.items("RESP#")).singleElement()
                .satisfies(item -> assertThat(item.get("version").n()).isEqualTo("1"));
    }

    @Test
    void read_shouldNotShowTheOfficialReturn_whenAskedWithAStaffToken() {
        String id = json(fx.send(post(lead).json(Bodies.official("DRAFT")))).get("id").asText();

        assertThat(fx.send(one("GET", staff, id)).getStatusCode()).isEqualTo(404);
        assertThat(fx.send(one("GET", lead, id)).getStatusCode()).isEqualTo(200);
    }

    @Test
    void replace_shouldStoreTheNewVersionAndARevision_whenIfMatchIsCurrent() {
        String id = json(fx.send(post(lead).json(Bodies.official("DRAFT")))).get("id").asText();

        APIGatewayV2HTTPResponse replaced = fx.send(one("PUT", lead, id).header("if-match", "\"1\"")
                .json(Bodies.official("SUBMITTED", "\"Q07\": 30")));

        assertThat(replaced.getStatusCode()).as(replaced.getBody()).isEqualTo(200);
        assertThat(replaced.getHeaders()).containsEntry("etag", "\"2\"");
        assertThat(json(replaced).get("answers").get("Q07").asInt()).isEqualTo(30);
        assertThat(json(replaced).has("submittedAt")).isTrue();
        assertThat(fx.items("REV#")).extracting(i -> i.get("version").n()).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void replace_shouldRefuseWithTheCurrentVersion_whenIfMatchIsStale() {
        String id = json(fx.send(post(lead).json(Bodies.official("DRAFT")))).get("id").asText();
        fx.send(one("PUT", lead, id).header("if-match", "\"1\"").json(Bodies.official("DRAFT")));

        APIGatewayV2HTTPResponse stale = fx.send(one("PUT", lead, id).header("if-match", "\"1\"").json(Bodies.official("SUBMITTED")));

        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(json(stale).get("currentVersion").asLong()).isEqualTo(2);
    }

    @Test
    void replace_shouldAskForTheVersion_whenIfMatchIsMissing() {
        String id = json(fx.send(post(lead).json(Bodies.official("DRAFT")))).get("id").asText();

        APIGatewayV2HTTPResponse refused = fx.send(one("PUT", lead, id).json(Bodies.official("SUBMITTED")));

        assertThat(refused.getStatusCode()).isEqualTo(428);
    }

    @Test
    void replace_shouldRefuseAReturnToDraft_whenTheResponseWasSubmitted() {
        String id = json(fx.send(post(lead).json(Bodies.official("SUBMITTED")))).get("id").asText();

        APIGatewayV2HTTPResponse refused = fx.send(one("PUT", lead, id).header("if-match", "\"1\"").json(Bodies.official("DRAFT")));

        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(json(refused).get("errors").get(0).get("field").asText()).isEqualTo("status");
    }

    @Test
    void replace_shouldLetExactlyOneWin_whenTwoPutsCarryTheSameVersionAtOnce() throws Exception {
        String id = json(fx.send(post(lead).json(Bodies.official("DRAFT")))).get("id").asText();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> puts = new ArrayList<>();
        for (int q07 : new int[] {40, 41}) {
            var event = one("PUT", lead, id).header("if-match", "\"1\"")
                    .json(Bodies.official("DRAFT", "\"Q07\": " + q07)).build();
            puts.add(() -> {
                start.await();
                return fx.send(event).getStatusCode();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = puts.stream().map(pool::submit).toList();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }

            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            assertThat(fx.items("REV#")).hasSize(2);
            assertThat(fx.items("RESP#").get(0).get("version").n()).isEqualTo("2");
        } finally {
            pool.shutdownNow();
        }
    }
}
