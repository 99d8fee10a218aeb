package nhssm.report.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.core.token.Scope;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import nhssm.http.testing.LambdaArtifact;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import nhssm.local.dynamodb.TemplateTable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the report function's artifact as {@code sam build} does (copy the CodeUri, the project root,
 * to a scratch directory and run {@code make build-ReportFunction} there), then starts a fresh JVM with
 * nothing but that artifact on the class path and has it load the handler and render reports: the
 * fonts must load from their jar inside the artifact, as on Lambda, which has no system fonts.
 */
class LambdaArtifactIT {

    private static final String TOKEN = "artifact-probe-lead-token";

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
                Scope.LEAD, Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2099-01-01T00:00:00Z")));
        new DynamoDbTrustRecordStore(dynamo.client(), table).putRecord(TrustRecords.official("RJ1", "NO", 1), 0);
    }

    @Test
    void artifact_shouldLoadTheHandlerAndRenderReports_withNothingElseOnTheClassPath() throws Exception {
        Path artifact = LambdaArtifact.build(TemplateTable.locateTemplate().getParent(), "ReportFunction", scratch, 900);
        Path downloads = Files.createDirectories(scratch.resolve("downloads"));

        assertThat(artifact.resolve("nhssm/report/api/ReportHandler.class")).exists();
        List<String> jars = LambdaArtifact.libJars(artifact);
        assertThat(jars).anyMatch(j -> j.startsWith("nhssm-core-")).anyMatch(j -> j.startsWith("nhssm-http-"))
                .anyMatch(j -> j.startsWith("pdfbox-")).anyMatch(j -> j.startsWith("openpdf-fonts-extra-"))
                .anyMatch(j -> j.startsWith("url-connection-client-"));
        assertThat(jars).as("one lightweight HTTP client, and nothing for tests or local running")
                .noneMatch(j -> j.startsWith("apache-client-") || j.startsWith("netty-nio-client-")
                        || j.startsWith("DynamoDBLocal") || j.startsWith("junit") || j.startsWith("nhssm-local-")
                        || j.startsWith("validation-model") || j.startsWith("jsoup") || j.startsWith("openpdf-2"));

        String out = LambdaArtifact.probe(artifact,
                LambdaArtifactIT.class.getResourceAsStream("/artifact-probe/ArtifactProbe.java"),
                // As on Lambda: no display, and no fonts but those the artifact brings.
                List.of("-Djava.awt.headless=true"),
                List.of("nhssm.report.api.ReportHandler", TOKEN, downloads.toString()),
                Map.of("TABLE_NAME", table, "AWS_ENDPOINT_URL_DYNAMODB", DYNAMO.dynamo().endpoint().toString(),
                        "AWS_REGION", "eu-west-2", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"),
                300);

        assertThat(LambdaArtifact.responseLines(out)).as(out)
                .satisfiesExactly(
                        national -> assertThat(national).startsWith("200 application/pdf %PDF-"),
                        unknownRound -> assertThat(unknownRound).startsWith("404 application/problem+json {")
                                .contains("2026"),
                        trust -> assertThat(trust).startsWith("200 application/pdf %PDF-"));
        for (String pdf : List.of("national.pdf", "RJ1.pdf")) {
            assertThat(fontsOf(downloads.resolve(pdf))).as(pdf)
                    .isNotEmpty()
                    .allSatisfy(font -> assertThat(font).contains("LiberationSans").endsWith("embedded"));
        }
    }

    /** Each font on each page: its name and whether its program is embedded. */
    private static List<String> fontsOf(Path pdf) throws IOException {
        List<String> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : " not embedded"));
                }
            }
        }
        return fonts;
    }
}
