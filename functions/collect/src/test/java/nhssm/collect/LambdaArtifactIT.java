package nhssm.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.token.Scope;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import nhssm.http.testing.LambdaArtifact;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import nhssm.local.dynamodb.TemplateTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the collect function's artifact as {@code sam build} does (copy the CodeUri, the project
 * root, to a scratch directory and run {@code make build-CollectFunction} there), then starts a
 * fresh JVM with nothing but that artifact on the class path and has it load and call the handler.
 */
class LambdaArtifactIT {

    private static final String TOKEN = "artifact-probe-token";

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private static String table;

    @TempDir
    static Path scratch;

    @BeforeAll
    static void start() {
        var dynamo = DYNAMO.dynamo();
        table = dynamo.newTable();
        new DynamoDbSurveyStore(dynamo.client(), table).saveToken(new TokenGrant(TokenHash.of(TOKEN), "2026", "RJ1",
                Scope.STAFF, Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2099-01-01T00:00:00Z")));
    }

    @Test
    void artifact_shouldLoadAndServeTheHandler_withNothingElseOnTheClassPath() throws Exception {
        Path artifact = LambdaArtifact.build(TemplateTable.locateTemplate().getParent(), "CollectFunction", scratch, 600);

        assertThat(artifact.resolve("nhssm/collect/CollectHandler.class")).exists();
        List<String> jars = LambdaArtifact.libJars(artifact);
        assertThat(jars).anyMatch(j -> j.startsWith("nhssm-core-")).anyMatch(j -> j.startsWith("url-connection-client-"));
        assertThat(jars).as("one lightweight HTTP client, and nothing for tests or local running")
                .noneMatch(j -> j.startsWith("apache-client-") || j.startsWith("netty-nio-client-")
                        || j.startsWith("DynamoDBLocal") || j.startsWith("junit") || j.startsWith("nhssm-local-"));

        String out = LambdaArtifact.probe(artifact,
                LambdaArtifactIT.class.getResourceAsStream("/artifact-probe/ArtifactProbe.java"),
                List.of(), List.of("nhssm.collect.CollectHandler", TOKEN),
                Map.of("TABLE_NAME", table, "AWS_ENDPOINT_URL_DYNAMODB", DYNAMO.dynamo().endpoint().toString(),
                        "AWS_REGION", "eu-west-2", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"),
                120);

        // The probe runs on today's clock, so the POST may fall outside the round's window: either
        // way it was answered from DynamoDB, which is what matters here.
        assertThat(LambdaArtifact.responseLines(out)).as(out)
                .satisfiesExactly(
                        definition -> assertThat(definition).startsWith("200 {"),
                        post -> assertThat(post).matches("(201|403) \\{.*"));
    }
}
