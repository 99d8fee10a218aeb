package nhssm.collect;

import static nhssm.collect.CollectFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import nhssm.core.token.Scope;
import nhssm.http.testing.HttpApiEvent;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers whose text is short but whose value is vast, and numbers of tens of thousands of digits, posted as JSON and
 * as a form: each is refused with a 422 naming its question, the value repeated only as a short excerpt, nothing
 * stored, and nothing expanded on the way (a billion-digit expansion would not fit in the function's memory).
 */
class HostileNumbersTest {

    private static final String COLLECTION = "/api/rounds/{round}/responses";
    /** What any refusal here may weigh: a few fields and messages, never the number written out. */
    private static final int SMALL = 2_000;

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private CollectFixture fx;
    private String lead;

    @BeforeEach
    void freshTable() {
        fx = new CollectFixture(DYNAMO.dynamo());
        lead = fx.token("RJ1", Scope.LEAD);
    }

    private HttpApiEvent post() {
        return HttpApiEvent.request("POST", COLLECTION, "/api/rounds/2026/responses").bearer(lead);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1e999999999", "1e-999999999", "1E+999999999", "1e7000000", "0e999999999",
            "1e41", "1e0000000041", "12345678901234567890123456789012345678901"})
    void aJsonNumberOutOfBounds_shouldBeRefused422_namingTheQuestion_withAShortValue(String number) {
        for (String question : new String[] {"Q43", "Q07", "Q30", "Q37"}) {
            APIGatewayV2HTTPResponse refused = fx.send(post()
                    .json("{\"status\":\"DRAFT\",\"answers\":{\"" + question + "\":" + number + "}}"));

            assertRefused(refused, question);
        }
    }

    @Test
    void aJsonNumberOfSixtyThousandDigits_shouldBeRefused422_namingTheQuestion() {
        String digits = "7".repeat(60_000);

        for (String answer : new String[] {digits, "0." + digits, "[1, " + digits + "]", "-" + digits + "e5"}) {
            assertRefused(fx.send(post().json("{\"status\":\"DRAFT\",\"answers\":{\"Q07\":" + answer + "}}")), "Q07");
        }
    }

    @Test
    void aNumberInsideSomethingThatIsNoAnswer_shouldBeRefused422_withAnExcerpt() {
        for (String answer : new String[] {"{\"a\":1e999999999}", "[[1e999999999]]", "[\"X\", {\"b\":" + "9".repeat(30_000) + "}]"}) {
            assertRefused(fx.send(post().json("{\"status\":\"DRAFT\",\"answers\":{\"Q06\":" + answer + "}}")), "Q06");
        }
    }

    @Test
    void aFormNumberOutOfBounds_shouldBeRefused422_namingTheQuestion_withAShortValue() {
        for (String value : new String[] {"1e999999999", "-1e999999999", "7".repeat(60_000), "0." + "1".repeat(60_000)}) {
            for (String question : new String[] {"Q07", "Q30", "Q37", "Q43"}) {
                if (question.equals("Q43") && value.length() < 2_000) {
                    continue; // a short text is a valid comment
                }
                assertRefused(fx.send(post().form("status=DRAFT&" + question + "=" + value)), question);
            }
        }
    }

    @Test
    void numbersWithinBounds_shouldStillBeRead_inAnyJsonNotation() {
        APIGatewayV2HTTPResponse created = fx.send(post()
                .json("{\"status\":\"DRAFT\",\"answers\":{\"Q30\":1.5E0,\"Q37\":3e0,\"Q18\":[4],"
                        + "\"Q07\":1.2e0000000000000000000000000000000000000001}}"));

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        JsonNode answers = json(created).get("answers");
        assertThat(answers.get("Q30").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(answers.get("Q37").asInt()).isEqualTo(3);
        assertThat(answers.get("Q18").asInt()).isEqualTo(4);
        assertThat(answers.get("Q07").asInt()).isEqualTo(12);
    }

    private void assertRefused(APIGatewayV2HTTPResponse refused, String question) {
        assertThat(refused.getStatusCode()).as(question + ": " + excerpt(refused)).isEqualTo(422);
        assertThat(refused.getBody().length()).as(question).isLessThan(SMALL);
        JsonNode error = json(refused).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(question);
        if (error.has("value")) {
            assertThat(error.get("value").asText().length()).isLessThan(80);
        }
        assertThat(fx.items("RESP#")).as("nothing stored").isEmpty();
    }

    private static String excerpt(APIGatewayV2HTTPResponse response) {
        String body = String.valueOf(response.getBody());
        return body.length() > 300 ? body.substring(0, 300) : body;
    }
}
