package nhssm.local.http;

import static nhssm.local.http.Fixtures.DEADLINE;
import static nhssm.local.http.Fixtures.defaultRoute;
import static nhssm.local.http.Fixtures.function;
import static nhssm.local.http.Fixtures.resource;
import static nhssm.local.http.Fixtures.resourceText;
import static nhssm.local.http.Fixtures.route;
import static nhssm.local.http.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nhssm.local.http.Fixtures.RecordingInvoker;
import nhssm.local.template.SamTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event the local HTTP API builds for a request equals, field by field, AWS's own sample event for
 * the same request; and AWS's sample response is written back as API Gateway writes it.
 *
 * <p>The samples (copied under test resources, provenance beside them) are abridged and not quite
 * self-consistent, so a few differences are expected and each is checked for what it should be:
 * <ul>
 *   <li>Values that are necessarily local: {@code apiId} ("local"), {@code domainName} (the Host header,
 *       127.0.0.1:port) and {@code domainPrefix} (its first label), {@code sourceIp} (the client's
 *       loopback address), and the per-request {@code requestId}, {@code time} and {@code timeEpoch}.</li>
 *   <li>Header names: the samples write them mixed-case ({@code Header1}); real HTTP API events carry
 *       them in lower case, and so do ours. The samples list only the two custom headers; a real
 *       request also carries host, user-agent, content-length (and content-type when sent), and API
 *       Gateway adds x-forwarded-for/-port/-proto and x-amzn-trace-id, as the project's own events/ show.</li>
 *   <li>The samples' routeKey is {@code $default}, yet they carry {@code pathParameters}: a
 *       {@code $default} route has no path template, so API Gateway sends none. The sample's
 *       pathParameters are checked separately, against a route that has that parameter.</li>
 *   <li>The samples show a JWT {@code authorizer}, {@code stageVariables} and (sam-cli) a client
 *       certificate under {@code authentication}; this API configures none of them, and API Gateway
 *       then sends none.</li>
 * </ul>
 */
class AwsReferenceEventTest {

    private static final String JAVA_LIBS_EVENT = "/aws-reference/aws-lambda-java-libs/apigw_http_event.json";
    private static final String SAM_CLI_EVENT = "/aws-reference/aws-sam-cli/HttpApi.rendered-defaults.json";
    private static final String JAVA_LIBS_RESPONSE = "/aws-reference/aws-lambda-java-libs/response_apigw_v2_http_response.json";

    private static final Set<String> NOT_CONFIGURED_TOP = Set.of("stageVariables");
    private static final Set<String> NOT_CONFIGURED_CONTEXT = Set.of("authorizer", "authentication");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final RecordingInvoker invoker = new RecordingInvoker();
    private HttpApiServer server;

    private HttpApiServer start(SamTemplate template) {
        server = new HttpApiServer(template, invoker, 0, HttpApiServer.INTEGRATION_TIMEOUT, 8, line -> { });
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * The request the samples describe: POST to the sample's path with its query string (parameter1
     * repeated), Header1, Header2 sent twice, the cookies cookie1 and cookie2, and the user agent "agent".
     */
    private HttpRequest.Builder sampleRequest(JsonNode sample) {
        String path = sample.get("rawPath").asText();
        return HttpRequest.newBuilder(server.baseUri().resolve(path + "?" + sample.get("rawQueryString").asText()))
                .timeout(DEADLINE)
                .header("Header1", "value1")
                .header("Header2", "value1")
                .header("Header2", "value2")
                .header("Cookie", "cookie1; cookie2")
                .header("User-Agent", sample.at("/requestContext/http/userAgent").asText());
    }

    @Test
    void theJavaLibsSampleEventWithAPlainTextBody() throws Exception {
        JsonNode sample = resource(JAVA_LIBS_EVENT);
        start(template(function("Fn", defaultRoute())));
        String body = sample.get("body").asText(); // "Hello from Lambda!!", isBase64Encoded false

        Instant before = Instant.now();
        client.send(sampleRequest(sample).header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), BodyHandlers.discarding());
        Instant after = Instant.now();

