package nhssm.collect;

import static nhssm.collect.CollectFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import nhssm.core.token.Scope;
import nhssm.http.SecurityHeaders;
import nhssm.http.testing.HttpApiEvent;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every JSON answer of collect that carries answers or tokens (or is a refusal, which may repeat them) is kept by
 * no cache and never sniffed; every answer at all, pages and the public definition included, carries HSTS.
 */
class ResponseHeadersTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    @Test
    void everyJsonAnswerWithAnswersOrTokens_shouldBeNoStoreAndNosniff_andEveryAnswerShouldCarryHsts() {
        CollectFixture fx = new CollectFixture(DYNAMO.dynamo());
        String lead = fx.token("RJ1", Scope.LEAD);
        Map<String, APIGatewayV2HTTPResponse> answers = new LinkedHashMap<>();
        APIGatewayV2HTTPResponse created = fx.send(HttpApiEvent.request("POST", "/api/rounds/{round}/responses",
                "/api/rounds/2026/responses").bearer(lead).json(Bodies.official("DRAFT")));
        String id = json(created).get("id").asText();
        answers.put("created", created);
        answers.put("read", fx.send(HttpApiEvent.request("GET", "/api/rounds/{round}/responses/{id}",
                "/api/rounds/2026/responses/" + id).bearer(lead)));
        answers.put("replaced", fx.send(HttpApiEvent.request("PUT", "/api/rounds/{round}/responses/{id}",
                "/api/rounds/2026/responses/" + id).bearer(lead).header("if-match", "\"1\"").json(Bodies.official("DRAFT"))));
        answers.put("refused answers", fx.send(HttpApiEvent.request("POST", "/api/rounds/{round}/responses",
                "/api/rounds/2026/responses").bearer(lead).json("{\"status\":\"DRAFT\",\"answers\":{\"Q07\":\"600\"}}")));
        answers.put("unauthenticated", fx.send(HttpApiEvent.request("GET", "/api/rounds/{round}/responses/{id}",
                "/api/rounds/2026/responses/" + id).bearer("made-up")));
        answers.put("staff link", fx.send(HttpApiEvent.request("POST", "/api/rounds/{round}/staff-links",
                "/api/rounds/2026/staff-links").bearer(lead)));
        answers.put("invitation", fx.send(HttpApiEvent.request("POST", "/api/admin/rounds/{round}/invitations",
                "/api/admin/rounds/2026/invitations").bearer(CollectFixture.ADMIN_TOKEN).json("{\"odsCode\":\"RJZ\"}")));

        answers.forEach((what, response) -> {
            assertThat(response.getStatusCode()).as(what).isBetween(200, 499);
            assertThat(response.getHeaders()).as(what)
                    .containsEntry("cache-control", "no-store")
                    .containsEntry("x-content-type-options", "nosniff")
                    .containsEntry("strict-transport-security", SecurityHeaders.STRICT_TRANSPORT);
        });
        assertThat(answers.get("created").getStatusCode()).isEqualTo(201);
        assertThat(answers.get("replaced").getStatusCode()).isEqualTo(200);
        assertThat(answers.get("invitation").getStatusCode()).isEqualTo(201);
    }

    @Test
    void thePublicDefinition_shouldStayCacheable_andSurveyPages_shouldCarryHstsToo() {
        CollectFixture fx = new CollectFixture(DYNAMO.dynamo());

        APIGatewayV2HTTPResponse definition = fx.send(HttpApiEvent.request("GET", "/api/rounds/{round}/definition",
                "/api/rounds/2026/definition"));
        APIGatewayV2HTTPResponse page = fx.send(HttpApiEvent.request("GET", "/survey/{round}", "/survey/2026"));

        assertThat(definition.getHeaders()).containsEntry("cache-control", "public, max-age=300")
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("strict-transport-security", SecurityHeaders.STRICT_TRANSPORT);
        assertThat(page.getHeaders()).containsEntry("cache-control", "no-store")
                .containsEntry("strict-transport-security", SecurityHeaders.STRICT_TRANSPORT);
    }
}
