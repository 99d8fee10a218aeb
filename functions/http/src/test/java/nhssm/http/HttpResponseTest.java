package nhssm.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpResponseTest {

    @Test
    void toEvent_shouldBase64EncodeTheBodyAndSerializeIsBase64Encoded_whenBinary() throws Exception {
        byte[] pdf = {'%', 'P', 'D', 'F', '-', 0, (byte) 0xff};
        HttpResponse response = new HttpResponse(200, Map.of("content-type", "application/pdf"), List.of(), pdf, true);

        JsonNode json = asLambdaRuntimeSerializesIt(response.toEvent());

        assertThat(json.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(json.get("body").asText())).isEqualTo(pdf);
        assertThat(json.get("statusCode").asInt()).isEqualTo(200);
        assertThat(json.get("headers").get("content-type").asText()).isEqualTo("application/pdf");
    }

    @Test
    void toEvent_shouldSendTextAsIs_whenNotBinary() throws Exception {
        HttpResponse response = HttpResponse.json(201, "{\"id\":\"ŵ\"}").withHeader("Location", "/x");

        JsonNode json = asLambdaRuntimeSerializesIt(response.toEvent());

        assertThat(json.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(json.get("body").asText()).isEqualTo("{\"id\":\"ŵ\"}");
        assertThat(json.get("headers").get("location").asText()).isEqualTo("/x");
    }

    @Test
    void problem_shouldBeProblemJsonWithItsMembers_whenRendered() throws Exception {
        HttpResponse response = Problem.of(422, "invalid-answers", "Fix", "1 answer").with("errors", List.of()).toResponse();

        JsonNode body = Json.MAPPER.readTree(response.bodyText());

        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(body.get("type").asText()).isEqualTo("/problems/invalid-answers");
        assertThat(body.get("status").asInt()).isEqualTo(422);
        assertThat(body.get("errors").isArray()).isTrue();
    }

    /** Serialized with the Lambda runtime's own serializer, which is what decides the field names. */
    private static JsonNode asLambdaRuntimeSerializesIt(APIGatewayV2HTTPResponse event) throws Exception {
        PojoSerializer<APIGatewayV2HTTPResponse> serializer = LambdaEventSerializers.serializerFor(
                APIGatewayV2HTTPResponse.class, HttpResponseTest.class.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(event, out);
        return Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
