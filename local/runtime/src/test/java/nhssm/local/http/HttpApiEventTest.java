package nhssm.local.http;

import static nhssm.local.http.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The event for a request, built without any HTTP: the translation API Gateway does. */
class HttpApiEventTest {

    private static final Instant RECEIVED = Instant.parse("2020-03-12T19:03:58.390Z");
    private static final RouteMatch ROUTE =
            new RouteMatch("POST /api/rounds/{round}/responses", "Collect", Map.of("round", "2026"));

    private static RequestData request(Map<String, List<String>> headers, String query, byte[] body) {
        return new RequestData("POST", "/api/rounds/2026/responses", query, "HTTP/1.1", headers, body,
                "127.0.0.1", 3000, "Jx0aLhHlLPEEMjC=", RECEIVED);
    }

    private static JsonNode event(RequestData request) {
        return json(HttpApiEvent.from(request, ROUTE));
    }

    private static JsonNode eventWithBody(String contentType, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        return event(request(headers, null, body));
    }

    @Test
    void headerNamesAreLowerCasedAndRepeatedHeadersJoinedWithCommas() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        headers.put("X-Thing", List.of("a", "b, c"));
        headers.put("x-THING", List.of("d"));

        JsonNode event = event(request(headers, null, new byte[0]));

        assertThat(event.get("headers").get("accept").asText()).isEqualTo("application/json");
        assertThat(event.get("headers").get("x-thing").asText()).isEqualTo("a,b, c,d");
        event.get("headers").fieldNames().forEachRemaining(name -> assertThat(name).isLowerCase());
    }

    @Test
    void cookiesComeFromTheCookieHeaderWhichIsNotAmongTheHeaders() {
        JsonNode event = event(request(Map.of("Cookie", List.of("a=1; b=2", "c=3")), null, new byte[0]));

        assertThat(event.get("cookies")).containsExactly(json("\"a=1\""), json("\"b=2\""), json("\"c=3\""));
        assertThat(event.get("headers").has("cookie")).isFalse();
    }

    @Test
    void withoutCookiesOrQueryTheFieldsAreOmittedAndRawQueryStringIsEmpty() {
        JsonNode event = event(request(Map.of(), null, new byte[0]));

        assertThat(event.has("cookies")).isFalse();
        assertThat(event.has("queryStringParameters")).isFalse();
        assertThat(event.get("rawQueryString").asText()).isEmpty();
        assertThat(event.has("body")).isFalse();
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void queryParametersAreDecodedAndRepeatedValuesJoinedWhileTheRawQueryStringIsKept() {
        String raw = "a=1&a=2&name=T%C3%AEm+Cymru&flag&empty=&%F0%9F%92%99=heart";

        JsonNode event = event(request(Map.of(), raw, new byte[0]));

        assertThat(event.get("rawQueryString").asText()).isEqualTo(raw);
        assertThat(event.get("queryStringParameters")).isEqualTo(json(
                "{\"a\":\"1,2\",\"name\":\"Tîm Cymru\",\"flag\":\"\",\"empty\":\"\",\"💙\":\"heart\"}"));
    }

    @Test
    void hopByHopHeadersAreDroppedAndApiGatewaysForwardingHeadersAdded() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Connection", List.of("Upgrade, HTTP2-Settings"));
        headers.put("Upgrade", List.of("h2c"));
        headers.put("Http2-settings", List.of("AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA"));
        headers.put("Transfer-encoding", List.of("chunked"));
        headers.put("X-forwarded-for", List.of("203.0.113.24"));

        JsonNode event = event(request(headers, null, "{}".getBytes(StandardCharsets.UTF_8)));

        JsonNode h = event.get("headers");
        assertThat(h.has("connection")).isFalse();
        assertThat(h.has("upgrade")).isFalse();
        assertThat(h.has("http2-settings")).isFalse();
        assertThat(h.has("transfer-encoding")).isFalse();
        assertThat(h.get("content-length").asText()).isEqualTo("2");
        assertThat(h.get("x-forwarded-for").asText()).isEqualTo("203.0.113.24, 127.0.0.1");
        assertThat(h.get("x-forwarded-port").asText()).isEqualTo("3000");
        assertThat(h.get("x-forwarded-proto").asText()).isEqualTo("http");
        assertThat(h.get("x-amzn-trace-id").asText()).matches("Root=1-5e6a879e-[0-9a-f]{24}");
    }

    @Test
    void theRequestContextIsApiGatewaysWithLocalValues() {
        Map<String, List<String>> headers = Map.of("Host", List.of("127.0.0.1:3000"), "User-Agent", List.of("curl/8.5.0"));

        JsonNode context = event(request(headers, null, new byte[0])).get("requestContext");

        assertThat(context).isEqualTo(json("""
                {"accountId": "123456789012", "apiId": "local",
                 "domainName": "127.0.0.1:3000", "domainPrefix": "127",
                 "http": {"method": "POST", "path": "/api/rounds/2026/responses", "protocol": "HTTP/1.1",
                          "sourceIp": "127.0.0.1", "userAgent": "curl/8.5.0"},
                 "requestId": "Jx0aLhHlLPEEMjC=", "routeKey": "POST /api/rounds/{round}/responses",
                 "stage": "$default", "time": "12/Mar/2020:19:03:58 +0000", "timeEpoch": 1584039838390}
                """));
    }

    @Test
    void theTimeUsesEnglishThreeLetterMonths() {
        assertThat(HttpApiEvent.TIME.format(Instant.parse("2026-09-05T07:08:09.123Z")))
                .isEqualTo("05/Sep/2026:07:08:09 +0000");
    }

    @Test
    void theDomainPrefixIsTheFirstLabelOfTheHost() {
        assertThat(HttpApiEvent.domainPrefix("abc123def4.execute-api.eu-west-2.amazonaws.com")).isEqualTo("abc123def4");
        assertThat(HttpApiEvent.domainPrefix("localhost:3000")).isEqualTo("localhost");
        assertThat(HttpApiEvent.domainPrefix("[::1]:3000")).isEqualTo("[::1]");
    }

    @Test
    void pathParametersAreOmittedWhenTheRouteHasNone() {
        RouteMatch noParameters = new RouteMatch("GET /health", "Collect", Map.of());

        JsonNode event = json(HttpApiEvent.from(request(Map.of(), null, new byte[0]), noParameters));

        assertThat(event.has("pathParameters")).isFalse();
        assertThat(json(HttpApiEvent.from(request(Map.of(), null, new byte[0]), ROUTE)).get("pathParameters"))
                .isEqualTo(json("{\"round\":\"2026\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "text/plain", "text/plain; charset=utf-8", "text/html;charset=UTF-8", "text/csv",
            "application/json", "Application/JSON; charset=utf-8", "application/problem+json",
            "application/xml", "application/atom+xml; charset=utf-8", "application/javascript"})
    void textJsonXmlAndJavaScriptBodiesArePlainText(String contentType) {
        String text = "{\"Q42\":\"Mae'r tîm ŵ ŷ 💙\"}";

        JsonNode event = eventWithBody(contentType, text.getBytes(StandardCharsets.UTF_8));

        assertThat(event.get("body").asText()).isEqualTo(text);
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8",
            "multipart/form-data; boundary=----x", "application/octet-stream", "application/pdf", "image/png",
            "application/jsonx", "text/", "nonsense"})
    void everyOtherBodyIsBase64Encoded(String contentType) {
        byte[] bytes = "Q42=T%C3%AEm+%C5%B5&x=%F0%9F%92%99".getBytes(StandardCharsets.US_ASCII);

        JsonNode event = eventWithBody(contentType, bytes);

        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(bytes);
    }

    @Test
    void aTextBodyThatIsNotUtf8IsBase64EncodedSoNoByteIsLost() {
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

        JsonNode event = eventWithBody("text/plain; charset=iso-8859-1", latin1);

        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(latin1);
    }

    @Test
    void theLambdaJavaRuntimeReadsTheEventIntoAPIGatewayV2HTTPEvent() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
        headers.put("Cookie", List.of("nhssm_session=abc"));
        headers.put("Host", List.of("127.0.0.1:3000"));
        byte[] form = "status=DRAFT&Q42=%C5%B5".getBytes(StandardCharsets.US_ASCII);
        String json = HttpApiEvent.from(request(headers, "x=1&x=2", form), ROUTE);

        // The serializer the Lambda Java runtime uses for this event type (its own Jackson mixins).
        PojoSerializer<APIGatewayV2HTTPEvent> serializer =
                LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader());
        APIGatewayV2HTTPEvent event = serializer.fromJson(json);

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("POST /api/rounds/{round}/responses");
        assertThat(event.getRawQueryString()).isEqualTo("x=1&x=2");
        assertThat(event.getQueryStringParameters()).containsEntry("x", "1,2");
        assertThat(event.getCookies()).containsExactly("nhssm_session=abc");
        assertThat(event.getHeaders()).containsEntry("content-type", "application/x-www-form-urlencoded");
        assertThat(event.getPathParameters()).containsEntry("round", "2026");
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(form);
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertThat(context.getHttp().getMethod()).isEqualTo("POST");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getRequestId()).isEqualTo("Jx0aLhHlLPEEMjC=");
        assertThat(context.getTimeEpoch()).isEqualTo(RECEIVED.toEpochMilli());
        assertThat(context.getStage()).isEqualTo("$default");
    }
}
