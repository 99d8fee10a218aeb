package nhssm.local.http;

import static nhssm.local.http.Fixtures.DEADLINE;
import static nhssm.local.http.Fixtures.awaitMatch;
import static nhssm.local.http.Fixtures.function;
import static nhssm.local.http.Fixtures.json;
import static nhssm.local.http.Fixtures.route;
import static nhssm.local.http.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nhssm.local.http.Fixtures.RecordingInvoker;
import nhssm.local.lambda.Invocation;
import nhssm.local.template.SamTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local HTTP API over real HTTP on the loopback interface, with recording functions. */
class HttpApiServerTest {

    private static final SamTemplate TEMPLATE = template(
            function("CollectFunction",
                    route("GET", "/api/rounds/{round}/definition"),
                    route("POST", "/api/rounds/{round}/responses"),
                    route("GET", "/api/rounds/{round}/responses/{id}")),
            function("FilesFunction", route("ANY", "/files/{path+}")));

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final RecordingInvoker invoker = new RecordingInvoker();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private HttpApiServer server;

    private HttpApiServer start(Duration integrationTimeout) {
        server = new HttpApiServer(TEMPLATE, invoker, 0, integrationTimeout, 8, log::add);
        return server;
    }

    private HttpApiServer start() {
        return start(HttpApiServer.INTEGRATION_TIMEOUT);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private URI uri(String pathAndQuery) {
        return server.baseUri().resolve(pathAndQuery);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(DEADLINE).build(), BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private String awaitRequestLine(String prefix) {
        return awaitMatch(log, line -> line.startsWith(prefix), "log line starting " + prefix);
    }

    // ---- request bodies ----

    @Test
    void aFormPostWithUtf8ArrivesBase64EncodedAndDecodesToTheExactBytesSent() throws Exception {
        start();
        String form = "status=SUBMITTED&Q42=" + URLEncoder.encode("Mae'r tîm yn hapus ŵ ŷ 💙👩‍⚕️", StandardCharsets.UTF_8);
        byte[] sent = form.getBytes(StandardCharsets.US_ASCII);

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/rounds/2026/responses"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofByteArray(sent)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = invoker.next().event();
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(sent);
        assertThat(event.get("headers").get("content-type").asText()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(event.get("headers").get("content-length").asText()).isEqualTo(Integer.toString(sent.length));
    }

    @Test
    void aJsonBodyArrivesAsPlainText() throws Exception {
        start();
        String body = "{\"status\":\"DRAFT\",\"answers\":{\"Q42\":\"Mae'r tîm… ŵ ŷ 💙\"}}";

        send(HttpRequest.newBuilder(uri("/api/rounds/2026/responses"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

        JsonNode event = invoker.next().event();
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.get("body").asText()).isEqualTo(body);
    }

    // ---- routing ----

    @Test
    void pathParametersAreDecodedWhileRawPathAndRawQueryStringStayAsSent() throws Exception {
        start();

        send(HttpRequest.newBuilder(uri("/api/rounds/2026/responses/caf%C3%A9%20%2F1?token=a%2Bb&x=1&x=2")).GET());

        Call call = Call.of(invoker.next());
        assertThat(call.function).isEqualTo("CollectFunction");
        assertThat(call.event.get("routeKey").asText()).isEqualTo("GET /api/rounds/{round}/responses/{id}");
        assertThat(call.event.get("rawPath").asText()).isEqualTo("/api/rounds/2026/responses/caf%C3%A9%20%2F1");
        assertThat(call.event.get("requestContext").get("http").get("path").asText())
                .isEqualTo("/api/rounds/2026/responses/caf%C3%A9%20%2F1");
        assertThat(call.event.get("pathParameters")).isEqualTo(json("{\"round\":\"2026\",\"id\":\"café /1\"}"));
        assertThat(call.event.get("rawQueryString").asText()).isEqualTo("token=a%2Bb&x=1&x=2");
        assertThat(call.event.get("queryStringParameters")).isEqualTo(json("{\"token\":\"a+b\",\"x\":\"1,2\"}"));
    }

    @Test
    void aGreedyAnyRouteTakesEveryMethodAndTheRestOfThePath() throws Exception {
        start();

        send(HttpRequest.newBuilder(uri("/files/reports/2026/national.pdf")).DELETE());

        Call call = Call.of(invoker.next());
        assertThat(call.function).isEqualTo("FilesFunction");
        assertThat(call.event.get("routeKey").asText()).isEqualTo("ANY /files/{path+}");
        assertThat(call.event.get("pathParameters").get("path").asText()).isEqualTo("reports/2026/national.pdf");
        assertThat(call.event.get("requestContext").get("http").get("method").asText()).isEqualTo("DELETE");
    }

    @Test
    void anUnknownPathIsApiGatewaysNotFound() throws Exception {
        start();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/nothing/here")).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(text(response)).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(23);
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        assertThat(invoker.invoked()).isFalse();
    }

    @Test
    void aKnownPathWithAnotherMethodIsNotFoundToo() throws Exception {
        start();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/rounds/2026/definition"))
                .POST(BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(text(response)).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(invoker.invoked()).isFalse();
    }

    // ---- responses ----

    @Test
    void statusHeadersAndCookiesOfTheResultAreWritten() throws Exception {
        invoker.returning("""
                {"statusCode": 201,
                 "headers": {"Content-Type": "application/json", "Location": "/api/rounds/2026/responses/6f1c", "ETag": "\\"1\\""},
                 "multiValueHeaders": {"X-Ignored": ["in 2.0"]},
                 "cookies": ["nhssm_session=abc; Path=/; HttpOnly; Secure; SameSite=Strict", "theme=dark"],
                 "body": "{\\"id\\":\\"6f1c\\",\\"note\\":\\"ŵ 💙\\"}",
                 "isBase64Encoded": false}
                """);
        start();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/rounds/2026/responses"))
                .POST(BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("location")).contains("/api/rounds/2026/responses/6f1c");
        assertThat(response.headers().firstValue("etag")).contains("\"1\"");
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().allValues("set-cookie")).containsExactlyInAnyOrder(
                "nhssm_session=abc; Path=/; HttpOnly; Secure; SameSite=Strict", "theme=dark");
        assertThat(response.headers().map()).doesNotContainKey("x-ignored");
        assertThat(text(response)).isEqualTo("{\"id\":\"6f1c\",\"note\":\"ŵ 💙\"}");
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(response.body().length);
    }

    @Test
    void aBase64BodyIsWrittenAsTheBytesItEncodes() throws Exception {
        byte[] pdf = new byte[4096];
        new java.util.Random(7).nextBytes(pdf);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        invoker.returning("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/pdf\","
                + "\"Content-Disposition\":\"inline; filename=\\\"national.pdf\\\"\"},\"isBase64Encoded\":true,"
                + "\"body\":\"" + Base64.getEncoder().encodeToString(pdf) + "\"}");
        start();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/files/reports/2026/national.pdf")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/pdf");
        assertThat(response.headers().firstValue("content-disposition")).contains("inline; filename=\"national.pdf\"");
        assertThat(response.body()).isEqualTo(pdf);
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(pdf.length);
    }

    @Test
    void aResultWithoutStatusCodeIsInferredAs200Json() throws Exception {
        invoker.returning("{\"round\":\"2026\",\"sections\":[]}");
        start();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/rounds/2026/definition")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(text(response)).isEqualTo("{\"round\":\"2026\",\"sections\":[]}");
    }

    @Test
    void headAnd304And204AreSentWithoutABody() throws Exception {
        invoker.answering(event -> new Invocation.Returned(switch (json(event).at("/requestContext/http/method").asText()) {
            case "HEAD" -> "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"text/csv\"},\"body\":\"a,b\\n1,2\\n\"}";
            case "GET" -> "{\"statusCode\":304,\"headers\":{\"ETag\":\"\\\"x\\\"\"},\"body\":\"ignored\"}";
            default -> "{\"statusCode\":204,\"body\":\"\"}";
        }));
        start();

        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri("/files/national.csv"))
                .method("HEAD", BodyPublishers.noBody()));
        HttpResponse<byte[]> notModified = send(HttpRequest.newBuilder(uri("/files/national.csv"))
                .header("If-None-Match", "\"x\"").GET());
        HttpResponse<byte[]> noContent = send(HttpRequest.newBuilder(uri("/files/national.csv")).DELETE());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("content-length")).hasValue(8);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("etag")).contains("\"x\"");
        assertThat(noContent.statusCode()).isEqualTo(204);
        assertThat(noContent.body()).isEmpty();
        assertThat(noContent.headers().firstValue("content-length")).isEmpty();
    }

