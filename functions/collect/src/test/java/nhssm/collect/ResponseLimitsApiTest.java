package nhssm.collect;

import static nhssm.collect.CollectFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import nhssm.core.survey.ResponseLimits;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.core.token.Scope;
import nhssm.http.testing.HttpApiEvent;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The survey definition's caps on individual responses, per staff link and per trust. */
class ResponseLimitsApiTest {

    private static final ResponseLimits LIMITS = SurveyDefinitions.forRound("2026").orElseThrow().limits();

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private CollectFixture fx;

    @BeforeEach
    void freshTable() {
        fx = new CollectFixture(DYNAMO.dynamo());
    }

    private APIGatewayV2HTTPResponse individual(String staff) {
        return fx.send(HttpApiEvent.request("POST", "/api/rounds/{round}/responses", "/api/rounds/2026/responses")
                .bearer(staff).json(Bodies.individual("DRAFT")));
    }

    @Test
    void create_shouldRefuseWithAClearProblem_onceAStaffLinkHasCreatedItsCap_andStoreNothing() {
        String staff = fx.token("RJ1", Scope.STAFF);
        for (int i = 0; i < LIMITS.individualResponsesPerStaffLink(); i++) {
            assertThat(individual(staff).getStatusCode()).isEqualTo(201);
        }

        APIGatewayV2HTTPResponse refused = individual(staff);

        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(json(refused).get("type").asText()).isEqualTo("/problems/limit-reached");
        assertThat(json(refused).get("limit").asInt()).isEqualTo(LIMITS.individualResponsesPerStaffLink());
        assertThat(json(refused).get("detail").asText()).contains("another staff link");
        assertThat(fx.items("RESP#")).hasSize(LIMITS.individualResponsesPerStaffLink());
        assertThat(individual(fx.token("RJ1", Scope.STAFF)).getStatusCode()).as("a new link of the same trust")
                .isEqualTo(201);
    }

    @Test
    void create_shouldRefuse_onceTheTrustHasItsCap_whateverTheNumberOfStaffLinks() {
        int perLink = LIMITS.individualResponsesPerStaffLink();
        int links = LIMITS.individualResponsesPerTrust() / perLink;
        for (int l = 0; l < links; l++) {
            String staff = fx.token("RJ1", Scope.STAFF);
            for (int i = 0; i < perLink; i++) {
                assertThat(individual(staff).getStatusCode()).isEqualTo(201);
            }
        }

        APIGatewayV2HTTPResponse refused = individual(fx.token("RJ1", Scope.STAFF));

        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(json(refused).get("limit").asInt()).isEqualTo(LIMITS.individualResponsesPerTrust());
        assertThat(json(refused).get("detail").asText()).contains("RJ1");
        assertThat(individual(fx.token("RX9", Scope.STAFF)).getStatusCode()).as("another trust").isEqualTo(201);
    }
}
