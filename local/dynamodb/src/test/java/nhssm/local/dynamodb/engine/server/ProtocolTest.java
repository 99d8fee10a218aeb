package nhssm.local.dynamodb.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nhssm.local.dynamodb.engine.DynamoDbEngine;

/** The JSON 1.0 protocol as the engine serves it, spoken by hand: what the SDK never sends wrong. */
class ProtocolTest {

    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=key/20260101/eu-west-2/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=abc123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DynamoDbEngine engine;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        engine = DynamoDbEngine.startInMemory();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        http.close();
        engine.close();
    }

    private static HttpResponse<byte[]> post(String target, String authorization, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(engine.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> call(String operation, String body) throws Exception {
        return post("DynamoDB_20120810." + operation, AUTHORIZATION, body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void get_shouldAnswerHealthy_asTheServiceDoes() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(engine.endpoint()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("healthy: dynamodb.eu-west-2.amazonaws.com ");
    }

    @Test
    void responses_shouldCarryARequestId_andTheCrc32OfTheirBody() throws Exception {
        HttpResponse<byte[]> response = call("ListTables", "{}");

        CRC32 crc = new CRC32();
        crc.update(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
        assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(id -> assertThat(id).hasSize(52));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
    }

    @Test
    void aRequestWithoutAuthorization_shouldBeRefused_asMissingAuthenticationToken() throws Exception {
        HttpResponse<byte[]> response = post("DynamoDB_20120810.ListTables", null, "{}".getBytes());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("__type").asText())
                .isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException");
    }

    @Test
    void anAuthorizationOfTheWrongShape_shouldBeRefused_asAnIncompleteSignature() throws Exception {
        HttpResponse<byte[]> response = post("DynamoDB_20120810.ListTables", "AWS4-HMAC-SHA256 Credential=key", "{}".getBytes());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("__type").asText()).isEqualTo("com.amazon.coral.service#IncompleteSignatureException");
        assertThat(json(response).get("message").asText()).contains("SignedHeaders").contains("Signature");
    }

    @Test
    void malformedJson_shouldBeASerializationException() throws Exception {
        for (String body : new String[] {"{", "[]", "", "{\"TableName\": }", "nul"}) {
            HttpResponse<byte[]> response = call("ListTables", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).get("__type").asText()).as(body)
                    .isEqualTo("com.amazon.coral.service#SerializationException");
        }
    }

    @Test
    void deeplyNestedJson_shouldBeRefused_withoutAServerError() throws Exception {
        HttpResponse<byte[]> response = call("PutItem", "{\"Item\":" + "[".repeat(100_000));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("__type").asText()).isEqualTo("com.amazon.coral.service#SerializationException");
    }

    @Test
    void anUnknownOperation_shouldBeRefusedByName() throws Exception {
        HttpResponse<byte[]> response = call("ExecuteStatement", "{\"Statement\":\"SELECT * FROM t\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("__type").asText()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
        assertThat(json(response).get("message").asText()).contains("ExecuteStatement");
        assertThat(post(null, AUTHORIZATION, "{}".getBytes()).statusCode()).isEqualTo(400);
    }

    @Test
    void anUnsupportedParameter_shouldBeRefusedByName_neverIgnored() throws Exception {
        HttpResponse<byte[]> unknown = call("ListTables", "{\"Limit\":5,\"Filter\":\"x\"}");
        HttpResponse<byte[]> legacy = call("GetItem", "{\"TableName\":\"t\",\"Key\":{},\"AttributesToGet\":[\"a\"]}");

        assertThat(json(unknown).get("__type").asText()).isEqualTo("com.amazon.coral.validate#ValidationException");
        assertThat(json(unknown).get("message").asText()).contains("Filter").contains("Limit");
        assertThat(json(legacy).get("message").asText()).contains("AttributesToGet").contains("ProjectionExpression");
    }

    @Test
    void anOversizedRequest_shouldBeRefused_with413() throws Exception {
        byte[] body = new byte[HttpEndpoint.MAX_REQUEST_BYTES + 1];
        java.util.Arrays.fill(body, (byte) ' ');

        HttpResponse<byte[]> response = post("DynamoDB_20120810.ListTables", AUTHORIZATION, body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("__type").asText()).endsWith("RequestEntityTooLargeException");
    }

    @Test
    void expressionRefusals_shouldBeEnveloped_inSingleItemWrites_andBareElsewhere() throws Exception {
        call("CreateTable", "{\"TableName\":\"envelopes\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}");

        HttpResponse<byte[]> put = call("PutItem", "{\"TableName\":\"envelopes\",\"Item\":{\"pk\":{\"S\":\"a\"}},"
                + "\"ConditionExpression\":\"pk ==\"}");
        HttpResponse<byte[]> scan = call("Scan", "{\"TableName\":\"envelopes\",\"FilterExpression\":\"pk ==\"}");

        assertThat(json(put).get("message").asText()).startsWith("1 validation error detected: Invalid ConditionExpression");
        assertThat(json(scan).get("message").asText()).startsWith("Invalid FilterExpression");
    }

    @Test
    void wrongMemberTypes_shouldBeClientErrors() throws Exception {
        for (String body : new String[] {"{\"Limit\":\"5\"}", "{\"Limit\":1.5}", "{\"ExclusiveStartTableName\":7}"}) {
            HttpResponse<byte[]> response = call("ListTables", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
        }
        assertThat(json(call("ListTables", "{\"Limit\":0}")).get("message").asText())
                .isEqualTo("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
    }
}