    // ---- API Gateway's errors ----

    @Test
    void aFunctionErrorIs500() throws Exception {
        invoker.answering(event -> new Invocation.Failed("java.lang.IllegalStateException", "boom", List.of("at x")));
        start();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/rounds/2026/definition")).GET());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(text(response)).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(awaitRequestLine("CollectFunction:")).contains("java.lang.IllegalStateException").doesNotContain("boom");
    }

    @Test
    void aFunctionTimeoutIs500() throws Exception {
        invoker.answering(event -> new Invocation.TimedOut(Duration.ofSeconds(15)));
        start();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/rounds/2026/definition")).GET());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(text(response)).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(awaitRequestLine("CollectFunction:")).contains("timed out after 15000 ms");
    }

    @Test
    void aResultOverSixMegabytesIs502WithAClearLogLine() throws Exception {
        String payload = "{\"statusCode\":200,\"body\":\"" + "a".repeat(HttpApiServer.MAX_LAMBDA_PAYLOAD_BYTES) + "\"}";
        invoker.returning(payload);
        start();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/rounds/2026/definition")).GET());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(text(response)).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(awaitRequestLine("CollectFunction:"))
                .contains("response of " + payload.length() + " bytes exceeds Lambda's 6 MB");
    }

    @Test
    void aResultJustUnderSixMegabytesIsDelivered() throws Exception {
        String envelope = "{\"statusCode\":200,\"body\":\"\"}";
        String body = "a".repeat(HttpApiServer.MAX_LAMBDA_PAYLOAD_BYTES - envelope.length());
        invoker.returning("{\"statusCode\":200,\"body\":\"" + body + "\"}");
        start();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/rounds/2026/definition")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(body.length());
    }

