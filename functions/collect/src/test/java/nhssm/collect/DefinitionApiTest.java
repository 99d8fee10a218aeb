package nhssm.collect;

import static nhssm.collect.CollectFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import nhssm.http.testing.HttpApiEvent;
import nhssm.local.dynamodb.LocalDynamoDb;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DefinitionApiTest {

    private static final String ROUTE = "/api/rounds/{round}/definition";

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private static CollectFixture fx;

    @BeforeAll
    static void start() {
        fx = new CollectFixture(DYNAMO.dynamo());
    }

    @Test
    void get_shouldServeTheDefinitionWithAnETag_whenTheRoundExists() {
        APIGatewayV2HTTPResponse response = fx.send(HttpApiEvent.request("GET", ROUTE, "/api/rounds/2026/definition"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).get("round").asText()).isEqualTo("2026");
        assertThat(json(response).get("questions").size()).isGreaterThan(40);
        assertThat(response.getHeaders().get("etag")).matches("\"[0-9a-f]{32}\"");
    }

    @Test
    void get_shouldAnswer304_whenIfNoneMatchCarriesTheCurrentETag() {
        String etag = fx.send(HttpApiEvent.request("GET", ROUTE, "/api/rounds/2026/definition")).getHeaders().get("etag");

        APIGatewayV2HTTPResponse response = fx.send(HttpApiEvent.request("GET", ROUTE, "/api/rounds/2026/definition")
                .header("if-none-match", etag));

        assertThat(response.getStatusCode()).isEqualTo(304);
        assertThat(response.getBody()).isNull();
    }

    @Test
    void get_shouldAnswer404Problem_whenTheRoundIsUnknownOrNotARound() {
        for (String round : new String[] {"2019", "..%2F..%2Fetc", "2026.json"}) {
            APIGatewayV2HTTPResponse response = fx.send(HttpApiEvent.request("GET", ROUTE, "/api/rounds/" + round + "/definition"));

            assertThat(response.getStatusCode()).isEqualTo(404);
            assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        }
    }

    @Test
    void handle_shouldAnswerAsApiGatewayDoes_whenNoRouteMatches() {
        APIGatewayV2HTTPResponse response = fx.send(HttpApiEvent.request("DELETE", "/api/rounds/{round}/definition",
                "/api/rounds/2026/definition"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).isEqualTo("{\"message\":\"Not Found\"}");
    }
}
