package nhssm.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import nhssm.local.lambda.handlers.EchoHandler;
import nhssm.local.template.FunctionDefinition;
import nhssm.local.template.SamTemplate;

/** The test handlers (nhssm.local.lambda.handlers) as functions with an artifact of their own, as sam build lays one out. */
final class TestFunctions {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String HANDLERS = "nhssm.local.lambda.handlers.";

    private TestFunctions() {
    }

    static FunctionDefinition function(String id, String handlerClass, int timeoutSeconds, int memoryMb,
                                       Map<String, String> environment) {
        return new FunctionDefinition(id, HANDLERS + handlerClass + "::handleRequest", "java21",
                Duration.ofSeconds(timeoutSeconds), memoryMb, environment, List.of(), List.of());
    }

    static SamTemplate template(FunctionDefinition... functions) {
        return new SamTemplate(List.of(functions), List.of());
    }

    /**
     * An artifact holding the compiled test handlers at its root and, in lib/, only the
     * aws-lambda-java-core and -events jars: nothing of the test class path besides.
     */
    static Path artifact(Path dir) {
        try {
            Path testClasses = FunctionContainer.codeSource(EchoHandler.class);
            Path handlers = testClasses.resolve(HANDLERS.replace('.', '/'));
            Path target = dir.resolve(HANDLERS.replace('.', '/'));
            Files.createDirectories(target);
            try (Stream<Path> classes = Files.list(handlers)) {
                for (Path c : classes.toList()) {
                    Files.copy(c, target.resolve(c.getFileName().toString()));
                }
            }
            Path lib = Files.createDirectories(dir.resolve("lib"));
            for (Class<?> library : List.of(RequestHandler.class, APIGatewayV2HTTPEvent.class)) {
                Path jar = FunctionContainer.codeSource(library);
                assertThat(jar.toString()).endsWith(".jar");
                Files.copy(jar, lib.resolve(jar.getFileName().toString()));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload of a Returned invocation, as JSON; fails the test with what happened otherwise. */
    static JsonNode payload(Invocation invocation) {
        assertThat(invocation).isInstanceOf(Invocation.Returned.class);
        return json(((Invocation.Returned) invocation).payloadJson());
    }

    /** Polls until the condition holds, failing after the deadline. */
    static void await(String what, Duration limit, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
