package nhssm.local.lambda;

import static nhssm.local.lambda.TestFunctions.json;
import static nhssm.local.lambda.TestFunctions.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import nhssm.local.dynamodb.TemplateTable;
import nhssm.local.template.SamTemplate;
import nhssm.local.template.TemplateReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real collect function, from its packaged artifact (functions/collect/target, built earlier in
 * the reactor) laid out as sam build does, in its own JVM. The definition route needs no DynamoDB.
 */
class CollectFunctionTest {

    private static final Map<String, String> OVERRIDES = Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9");

    @TempDir
    static Path work;

    private static Path root;
    private static SamTemplate template;
    private static Path artifact;
    private static LocalFunctions functions;

    @BeforeAll
    static void layOut() {
        root = TemplateTable.locateTemplate().getParent();
        template = TemplateReader.read(root.resolve("template.yaml"),
                Map.of("SurveyTable", "anything", "AdminTokenSha256", "0".repeat(64)));
        artifact = FunctionArtifacts.layOut(root, template.function("CollectFunction").orElseThrow(), work);
        functions = new LocalFunctions(template, Map.of("CollectFunction", artifact), OVERRIDES);
    }

    @AfterAll
    static void stop() {
        functions.close();
    }

    @Test
    void layOut_shouldPutTheClassesAtTheRootAndTheRuntimeJarsInLib() throws IOException {
        assertThat(artifact).isEqualTo(work.resolve("CollectFunction"));
        assertThat(artifact.resolve("nhssm/collect/CollectHandler.class")).isRegularFile();
        try (Stream<Path> jars = Files.list(artifact.resolve("lib"))) {
            assertThat(jars.map(j -> j.getFileName().toString()).toList())
                    .anyMatch(j -> j.startsWith("nhssm-core-"))
                    .anyMatch(j -> j.startsWith("aws-lambda-java-events-"))
                    .noneMatch(j -> j.startsWith("aws-lambda-java-serialization") || j.startsWith("nhssm-local-"));
        }
    }

    @Test
    void invoke_shouldServeTheDefinition_fromThePackagedArtifact() throws IOException {
        String event = Files.readString(root.resolve("events/definition-get.json"));

        JsonNode response = payload(functions.invoke("CollectFunction", event));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("headers").path("etag").asText()).matches("\"[0-9a-f]{32}\"");
        assertThat(response.has("isBase64Encoded")).as("the runtime's serializer names it as API Gateway needs").isTrue();
        JsonNode definition = json(response.path("body").asText());
        assertThat(definition.path("round").asText()).isEqualTo("2026");
        assertThat(definition.path("questions").size()).isGreaterThan(40);
    }

    @Test
    void invokeCommand_shouldPrintTheResultJsonAndReturnZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = InvokeCommand.run(template, "CollectFunction", root.resolve("events/definition-get.json"), artifact,
                OVERRIDES, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode response = json(out.toString(StandardCharsets.UTF_8));
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(json(response.path("body").asText()).path("round").asText()).isEqualTo("2026");
    }
}
