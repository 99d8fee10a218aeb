package nhssm.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Runtime API over real HTTP, with the test playing the runtime. */
class LambdaRuntimeApiTest {

    private static final String ARN = "arn:aws:lambda:eu-west-2:123456789012:function:Probe";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private LambdaRuntimeApi api;

    @BeforeEach
    void start() throws IOException {
        api = LambdaRuntimeApi.start(ARN, Duration.ofSeconds(7));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void next_shouldHandOverTheEventWithLambdasHeaders_andResponseShouldCompleteIt() throws Exception {
        LambdaRuntimeApi.Pending pending = api.submit("{\"é\":1}");
        long before = System.currentTimeMillis();

        HttpResponse<String> next = get("invocation/next");

        assertThat(api.ready().getNow(null)).isEqualTo(Optional.empty());
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("{\"é\":1}");
        String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        assertThat(id).isEqualTo(pending.requestId);
        assertThat(Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()))
                .isBetween(before + 6_000, System.currentTimeMillis() + 7_000);
        assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).hasValue(ARN);
        assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow()).startsWith("Root=1-");
        assertThat(pending.dispatched).isDone();

        assertThat(post("invocation/" + id + "/response", "{\"ok\":true}", null).statusCode()).isEqualTo(202);
        assertThat(pending.result.get(5, TimeUnit.SECONDS)).isEqualTo(new Invocation.Returned("{\"ok\":true}"));
        assertThat(post("invocation/" + id + "/response", "{}", null).statusCode())
                .as("an answered request id is no longer valid").isEqualTo(400);
    }

    @Test
    void error_shouldCompleteTheInvocationWithTheRuntimesErrorDocument() throws Exception {
        LambdaRuntimeApi.Pending pending = api.submit("{}");
        String id = get("invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        post("invocation/" + id + "/error",
                "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":[\"a.B.c(B.java:1)\"]}",
                "Unhandled");

        assertThat(pending.result.get(5, TimeUnit.SECONDS)).isEqualTo(
                new Invocation.Failed("java.lang.IllegalStateException", "boom", List.of("a.B.c(B.java:1)")));
    }

    @Test
    void response_shouldBeRefused_whenOverLambdasSixMegabyteLimit() throws Exception {
        LambdaRuntimeApi.Pending pending = api.submit("{}");
        String id = get("invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        HttpResponse<String> answer = post("invocation/" + id + "/response",
                "\"" + "x".repeat(LambdaRuntimeApi.MAX_RESPONSE_BYTES) + "\"", null);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(pending.result.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(Invocation.Failed.class,
                failed -> assertThat(failed.errorType()).isEqualTo("Function.ResponseSizeTooLarge"));
    }

    @Test
    void initError_shouldFailWhatIsQueued_andEverythingAfter() throws Exception {
        LambdaRuntimeApi.Pending queued = api.submit("{}");

        post("init/error", "{\"errorMessage\":\"Class not found: x.Y\",\"errorType\":\"java.lang.ClassNotFoundException\"}",
                "Unhandled");

        Invocation.Failed expected = new Invocation.Failed("java.lang.ClassNotFoundException", "Class not found: x.Y",
                List.of());
        assertThat(queued.result.get(5, TimeUnit.SECONDS)).isEqualTo(expected);
        assertThat(api.ready().get(5, TimeUnit.SECONDS)).hasValue(expected);
        assertThat(api.submit("{}").result.getNow(null)).isEqualTo(expected);
    }

    @Test
    void unknownRequestId_shouldBeAnsweredAsLambdaDoes() throws Exception {
        HttpResponse<String> answer = post("invocation/no-such-id/response", "{}", null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("InvalidRequestID");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String errorType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (errorType != null) {
            request.header("Lambda-Runtime-Function-Error-Type", errorType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://" + api.address() + "/2018-06-01/runtime/" + path);
    }
}