        JsonNode event = invoker.next().event();
        assertMatchesSample(event, sample, before, after, Map.of(
                "content-type", "text/plain",
                "content-length", Integer.toString(body.length())));
    }

    @Test
    void theSamCliSampleEventWithABase64Body() throws Exception {
        JsonNode sample = resource(SAM_CLI_EVENT);
        start(template(function("Fn", defaultRoute())));
        // The sample's body is {"test":"body"} in base64 with isBase64Encoded true: what API Gateway sends
        // for a body without a text Content-Type. The sample lists no Content-Type, so none is sent.
        byte[] body = "{\"test\":\"body\"}".getBytes(StandardCharsets.UTF_8);

        Instant before = Instant.now();
        client.send(sampleRequest(sample).POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.discarding());
        Instant after = Instant.now();

        JsonNode event = invoker.next().event();
        assertThat(event.get("body").asText()).isEqualTo("eyJ0ZXN0IjoiYm9keSJ9");
        assertMatchesSample(event, sample, before, after, Map.of("content-length", Integer.toString(body.length)));
    }

    @Test
    void theSamplesPathParametersComeFromARouteWithThatParameter() throws Exception {
        JsonNode sample = resource(JAVA_LIBS_EVENT);
        start(template(function("Fn", route("POST", "/my/{parameter1}"))));

        client.send(HttpRequest.newBuilder(server.baseUri().resolve("/my/value1")).timeout(DEADLINE)
                .POST(BodyPublishers.noBody()).build(), BodyHandlers.discarding());

        JsonNode event = invoker.next().event();
        assertThat(event.get("pathParameters")).isEqualTo(sample.get("pathParameters"));
        assertThat(event.get("routeKey").asText()).isEqualTo("POST /my/{parameter1}");
        assertThat(event.at("/requestContext/routeKey").asText()).isEqualTo("POST /my/{parameter1}");
    }

    @Test
    void theJavaLibsSampleResponseIsWrittenAsApiGatewayWritesIt() throws Exception {
        // statusCode 200, Content-Type application/json, cookies [session=abc123; Secure; HttpOnly],
        // and multiValueHeaders Set-Cookie [cookie1=value1], which payload 2.0 ignores.
        invoker.returning(resourceText(JAVA_LIBS_RESPONSE));
        start(template(function("Fn", defaultRoute())));

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.baseUri().resolve("/any"))
                .timeout(DEADLINE).GET().build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("content-type")).containsExactly("application/json");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("session=abc123; Secure; HttpOnly");
        assertThat(response.body()).isEqualTo("{\"message\":\"OK\"}");
    }

    private void assertMatchesSample(JsonNode event, JsonNode sample, Instant before, Instant after,
            Map<String, String> bodyHeaders) {
        // The same members, less those this API does not configure and the inconsistent pathParameters.
        assertThat(names(event)).isEqualTo(minus(names(sample), NOT_CONFIGURED_TOP, Set.of("pathParameters")));
        for (String field : new String[] {"version", "routeKey", "rawPath", "rawQueryString", "cookies",
                "queryStringParameters", "body", "isBase64Encoded"}) {
            assertThat(event.get(field)).as(field).isEqualTo(sample.get(field));
        }

        // Headers: the sample's, with lower-case names and the same values (Header2 sent twice → "value1,value2").
        JsonNode headers = event.get("headers");
        Set<String> sampleHeaderNames = new HashSet<>();
        sample.get("headers").properties().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            sampleHeaderNames.add(name);
            assertThat(headers.get(name)).as("header " + name).isEqualTo(h.getValue());
        });
        // ... and those every real request carries.
        assertThat(headers.get("host").asText()).isEqualTo("127.0.0.1:" + server.port());
        assertThat(headers.get("user-agent").asText()).isEqualTo("agent");
        assertThat(headers.get("x-forwarded-for").asText()).isEqualTo("127.0.0.1");
        assertThat(headers.get("x-forwarded-port").asText()).isEqualTo(Integer.toString(server.port()));
        assertThat(headers.get("x-forwarded-proto").asText()).isEqualTo("http");
        assertThat(headers.get("x-amzn-trace-id").asText()).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
        bodyHeaders.forEach((name, value) -> assertThat(headers.get(name).asText()).as(name).isEqualTo(value));
        Set<String> expected = new HashSet<>(sampleHeaderNames);
        expected.addAll(Set.of("host", "user-agent", "x-forwarded-for", "x-forwarded-port", "x-forwarded-proto",
                "x-amzn-trace-id"));
        expected.addAll(bodyHeaders.keySet());
        assertThat(names(headers)).isEqualTo(expected);

        // requestContext: the same members less the unconfigured ones; request-derived values equal.
        JsonNode context = event.get("requestContext");
        JsonNode sampleContext = sample.get("requestContext");
        assertThat(names(context)).isEqualTo(minus(names(sampleContext), NOT_CONFIGURED_CONTEXT, Set.of()));
        for (String field : new String[] {"accountId", "routeKey", "stage"}) {
            assertThat(context.get(field)).as("requestContext." + field).isEqualTo(sampleContext.get(field));
        }
        assertThat(names(context.get("http"))).isEqualTo(names(sampleContext.get("http")));
        for (String field : new String[] {"method", "path", "protocol", "userAgent"}) {
            assertThat(context.get("http").get(field)).as("http." + field).isEqualTo(sampleContext.get("http").get(field));
        }
        // Necessarily local.
        assertThat(context.get("http").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.get("apiId").asText()).isEqualTo("local");
        assertThat(context.get("domainName").asText()).isEqualTo("127.0.0.1:" + server.port());
        assertThat(context.get("domainPrefix").asText()).isEqualTo("127");
        assertThat(context.get("requestId").asText()).matches("[A-Za-z0-9+/]{15}=");
        long epoch = context.get("timeEpoch").asLong();
        assertThat(epoch).isBetween(before.toEpochMilli(), after.toEpochMilli());
        assertThat(context.get("time").asText()).isEqualTo(HttpApiEvent.TIME.format(Instant.ofEpochMilli(epoch)));
        assertThat(sampleContext.get("time").asText()).matches("\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> i = object.fieldNames(); i.hasNext(); ) {
            names.add(i.next());
        }
        return names;
    }

    @SafeVarargs
    private static Set<String> minus(Set<String> names, Set<String>... removed) {
        Set<String> result = new HashSet<>(names);
        for (Set<String> r : removed) {
            result.removeAll(r);
        }
        return result;
    }
}
