package nhssm.local.lambda;

import static nhssm.local.lambda.TestFunctions.payload;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nhssm.core.time.ServiceClock;
import nhssm.core.token.TokenHash;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import nhssm.local.dynamodb.TemplateTable;
import nhssm.local.template.FunctionDefinition;
import nhssm.local.template.TemplateReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The collect function as template.yaml declares it (SnapStart on), in its own JVM, from its packaged artifact, as
 * Lambda runs it: no access keys in its environment, only the container credentials endpoint and its token, and the
 * database named by AWS_ENDPOINT_URL_DYNAMODB. An invitation is stored in a real table, so every call it makes was
 * signed with credentials it fetched from the endpoint. A client pinned to the environment's access keys, or reading
 * a project variable for its endpoint, fails here as it would on Lambda.
 */
class SnapStartCredentialsTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private static final String ADMIN = "events-admin-token-do-not-use-in-production";

    @TempDir
    static Path work;

    @Test
    void aSnapStartFunction_shouldReachItsTable_withTheContainerCredentialsAlone() throws Exception {
        Path root = TemplateTable.locateTemplate().getParent();
        String table = DYNAMO.dynamo().newTable();
        FunctionDefinition collect = TemplateReader.read(root.resolve("template.yaml"),
                        Map.of("SurveyTable", table, "AdminTokenSha256", TokenHash.of(ADMIN).hex()))
                .function("CollectFunction").orElseThrow();
        assertThat(collect.snapStart()).as("template.yaml: SnapStart on published versions").isTrue();
        Path artifact = FunctionArtifacts.layOut(root, collect, work);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(log, true, StandardCharsets.UTF_8);
        Map<String, String> overrides = Map.of("AWS_ENDPOINT_URL_DYNAMODB", DYNAMO.dynamo().endpoint().toString(),
                ServiceClock.VARIABLE, "2026-11-24T09:00:00Z");

        try (FunctionContainer container = FunctionContainer.start(collect, artifact, overrides, sink, sink)) {
            assertThat(container.awaitReady(Duration.ofSeconds(60))).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(container.restored()).as("beforeCheckpoint, then restore/next, before the first invocation")
                    .isTrue();

            var response = payload(container.invoke(Files.readString(root.resolve("events/invitations-post.json"))));

            assertThat(response.path("statusCode").asInt()).as(log.toString(StandardCharsets.UTF_8)).isEqualTo(201);
            assertThat(container.credentials().served()).as("credentials fetched from the endpoint").isPositive();
            assertThat(container.credentials().refused()).as("always with the right token").isZero();
        }
        var tokens = DYNAMO.dynamo().client().scan(b -> b.tableName(table)
                .filterExpression("sk = :t").expressionAttributeValues(Map.of(":t", AttributeValue.fromS("TOKEN"))));
        assertThat(tokens.items()).singleElement()
                .satisfies(item -> assertThat(item.get("pk").s()).startsWith("TOKEN#"));
    }
}
