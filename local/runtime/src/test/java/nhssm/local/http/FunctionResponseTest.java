package nhssm.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The function's result turned into an HTTP response by the payload 2.0 rules, without any HTTP. */
class FunctionResponseTest {

    private static String body(GatewayResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void statusHeadersCookiesAndBodyAreTakenAndMultiValueHeadersIgnored() throws Exception {
        // AWS's sample v2 response (aws-lambda-java-libs, copied under test resources).
        String sample = Fixtures.resourceText("/aws-reference/aws-lambda-java-libs/response_apigw_v2_http_response.json");

        GatewayResponse response = FunctionResponse.toHttp(sample);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsExactly(
                Map.entry("Content-Type", "application/json"),
                Map.entry("Set-Cookie", "session=abc123; Secure; HttpOnly"));
        assertThat(body(response)).isEqualTo("{\"message\":\"OK\"}");
    }

    @Test
    void aBase64BodyIsDecodedToItsBytes() throws Exception {
        byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, 0};
        String payload = "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/pdf\"},"
                + "\"isBase64Encoded\":true,\"body\":\"" + java.util.Base64.getEncoder().encodeToString(pdf) + "\"}";

        assertThat(FunctionResponse.toHttp(payload).body()).isEqualTo(pdf);
    }

    @Test
    void withoutAStatusCodeApiGatewayInfers200JsonAndThePayloadAsBody() throws Exception {
        String payload = "{\"headers\":{\"x\":\"y\"},\"body\":\"not used as such\"}";

        GatewayResponse response = FunctionResponse.toHttp(payload);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsExactly(Map.entry("Content-Type", "application/json"));
        assertThat(body(response)).isEqualTo(payload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"just a string\"", "42", "[1,2]", "true"})
    void anyValidJsonWithoutAStatusCodeIsInferred(String payload) throws Exception {
        GatewayResponse response = FunctionResponse.toHttp(payload);

        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response)).isEqualTo(payload);
    }

    @Test
    void withoutAContentTypeApiGatewaySendsTextPlain() throws Exception {
        GatewayResponse response = FunctionResponse.toHttp("{\"statusCode\":201,\"body\":\"made\"}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).containsExactly(Map.entry("Content-Type", "text/plain; charset=utf-8"));
    }

    @Test
    void framingHeadersAreTheServersNotTheFunctions() throws Exception {
        GatewayResponse response = FunctionResponse.toHttp(
                "{\"statusCode\":200,\"headers\":{\"Content-Length\":\"999\",\"transfer-encoding\":\"chunked\","
                        + "\"content-type\":\"text/csv\",\"X-Count\":3,\"X-Null\":null},\"body\":\"a,b\"}");

        assertThat(response.headers()).containsExactly(Map.entry("content-type", "text/csv"), Map.entry("X-Count", "3"));
    }

    @Test
    void aMissingBodyIsEmpty() throws Exception {
        assertThat(FunctionResponse.toHttp("{\"statusCode\":204}").body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not json", "{\"statusCode\":200", "{} trailing",
            "{\"statusCode\":\"abc\"}", "{\"statusCode\":99}", "{\"statusCode\":100}", "{\"statusCode\":600}",
            "{\"statusCode\":200.5}", "{\"statusCode\":null}",
            "{\"statusCode\":200,\"headers\":[]}", "{\"statusCode\":200,\"headers\":{\"a\":{\"b\":1}}}",
            "{\"statusCode\":200,\"cookies\":\"a=1\"}", "{\"statusCode\":200,\"cookies\":[1]}",
            "{\"statusCode\":200,\"body\":{\"a\":1}}",
            "{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"not base64!\"}"})
    void aResultApiGatewayCannotUseIsMalformed(String payload) {
        assertThatThrownBy(() -> FunctionResponse.toHttp(payload))
                .isInstanceOf(FunctionResponse.MalformedResponseException.class);
    }
}
