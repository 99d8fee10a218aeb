package nhssm.local.lambda;

import static nhssm.local.lambda.TestFunctions.function;
import static nhssm.local.lambda.TestFunctions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nhssm.local.template.SamTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvokeCommandTest {

    @TempDir
    static Path work;

    private static Path artifact;
    private static Path event;
    private static SamTemplate template;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void layOut() throws IOException {
        artifact = TestFunctions.artifact(work.resolve("handlers"));
        event = Files.writeString(work.resolve("event.json"), "{\"round\":\"1999\",\"log\":\"to stderr\"}");
        template = TestFunctions.template(
                function("Thrower", "ThrowingHandler", 10, 128, Map.of()),
                function("Echo", "EchoHandler", 10, 128, Map.of()));
    }

    @Test
    void run_shouldPrintTheErrorAsJsonOnStderrAndReturnNonZero_whenTheHandlerThrows() {
        int status = run("Thrower", event);

        assertThat(status).isEqualTo(InvokeCommand.FUNCTION_ERROR);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        String lastLine = err.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElseThrow();
        JsonNode error = json(lastLine);
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(error.path("errorMessage").asText()).isEqualTo("no such round: 1999");
        assertThat(error.path("stackTrace").get(0).asText()).contains("ThrowingHandler.handleRequest");
    }

    @Test
    void run_shouldKeepStdoutForTheResult_andSendTheFunctionsLogsToStderr() {
        int status = run("Echo", event);

        assertThat(status).isZero();
        assertThat(json(out.toString(StandardCharsets.UTF_8)).path("event").path("round").asText()).isEqualTo("1999");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[Echo] out: to stderr", "[Echo] err: to stderr");
    }

    @Test
    void run_shouldReturnAUsageError_withoutStartingAnything_whenTheFunctionOrEventIsWrong() throws IOException {
        assertThat(run("Nope", event)).isEqualTo(InvokeCommand.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no function Nope", "Thrower");

        Path notJson = Files.writeString(work.resolve("bad.json"), "{\"round\":");
        assertThat(run("Echo", notJson)).isEqualTo(InvokeCommand.USAGE_ERROR);
        assertThat(run("Echo", work.resolve("absent.json"))).isEqualTo(InvokeCommand.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not JSON", "cannot read the event file");
    }

    private int run(String function, Path eventFile) {
        return InvokeCommand.run(template, function, eventFile, artifact, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
