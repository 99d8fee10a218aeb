package nhssm.local.lambda;

import static nhssm.local.lambda.TestFunctions.await;
import static nhssm.local.lambda.TestFunctions.function;
import static nhssm.local.lambda.TestFunctions.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test handlers in real child JVMs. One LocalFunctions for the class, its containers started
 * in parallel up front and reused, so that the class costs a few JVM starts.
 */
class LocalFunctionsTest {

    private static final Map<String, String> OVERRIDES = Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000",
            // Lambda reserves these: a value from elsewhere never reaches a function.
            "AWS_ACCESS_KEY_ID", "from-the-parent", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "from-the-parent");

    @TempDir
    static Path work;

    private static LocalFunctions functions;
    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    private static final ByteArrayOutputStream ERR = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        Path artifact = TestFunctions.artifact(work.resolve("handlers"));
        var template = TestFunctions.template(
                function("Echo", "EchoHandler", 10, 256, Map.of("GREETING", "hello")),
                function("Sleeper", "EchoHandler", 2, 128, Map.of()),
                function("Concurrent", "EchoHandler", 10, 128, Map.of()),
                function("Crasher", "EchoHandler", 10, 128, Map.of()),
                function("Env", "EnvHandler", 10, 128, Map.of("FUNCTION_VAR", "from-template")),
                function("SnapStartEnv", "EnvHandler", 10, 128, Map.of()).withSnapStart(true),
                function("Thrower", "ThrowingHandler", 10, 128, Map.of()),
                function("Missing", "Absent", 10, 128, Map.of()));
        Map<String, Path> artifacts = Map.of("Echo", artifact, "Sleeper", artifact, "Concurrent", artifact,
                "Crasher", artifact, "Env", artifact, "SnapStartEnv", artifact, "Thrower", artifact, "Missing", artifact);
        functions = new LocalFunctions(template, artifacts, OVERRIDES, 4,
                new PrintStream(OUT, true, StandardCharsets.UTF_8), new PrintStream(ERR, true, StandardCharsets.UTF_8))
                .closeOnShutdown();

        Map<String, Invocation.Failed> failures = functions.prewarm();

        assertThat(failures).containsOnlyKeys("Missing");
        assertThat(failures.get("Missing").errorType()).isEqualTo("java.lang.ClassNotFoundException");
    }

    @AfterAll
    static void stop() {
        functions.close();
    }

    @Test
    void invoke_shouldReturnTheHandlersResult_withTheContextLambdaGives() {
        JsonNode result = payload(functions.invoke("Echo", "{\"greeting\":\"shw mae 👋\",\"log\":\"a line\"}"));

        assertThat(result.path("event").path("greeting").asText()).isEqualTo("shw mae 👋");
        assertThat(result.path("functionName").asText()).isEqualTo("Echo");
        assertThat(result.path("memoryLimitInMB").asInt()).isEqualTo(256);
        assertThat(result.path("maxHeapMb").asLong()).isBetween(150L, 256L);
        assertThat(result.path("remainingTimeInMillis").asLong()).isBetween(5_000L, 10_000L);
        assertThat(result.path("invokedFunctionArn").asText()).isEqualTo("arn:aws:lambda:eu-west-2:123456789012:function:Echo");
        assertThat(result.path("requestId").asText()).matches("[0-9a-f-]{36}");
        await("the function's log lines, prefixed", Duration.ofSeconds(5), () ->
                OUT.toString(StandardCharsets.UTF_8).contains("[Echo] out: a line\n")
                        && OUT.toString(StandardCharsets.UTF_8).contains("[Echo] logger: a line\n")
                        && ERR.toString(StandardCharsets.UTF_8).contains("[Echo] err: a line\n"));
    }

    @Test
    void invoke_shouldReuseTheWarmContainer() {
        long first = payload(functions.invoke("Echo", "{}")).path("pid").asLong();
        long second = payload(functions.invoke("Echo", "{}")).path("pid").asLong();

        assertThat(second).isEqualTo(first);
        assertThat(functions.containers("Echo")).isEqualTo(1);
    }

    @Test
    void invoke_shouldFailWithTheExceptionTypeAndMessage_whenTheHandlerThrows() {
        Invocation result = functions.invoke("Thrower", "{\"round\":\"1999\"}");

        assertThat(result).isInstanceOfSatisfying(Invocation.Failed.class, failed -> {
            assertThat(failed.errorType()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(failed.errorMessage()).isEqualTo("no such round: 1999");
            assertThat(failed.stackTrace().get(0))
                    .startsWith("nhssm.local.lambda.handlers.ThrowingHandler.handleRequest(ThrowingHandler.java:");
        });
        assertThat(functions.containers("Thrower")).as("a handled error keeps the container, as on Lambda").isEqualTo(1);
    }

    @Test
    void invoke_shouldTimeOutAndKillTheContainer_thenStartAFreshOne() {
        long warm = payload(functions.invoke("Sleeper", "{}")).path("pid").asLong();
        Instant start = Instant.now();

        Invocation slow = functions.invoke("Sleeper", "{\"sleepMs\":20000}");

        assertThat(slow).isEqualTo(new Invocation.TimedOut(Duration.ofSeconds(2)));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(6));
        await("the timed-out container's process to end", Duration.ofSeconds(10),
                () -> ProcessHandle.of(warm).map(p -> !p.isAlive()).orElse(true));
        long fresh = payload(functions.invoke("Sleeper", "{}")).path("pid").asLong();
        assertThat(fresh).isNotEqualTo(warm);
        assertThat(functions.containers("Sleeper")).isEqualTo(1);
    }

    @Test
    void invoke_shouldSeeExactlyTheLambdaEnvironment() {
        JsonNode env = payload(functions.invoke("Env", "{}"));

        Set<String> names = new HashSet<>();
        env.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("FUNCTION_VAR", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_LAMBDA_RUNTIME_API",
                "_HANDLER", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
                "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_FORMAT", "AWS_REGION", "AWS_DEFAULT_REGION",
                "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "TZ", "LANG", "PATH");
        assertThat(System.getenv()).as("the parent has variables of its own").containsKey("HOME");
        assertThat(names).doesNotContain("HOME", "JAVA_HOME", "CLASSPATH", "MAVEN_OPTS");
        assertThat(env.path("FUNCTION_VAR").asText()).isEqualTo("from-template");
        assertThat(env.path("AWS_ENDPOINT_URL_DYNAMODB").asText()).isEqualTo("http://127.0.0.1:8000");
        assertThat(env.path("AWS_LAMBDA_INITIALIZATION_TYPE").asText()).isEqualTo("on-demand");
        assertThat(env.path("AWS_ACCESS_KEY_ID").asText()).matches("ASIA[A-Z2-7]{16}");
        assertThat(env.path("AWS_SESSION_TOKEN").asText()).isNotBlank();
        assertThat(env.path("AWS_LAMBDA_RUNTIME_API").asText()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(env.path("_HANDLER").asText()).isEqualTo("nhssm.local.lambda.handlers.EnvHandler::handleRequest");
        assertThat(env.path("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("Env");
        assertThat(env.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("128");
        assertThat(env.path("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
        assertThat(env.path("AWS_REGION").asText()).isEqualTo("eu-west-2");
        assertThat(env.path("AWS_DEFAULT_REGION").asText()).isEqualTo("eu-west-2");
        assertThat(env.path("TZ").asText()).isEqualTo(":UTC");
    }

    @Test
    void aSnapStartFunction_shouldSeeNoAccessKeys_onlyTheContainerCredentialsEndpointAndItsToken() {
        JsonNode env = payload(functions.invoke("SnapStartEnv", "{}"));

        Set<String> names = new HashSet<>();
        env.fieldNames().forEachRemaining(names::add);
        assertThat(names).doesNotContain("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")
                .contains("AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN");
        assertThat(env.path("AWS_LAMBDA_INITIALIZATION_TYPE").asText()).isEqualTo("snap-start");
        assertThat(env.path("AWS_CONTAINER_CREDENTIALS_FULL_URI").asText())
                .isEqualTo("http://" + env.path("AWS_LAMBDA_RUNTIME_API").asText() + ContainerCredentials.PATH);
        assertThat(env.path("AWS_CONTAINER_AUTHORIZATION_TOKEN").asText()).isNotEqualTo("from-the-parent").hasSizeGreaterThan(40);
        assertThat(env.path("AWS_LAMBDA_FUNCTION_VERSION").asText()).as("SnapStart runs published versions").isEqualTo("1");
    }

    @Test
    void invoke_shouldUseTwoContainers_forTwoConcurrentInvocations() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Invocation>> calls = List.of(
                    CompletableFuture.supplyAsync(() -> functions.invoke("Concurrent", "{\"sleepMs\":1500}"), callers),
                    CompletableFuture.supplyAsync(() -> functions.invoke("Concurrent", "{\"sleepMs\":1500}"), callers));

            long a = payload(calls.get(0).get()).path("pid").asLong();
            long b = payload(calls.get(1).get()).path("pid").asLong();

            assertThat(a).isNotEqualTo(b);
            assertThat(functions.containers("Concurrent")).isEqualTo(2);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void invoke_shouldFailWithAnExitError_whenTheProcessDies_thenStartAFreshOne() {
        Invocation result = functions.invoke("Crasher", "{\"exit\":3}");

        assertThat(result).isInstanceOfSatisfying(Invocation.Failed.class, failed -> {
            assertThat(failed.errorType()).isEqualTo("Runtime.ExitError");
            assertThat(failed.errorMessage()).contains("exit status 3");
        });
        assertThat(payload(functions.invoke("Crasher", "{}")).path("pid").asLong()).isPositive();
    }

    @Test
    void invoke_shouldFailWithTheInitError_whenTheHandlerClassIsMissing() {
        Invocation result = functions.invoke("Missing", "{}");

        assertThat(result).isInstanceOfSatisfying(Invocation.Failed.class, failed -> {
            assertThat(failed.errorType()).isEqualTo("java.lang.ClassNotFoundException");
            assertThat(failed.errorMessage()).isEqualTo("Class not found: nhssm.local.lambda.handlers.Absent");
        });
        assertThat(functions.containers("Missing")).isZero();
    }

    @Test
    void invoke_shouldFailClearly_whenTheFunctionIsUnknown() {
        Invocation result = functions.invoke("Nope", "{}");

        assertThat(result).isInstanceOfSatisfying(Invocation.Failed.class, failed -> {
            assertThat(failed.errorType()).isEqualTo("ResourceNotFoundException");
            assertThat(failed.errorMessage()).startsWith("Function not found: Nope").contains("Echo");
        });
    }
}
