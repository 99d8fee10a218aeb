package nhssm.collect;

import static nhssm.collect.CollectFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import nhssm.core.audit.AuditAction;
import nhssm.core.audit.AuditEntry;
import nhssm.core.token.TokenHash;
import nhssm.http.testing.HttpApiEvent;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A token's life through the API: one active lead token per trust (re-inviting replaces it), tokens listed
 * without their secrets, revoked by the census team or (staff links) the trust's lead, refused afterwards
 * with the reason, and every issue and revocation in the audit log.
 */
class TokenLifecycleApiTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private CollectFixture fx;

    @BeforeEach
    void freshTable() {
        fx = new CollectFixture(DYNAMO.dynamo());
    }

    private JsonNode invite(String ods) {
        return json(fx.send(HttpApiEvent.request("POST", "/api/admin/rounds/{round}/invitations",
                "/api/admin/rounds/2026/invitations").bearer(CollectFixture.ADMIN_TOKEN).json("{\"odsCode\": \"" + ods + "\"}")));
    }

    private JsonNode staffLink(String lead) {
        return json(fx.send(HttpApiEvent.request("POST", "/api/rounds/{round}/staff-links", "/api/rounds/2026/staff-links")
                .bearer(lead)));
    }

    private APIGatewayV2HTTPResponse createDraft(String token) {
        return fx.send(HttpApiEvent.request("POST", "/api/rounds/{round}/responses", "/api/rounds/2026/responses")
                .bearer(token).json(Bodies.official("DRAFT")));
    }

    private APIGatewayV2HTTPResponse listAsAdmin(String ods) {
        return fx.send(HttpApiEvent.request("GET", "/api/admin/rounds/{round}/trusts/{ods}/tokens",
                "/api/admin/rounds/2026/trusts/" + ods + "/tokens").bearer(CollectFixture.ADMIN_TOKEN));
    }

    private APIGatewayV2HTTPResponse revokeAsAdmin(String ods, String id, String body) {
        HttpApiEvent request = HttpApiEvent.request("POST", "/api/admin/rounds/{round}/trusts/{ods}/tokens/{id}/revocation",
                "/api/admin/rounds/2026/trusts/" + ods + "/tokens/" + id + "/revocation").bearer(CollectFixture.ADMIN_TOKEN);
        return fx.send(body == null ? request : request.json(body));
    }

    private APIGatewayV2HTTPResponse revokeAsLead(String lead, String id) {
        return fx.send(HttpApiEvent.request("POST", "/api/rounds/{round}/staff-links/{id}/revocation",
                "/api/rounds/2026/staff-links/" + id + "/revocation").bearer(lead));
    }

    @Test
    void reinviting_shouldReplaceTheLeadToken_whichIsThenRefusedWithAProblemSayingSo() {
        JsonNode first = invite("RJ1");
        JsonNode second = invite("RJ1");

        APIGatewayV2HTTPResponse old = createDraft(first.get("token").asText());

        assertThat(second.get("replaced").asText()).isEqualTo(first.get("id").asText());
        assertThat(old.getStatusCode()).isEqualTo(401);
        assertThat(old.getHeaders()).containsKey("www-authenticate");
        assertThat(json(old).get("type").asText()).isEqualTo("/problems/unauthenticated");
        assertThat(json(old).get("reason").asText()).isEqualTo("replaced");
        assertThat(json(old).get("detail").asText()).contains("replaced by a newer invitation");
        assertThat(createDraft(second.get("token").asText()).getStatusCode()).isEqualTo(201);
    }

    @Test
    void list_shouldShowEachTokensScopeDatesAndState_butNeverTheTokenOrItsHash() {
        JsonNode first = invite("RJ1");
        String lead = invite("RJ1").get("token").asText();
        JsonNode staff = staffLink(lead);
        createDraft(lead);
        invite("RX9");

        APIGatewayV2HTTPResponse listed = listAsAdmin("RJ1");

        assertThat(listed.getStatusCode()).isEqualTo(200);
        assertThat(listed.getHeaders()).containsEntry("cache-control", "no-store");
        JsonNode tokens = json(listed).get("tokens");
        assertThat(tokens).hasSize(3);
        JsonNode replaced = byId(tokens, first.get("id").asText());
        JsonNode active = byId(tokens, TokenHash.of(lead).publicId());
        JsonNode unused = byId(tokens, staff.get("id").asText());
        assertThat(replaced.get("status").asText()).isEqualTo("replaced");
        assertThat(replaced.get("scope").asText()).isEqualTo("LEAD");
        assertThat(active.get("status").asText()).isEqualTo("active");
        assertThat(active.get("createdAt").asText()).isEqualTo(fx.now.toString());
        assertThat(active.get("lastUsedAt").asText()).isEqualTo(fx.now.toString());
        assertThat(unused.get("scope").asText()).isEqualTo("STAFF");
        assertThat(unused.has("lastUsedAt")).as("never used").isFalse();
        for (String secret : new String[] {first.get("token").asText(), lead, staff.get("token").asText()}) {
            assertThat(listed.getBody()).doesNotContain(secret, TokenHash.of(secret).hex(),
                    TokenHash.of(secret).hex().substring(0, 16));
        }
    }

    private static JsonNode byId(JsonNode tokens, String id) {
        for (JsonNode token : tokens) {
            if (token.get("id").asText().equals(id)) {
                return token;
            }
        }
        throw new AssertionError("no token " + id + " in " + tokens);
    }

    @Test
    void adminRevocation_shouldStopTheTokenOnEveryRoute_andBeAuditedWithItsReason() {
        String lead = invite("RJ1").get("token").asText();
        JsonNode staff = staffLink(lead);

        APIGatewayV2HTTPResponse revoked = revokeAsAdmin("RJ1", staff.get("id").asText(),
                "{\"reason\": \"forwarded outside the trust\"}");
        APIGatewayV2HTTPResponse again = revokeAsAdmin("RJ1", staff.get("id").asText(), null);
        APIGatewayV2HTTPResponse refused = fx.send(HttpApiEvent.request("POST", "/api/rounds/{round}/responses",
                "/api/rounds/2026/responses").bearer(staff.get("token").asText()).json(Bodies.individual("DRAFT")));

        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(json(revoked).get("status").asText()).isEqualTo("withdrawn");
        assertThat(json(revoked).get("revokedBy").asText()).isEqualTo("admin");
        assertThat(again.getStatusCode()).as("revoking twice is revoking").isEqualTo(200);
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(json(refused).get("reason").asText()).isEqualTo("withdrawn");
        assertThat(json(refused).get("detail").asText()).contains("withdrawn on 24 November 2026 by the census team");
        String subject = "token:" + staff.get("id").asText();
        assertThat(fx.store.auditOf("2026")).extracting(AuditEntry::action, AuditEntry::subject, AuditEntry::actor)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.TOKEN_ISSUED, "token:" + TokenHash.of(lead).publicId(), "admin"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.TOKEN_ISSUED, subject, "lead:" + TokenHash.of(lead).publicId()),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.TOKEN_REVOKED, subject, "admin"));
        assertThat(fx.store.auditOf("2026").getLast().reason()).isEqualTo("withdrawn: forwarded outside the trust");
    }

    @Test
    void aLead_shouldListAndWithdrawItsOwnTrustsStaffLinks_only() {
        String lead = invite("RJ1").get("token").asText();
        JsonNode staff = staffLink(lead);
        String otherLead = invite("RX9").get("token").asText();
        JsonNode otherStaff = staffLink(otherLead);
        String leadId = TokenHash.of(lead).publicId();

        APIGatewayV2HTTPResponse listed = fx.send(HttpApiEvent.request("GET", "/api/rounds/{round}/staff-links",
                "/api/rounds/2026/staff-links").bearer(lead));
        APIGatewayV2HTTPResponse otherTrusts = revokeAsLead(lead, otherStaff.get("id").asText());
        APIGatewayV2HTTPResponse itsOwnLeadToken = revokeAsLead(lead, leadId);
        APIGatewayV2HTTPResponse byStaff = revokeAsLead(staff.get("token").asText(), staff.get("id").asText());
        APIGatewayV2HTTPResponse withdrawn = revokeAsLead(lead, staff.get("id").asText());

        assertThat(json(listed).get("tokens")).singleElement()
                .satisfies(t -> assertThat(t.get("id").asText()).isEqualTo(staff.get("id").asText()));
        assertThat(otherTrusts.getStatusCode()).isEqualTo(404);
        assertThat(itsOwnLeadToken.getStatusCode()).isEqualTo(404);
        assertThat(byStaff.getStatusCode()).isEqualTo(403);
        assertThat(withdrawn.getStatusCode()).isEqualTo(200);
        assertThat(json(withdrawn).get("revokedBy").asText()).isEqualTo("lead:" + leadId);
        assertThat(createDraft(otherStaff.get("token").asText()).getStatusCode()).as("the other trust's link works")
                .isNotEqualTo(401);
        APIGatewayV2HTTPResponse refused = fx.send(HttpApiEvent.request("POST", "/api/rounds/{round}/responses",
                "/api/rounds/2026/responses").bearer(staff.get("token").asText()).json(Bodies.individual("DRAFT")));
        assertThat(json(refused).get("detail").asText()).contains("by your trust's lead");
    }

    @Test
    void tokenRoutes_shouldRefuseWithoutTheRightToken_andExplainABadReason() {
        String lead = invite("RJ1").get("token").asText();

        APIGatewayV2HTTPResponse leadAsAdmin = fx.send(HttpApiEvent.request("GET", "/api/admin/rounds/{round}/trusts/{ods}/tokens",
                "/api/admin/rounds/2026/trusts/RJ1/tokens").bearer(lead));
        APIGatewayV2HTTPResponse unknownTrust = listAsAdmin("ZZZ");
        APIGatewayV2HTTPResponse badReason = revokeAsAdmin("RJ1", TokenHash.of(lead).publicId(), "{\"reason\": 7}");
        APIGatewayV2HTTPResponse unknownId = revokeAsAdmin("RJ1", "AAAAAAAAAAAAAAAA", null);

        assertThat(leadAsAdmin.getStatusCode()).isEqualTo(401);
        assertThat(json(leadAsAdmin).get("reason").asText()).isEqualTo("not-admin");
        assertThat(unknownTrust.getStatusCode()).isEqualTo(404);
        assertThat(badReason.getStatusCode()).isEqualTo(422);
        assertThat(json(badReason).get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(unknownId.getStatusCode()).isEqualTo(404);
        assertThat(createDraft(lead).getStatusCode()).as("nothing was revoked").isEqualTo(201);
    }
}