    @Test
    void anUnparseableResultIs502WithALogLine() throws Exception {
        invoker.returning("<html>not json</html>");
        start();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/rounds/2026/definition")).GET());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(text(response)).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(awaitRequestLine("CollectFunction:")).contains("not valid JSON");
    }

    @Test
    void noResultWithinTheIntegrationTimeoutIs503() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        invoker.answering(event -> {
            try {
                release.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Invocation.Returned("{\"statusCode\":200}");
        });
        start(Duration.ofSeconds(1));

        try {
            Instant before = Instant.now();
            HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/rounds/2026/definition")).GET());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("content-type")).contains("application/json");
            assertThat(text(response)).isEqualTo("{\"message\":\"Service Unavailable\"}");
            assertThat(Duration.between(before, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(awaitRequestLine("CollectFunction:")).contains("integration timeout");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRequestBodyOverTenMegabytesIs413WithoutInvokingTheFunction() throws Exception {
        start();
        byte[] body = new byte[HttpApiServer.MAX_REQUEST_BODY_BYTES + 1];

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/rounds/2026/responses"))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(text(response)).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
        assertThat(invoker.invoked()).isFalse();
    }

    @Test
    void aBodyWhoseEventWouldExceedLambdasSixMegabytesIs413WithoutInvokingTheFunction() throws Exception {
        start();
        byte[] body = new byte[5 * 1024 * 1024]; // 6.7 MB once base64-encoded

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/rounds/2026/responses"))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(text(response)).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
        assertThat(invoker.invoked()).isFalse();
        assertThat(awaitRequestLine("CollectFunction:")).contains("invocation payload limit");
    }

    // ---- the server ----

    @Test
    void eachRequestIsLoggedOnOneLineWithoutQueryStringHeadersOrBody() throws Exception {
        start();

        send(HttpRequest.newBuilder(uri("/api/rounds/2026/responses?token=secret-token-value"))
                .header("Authorization", "Bearer secret-bearer-value")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"Q42\":\"secret-answer-value\"}")));
        send(HttpRequest.newBuilder(uri("/nowhere?token=secret-token-value")).GET());

        String invoked = awaitRequestLine("POST ");
        String notFound = awaitRequestLine("GET ");
        assertThat(invoked).matches("POST /api/rounds/2026/responses 200 \\d+ ms CollectFunction");
        assertThat(notFound).matches("GET /nowhere 404 \\d+ ms -");
        assertThat(String.join("\n", log)).doesNotContain("secret");
    }

    @Test
    void requestsAreServedConcurrently() throws Exception {
        CountDownLatch bothArrived = new CountDownLatch(2);
        invoker.answering(event -> {
            bothArrived.countDown();
            try {
                boolean together = bothArrived.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                return new Invocation.Returned("{\"statusCode\":" + (together ? 200 : 500) + "}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Invocation.Returned("{\"statusCode\":500}");
            }
        });
        start();

        CompletableFuture<HttpResponse<byte[]>> first = client.sendAsync(
                HttpRequest.newBuilder(uri("/api/rounds/2026/definition")).timeout(DEADLINE).build(), BodyHandlers.ofByteArray());
        CompletableFuture<HttpResponse<byte[]>> second = client.sendAsync(
                HttpRequest.newBuilder(uri("/api/rounds/2027/definition")).timeout(DEADLINE).build(), BodyHandlers.ofByteArray());

        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(second.get().statusCode()).isEqualTo(200);
    }

    @Test
    void eachEventHasItsOwnRequestIdWhichTheResponseCarries() throws Exception {
        start();

        HttpResponse<byte[]> one = send(HttpRequest.newBuilder(uri("/api/rounds/2026/definition")).GET());
        HttpResponse<byte[]> two = send(HttpRequest.newBuilder(uri("/api/rounds/2026/definition")).GET());

        String first = invoker.next().event().at("/requestContext/requestId").asText();
        String second = invoker.next().event().at("/requestContext/requestId").asText();
        assertThat(first).matches("[A-Za-z0-9+/]{15}=").isNotEqualTo(second);
        assertThat(one.headers().firstValue("apigw-requestid")).contains(first);
        assertThat(two.headers().firstValue("apigw-requestid")).contains(second);
    }

    @Test
    void theServerListensOnTheLoopbackAddressOnly() throws Exception {
        start();

        assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(server.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/"));
        assertThat(server.port()).isPositive();

        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .filter(HttpApiServerTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), server.port()), 5000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void afterCloseNothingIsAccepted() throws Exception {
        start();
        int port = server.port();

        server.close();
        server.close(); // idempotent

        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    private static boolean isUp(NetworkInterface i) {
        try {
            return i.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private record Call(String function, JsonNode event) {
        static Call of(RecordingInvoker.Call call) {
            return new Call(call.functionLogicalId(), call.event());
        }
    }
}
