package nhssm.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The edge every HTTP function shares, driven with AWS's own sample event. */
class HttpFunctionTest {

    private static final class Echo extends HttpFunction {
        Echo(Function<HttpRequest, HttpResponse> api) {
            super(api);
        }
    }

    @Test
    void handleRequest_shouldPassTheDecodedRequestAndEncodeTheResponse() {
        List<HttpRequest> seen = new ArrayList<>();
        Echo function = new Echo(request -> {
            seen.add(request);
            return HttpResponse.text(200, "text/plain", request.method() + " " + new String(request.body(), StandardCharsets.UTF_8));
        });

        APIGatewayV2HTTPResponse response = function.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("aws-reference/HttpApi.rendered-defaults.json"), null);

        assertThat(seen).singleElement().satisfies(r -> assertThat(r.rawPath()).isEqualTo("/path/to/resource"));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("POST {\"test\":\"body\"}");
        assertThat(response.getHeaders()).containsEntry("strict-transport-security", SecurityHeaders.STRICT_TRANSPORT);
    }

    @Test
    void handleRequest_shouldRefuseAsMalformedWithoutCallingTheApi_whenTheEventCannotBeDecoded() throws Exception {
        List<HttpRequest> seen = new ArrayList<>();
        Echo function = new Echo(request -> {
            seen.add(request);
            return HttpResponse.empty(204);
        });
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("aws-reference/HttpApi.rendered-defaults.json");
        event.setBody("not base64 at all!!");

        APIGatewayV2HTTPResponse response = function.handleRequest(event, null);

        assertThat(seen).isEmpty();
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("content-type", Problem.MEDIA_TYPE);
        JsonNode problem = Json.MAPPER.readTree(response.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/malformed-request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).contains("base64");
        assertThat(response.getHeaders()).containsEntry("strict-transport-security", SecurityHeaders.STRICT_TRANSPORT)
                .containsEntry("cache-control", "no-store").containsEntry("x-content-type-options", "nosniff");
    }
}
