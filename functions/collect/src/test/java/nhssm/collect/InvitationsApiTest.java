package nhssm.collect;

import static nhssm.collect.CollectFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nhssm.core.token.Scope;
import nhssm.core.token.TokenHash;
import nhssm.http.testing.HttpApiEvent;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Invitations (admin → lead token) and staff links (lead → staff token). */
class InvitationsApiTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private CollectFixture fx;

    @BeforeEach
    void freshTable() {
        fx = new CollectFixture(DYNAMO.dynamo());
    }

    private APIGatewayV2HTTPResponse invite(String adminToken, String body) {
        return fx.send(HttpApiEvent.request("POST", "/api/admin/rounds/{round}/invitations", "/api/admin/rounds/2026/invitations")
                .bearer(adminToken).json(body));
    }

    private APIGatewayV2HTTPResponse staffLink(String token) {
        return fx.send(HttpApiEvent.request("POST", "/api/rounds/{round}/staff-links", "/api/rounds/2026/staff-links").bearer(token));
    }

    @Test
    void invite_shouldReturnALeadTokenOnceAndStoreOnlyItsHash_whenTheAdminInvitesAnOpenTrust() {
        APIGatewayV2HTTPResponse response = invite(CollectFixture.ADMIN_TOKEN, "{\"odsCode\": \"RJ1\"}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("cache-control", "no-store");
        JsonNode body = json(response);
        String token = body.get("token").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(body.get("scope").asText()).isEqualTo("LEAD");
        assertThat(body.get("surveyLink").asText()).isEqualTo("/survey/2026?token=" + token);
        assertThat(fx.items("TOKEN")).singleElement().satisfies(item -> {
            assertThat(item.get("pk").s()).isEqualTo("TOKEN#" + TokenHash.of(token).hex());
            assertThat(item.values()).extracting(AttributeValue::toString).noneMatch(v -> v.contains(token));
        });
    }

    @Test
    void invite_shouldGiveATokenThatOwnsTheOfficialReturn_whenUsed() {
        String token = json(invite(CollectFixture.ADMIN_TOKEN, "{\"odsCode\": \"RJ1\"}")).get("token").asText();

        APIGatewayV2HTTPResponse created = fx.send(HttpApiEvent.request("POST", "/api/rounds/{round}/responses",
                "/api/rounds/2026/responses").bearer(token).json(Bodies.official("SUBMITTED")));

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(json(created).get("kind").asText()).isEqualTo("OFFICIAL");
    }

    @Test
    void invite_shouldRefuseAndStoreNoToken_whenTheAdminTokenIsWrongOrMissing() {
        assertThat(invite("not-the-admin", "{\"odsCode\": \"RJ1\"}").getStatusCode()).isEqualTo(401);
        APIGatewayV2HTTPResponse missing = fx.send(HttpApiEvent.request("POST", "/api/admin/rounds/{round}/invitations",
                "/api/admin/rounds/2026/invitations").json("{\"odsCode\": \"RJ1\"}"));
        assertThat(missing.getStatusCode()).isEqualTo(401);
        String lead = fx.token("RJ1", Scope.LEAD);
        assertThat(invite(lead, "{\"odsCode\": \"RJ1\"}").getStatusCode()).as("a lead is not the admin").isEqualTo(401);
        assertThat(fx.items("TOKEN")).hasSize(1);
    }

    @Test
    void invite_shouldNameTheFieldAndStoreNothing_whenTheTrustIsUnknownOrClosed() {
        // RNK closed on 2026-03-31, before the census date (reference list).
        for (String ods : new String[] {"ZZZ", "RNK"}) {
            APIGatewayV2HTTPResponse refused = invite(CollectFixture.ADMIN_TOKEN, "{\"odsCode\": \"" + ods + "\"}");

            assertThat(refused.getStatusCode()).isEqualTo(422);
            JsonNode error = json(refused).get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo("odsCode");
            assertThat(error.get("value").asText()).isEqualTo(ods);
        }
        assertThat(fx.items("TOKEN")).isEmpty();
    }

    @Test
    void invite_shouldExplainTheBody_whenTheOdsCodeIsMissing() {
        APIGatewayV2HTTPResponse refused = invite(CollectFixture.ADMIN_TOKEN, "{\"ods\": \"RJ1\"}");

        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(json(refused).get("errors").get(0).get("message").asText()).contains("odsCode");
    }

    @Test
    void staffLink_shouldIssueAStaffTokenForTheLeadsOwnTrust_whenALeadAsks() {
        String lead = fx.token("RX9", Scope.LEAD);

        APIGatewayV2HTTPResponse link = staffLink(lead);

        assertThat(link.getStatusCode()).isEqualTo(201);
        assertThat(json(link).get("scope").asText()).isEqualTo("STAFF");
        assertThat(json(link).get("trust").get("odsCode").asText()).isEqualTo("RX9");
        APIGatewayV2HTTPResponse created = fx.send(HttpApiEvent.request("POST", "/api/rounds/{round}/responses",
                "/api/rounds/2026/responses").bearer(json(link).get("token").asText()).json(Bodies.individual("SUBMITTED")));
        assertThat(json(created).get("kind").asText()).isEqualTo("INDIVIDUAL");
        assertThat(json(created).get("trust").get("odsCode").asText()).isEqualTo("RX9");
    }

    @Test
    void staffLink_shouldBeRefused_whenAStaffTokenAsks() {
        String staff = fx.token("RX9", Scope.STAFF);

        APIGatewayV2HTTPResponse refused = staffLink(staff);

        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(fx.items("TOKEN")).hasSize(1);
    }

    @Test
    void staffLink_shouldBeRefused_whenTheTokenIsForAnotherRound() {
        // A grant for round 2025, presented on the 2026 route.
        String token = "lead-2025";
        fx.store.saveToken(new nhssm.core.token.TokenGrant(TokenHash.of(token), "2025", "RJ1", Scope.LEAD,
                fx.now, fx.now.plusSeconds(3600)));

        APIGatewayV2HTTPResponse refused = staffLink(token);

        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(json(refused).get("detail").asText()).contains("2025");
        assertThat(Map.of("tokens", fx.items("TOKEN").size())).containsEntry("tokens", 1);
    }
}
