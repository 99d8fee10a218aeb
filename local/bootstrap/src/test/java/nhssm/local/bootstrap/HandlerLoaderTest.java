package nhssm.local.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.JsonNode;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.ObjectMapper;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nhssm.local.bootstrap.handlers.LongHandler;
import org.junit.jupiter.api.Test;

class HandlerLoaderTest {

    private static final ObjectMapper JSON = JacksonFactory.getInstance().getMapper();
    private static final Map<String, String> ENV = Map.of(
            "AWS_LAMBDA_FUNCTION_NAME", "ProbeFunction",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @Test
    void requestHandler_shouldDeserializeAStreamEventWithTheRuntimesMixins() throws Throwable {
        String event = """
                {"Records":[{"eventID":"1","eventName":"INSERT","eventSource":"aws:dynamodb","awsRegion":"eu-west-2",
                  "dynamodb":{"Keys":{"pk":{"S":"ROUND#2026#TRUST#RJ1"},"sk":{"S":"RESP#a"}},
                    "NewImage":{"pk":{"S":"ROUND#2026#TRUST#RJ1"},"sk":{"S":"RESP#a"},"count":{"N":"42"}},
                    "SequenceNumber":"111","SizeBytes":26,"StreamViewType":"NEW_AND_OLD_IMAGES"}}]}
                """;

        JsonNode result = JSON.readTree(call("nhssm.local.bootstrap.handlers.StreamProbe", event, "req-1"));

        assertThat(result.path("batchItemFailures").get(0).path("itemIdentifier").asText())
                .isEqualTo("111|RESP#a|42|req-1");
    }

    @Test
    void typeArguments_shouldFollowAGenericSuperclass() throws Throwable {
        Type[] types = HandlerLoader.typeArguments(LongHandler.class,
                com.amazonaws.services.lambda.runtime.RequestHandler.class);

        assertThat(types).containsExactly(Long.class, String.class);
        assertThat(call("nhssm.local.bootstrap.handlers.LongHandler", "12", "r")).isEqualTo("\"Long 12\"");
    }

    @Test
    void requestStreamHandler_shouldGetTheEventBytesAndLogThroughTheContext() throws Throwable {
        // The context's logger is the runtime's one, as on Lambda.
        LambdaBootstrap.install(new RuntimeLogger(new java.io.PrintStream(logged, true, StandardCharsets.UTF_8), false,
                com.amazonaws.services.lambda.runtime.logging.LogLevel.UNDEFINED));
        assertThat(call("nhssm.local.bootstrap.handlers.UpperCaseStream", "{\"a\":\"é\"}", "r")).isEqualTo("{\"A\":\"É\"}");
        assertThat(logged.toString(StandardCharsets.UTF_8)).isEqualTo("upper-casing 9 characters\n");
    }

    @Test
    void classAndMethod_shouldFindThePublicMethodByName() throws Throwable {
        assertThat(call("nhssm.local.bootstrap.handlers.Pojos::greet", "{\"name\":\"Cymru\"}", "r"))
                .isEqualTo("\"hello Cymru\"");
        JsonNode context = JSON.readTree(call("nhssm.local.bootstrap.handlers.Pojos::context", "{}", "r"));
        assertThat(context.path("function").asText()).isEqualTo("ProbeFunction");
        assertThat(context.path("memory").asInt()).isEqualTo(512);
        assertThat(context.path("remainingPositive").asBoolean()).isTrue();
        assertThat(call("nhssm.local.bootstrap.handlers.Pojos::nothing", "{}", "r")).isEqualTo("null");
    }

    @Test
    void handler_shouldThrowWhatTheHandlerThrows() throws Exception {
        FunctionHandler handler = load("nhssm.local.bootstrap.handlers.Pojos::fail");

        assertThatThrownBy(() -> handler.handle(invocation("{\"why\":\"closed\"}", "r")))
                .isInstanceOf(IllegalStateException.class).hasMessage("refused: closed");
    }

    @Test
    void load_shouldFailAsTheRuntimeDoes_whenTheHandlerCannotBeMade() {
        assertThatThrownBy(() -> load("nhssm.Missing::handleRequest"))
                .isInstanceOf(ClassNotFoundException.class).hasMessage("Class not found: nhssm.Missing");
        assertThatThrownBy(() -> load("nhssm.local.bootstrap.handlers.NoDefaultConstructor"))
                .hasMessageContaining("has no public zero-argument constructor");
        assertThatThrownBy(() -> load("nhssm.local.bootstrap.handlers.FailingConstructor"))
                .isInstanceOf(IllegalStateException.class).hasMessage("TABLE_NAME is not set");
        assertThatThrownBy(() -> load("java.lang.String"))
                .hasMessage("Class does not implement an appropriate handler interface: java.lang.String");
        assertThatThrownBy(() -> load("nhssm.local.bootstrap.handlers.Pojos::absent"))
                .hasMessageContaining("No public method named absent");
        assertThatThrownBy(() -> load("")).hasMessageContaining("Invalid handler");
    }

    @Test
    void errorJson_shouldCarryTypeMessageAndTheHandlersFrames() throws Exception {
        FunctionHandler handler = load("nhssm.local.bootstrap.handlers.Pojos::fail");
        Throwable thrown = null;
        try {
            handler.handle(invocation("{\"why\":\"a \\\"quoted\\\" line\\nbreak\"}", "r"));
        } catch (Throwable t) {
            thrown = t;
        }

        JsonNode error = JSON.readTree(LambdaErrors.toJson(thrown));

        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("errorMessage").asText()).isEqualTo("refused: a \"quoted\" line\nbreak");
        assertThat(error.path("stackTrace").get(0).asText()).startsWith("nhssm.local.bootstrap.handlers.Pojos.fail(");
        assertThat(error.path("stackTrace").toString()).doesNotContain("nhssm.local.bootstrap.HandlerLoader", "reflect");
    }

    private FunctionHandler load(String handler) throws Exception {
        return HandlerLoader.load(handler, getClass().getClassLoader(), ENV, log);
    }

    private String call(String handler, String event, String requestId) throws Throwable {
        return new String(load(handler).handle(invocation(event, requestId)), StandardCharsets.UTF_8);
    }

    private static NextInvocation invocation(String event, String requestId) {
        return new NextInvocation(requestId, System.currentTimeMillis() + 60_000,
                "arn:aws:lambda:eu-west-2:123456789012:function:ProbeFunction", null,
                event.getBytes(StandardCharsets.UTF_8));
    }
}
