package nhssm.report.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.core.token.Scope;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import nhssm.local.dynamodb.LocalDynamoDb;
import nhssm.local.dynamodb.TemplateTable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the report function's artifact as {@code sam build} does (copy the CodeUri, the project root,
 * to a scratch directory and run {@code make build-ReportFunction} there), then starts a fresh JVM with
 * nothing but that artifact on the class path and has it load the handler and render reports: the
 * fonts must load from their jar inside the artifact, as on Lambda, which has no system fonts.
 */
class LambdaArtifactIT {

    private static final Set<String> SKIPPED = Set.of("target", ".git", "out", ".local-data", ".aws-sam");
    private static final String TOKEN = "artifact-probe-lead-token";

    private static LocalDynamoDb dynamo;
    private static String table;

    @TempDir
    static Path scratch;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        table = dynamo.newTable();
        new DynamoDbSurveyStore(dynamo.client(), table).saveToken(new TokenGrant(TokenHash.of(TOKEN), "2026", "RJ1",
                Scope.LEAD, Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2099-01-01T00:00:00Z")));
        new DynamoDbTrustRecordStore(dynamo.client(), table).putRecord(TrustRecords.official("RJ1", "NO", 1), 0);
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Test
    void artifact_shouldLoadTheHandlerAndRenderReports_withNothingElseOnTheClassPath() throws Exception {
        Path source = scratch.resolve("source");
        Path artifact = scratch.resolve("artifact");
        Path downloads = Files.createDirectories(scratch.resolve("downloads"));
        copyTree(TemplateTable.locateTemplate().getParent(), source);

        Process make = new ProcessBuilder("make", "build-ReportFunction", "ARTIFACTS_DIR=" + artifact, "MVN=mvn -o")
                .directory(source.toFile()).redirectErrorStream(true).start();
        String makeOutput = output(make, 900);
        assertThat(make.exitValue()).as(makeOutput).isZero();

        assertThat(artifact.resolve("nhssm/report/api/ReportHandler.class")).exists();
        List<String> jars = list(artifact.resolve("lib"));
        assertThat(jars).anyMatch(j -> j.startsWith("nhssm-core-")).anyMatch(j -> j.startsWith("nhssm-http-"))
                .anyMatch(j -> j.startsWith("pdfbox-")).anyMatch(j -> j.startsWith("openpdf-fonts-extra-"))
                .anyMatch(j -> j.startsWith("url-connection-client-"));
        assertThat(jars).as("one lightweight HTTP client, and nothing for tests or local running")
                .noneMatch(j -> j.startsWith("apache-client-") || j.startsWith("netty-nio-client-")
                        || j.startsWith("DynamoDBLocal") || j.startsWith("junit") || j.startsWith("nhssm-local-")
                        || j.startsWith("validation-model") || j.startsWith("jsoup") || j.startsWith("openpdf-2"));

        Path probe = scratch.resolve("ArtifactProbe.java");
        try (var in = LambdaArtifactIT.class.getResourceAsStream("/artifact-probe/ArtifactProbe.java")) {
            Files.copy(in, probe);
        }
        ProcessBuilder launcher = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // As on Lambda: no display, and no fonts but those the artifact brings.
                "-Djava.awt.headless=true",
                "-cp", artifact + File.pathSeparator + artifact.resolve("lib") + File.separator + "*",
                probe.toString(), "nhssm.report.api.ReportHandler", TOKEN, downloads.toString())
                .directory(scratch.toFile()).redirectErrorStream(true);
        launcher.environment().clear();
        launcher.environment().putAll(Map.of(
                "TABLE_NAME", table,
                "DYNAMODB_ENDPOINT", dynamo.endpoint().toString(),
                "AWS_REGION", "eu-west-2",
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
        Process run = launcher.start();
        String out = output(run, 300);

        assertThat(run.exitValue()).as(out).isZero();
        assertThat(out.lines().filter(l -> l.matches("\\d{3} .*")).toList()).as(out)
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

    private static String output(Process process, int seconds) throws InterruptedException, IOException {
        boolean done = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
        }
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("still running after " + seconds + " s: " + text).isTrue();
        return text;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.filter(p -> Stream.iterate(from.relativize(p), q -> q != null, Path::getParent)
                            .noneMatch(q -> SKIPPED.contains(q.getFileName().toString())))
                    .forEach(p -> {
                        try {
                            Path target = to.resolve(from.relativize(p).toString());
                            if (Files.isDirectory(p)) {
                                Files.createDirectories(target);
                            } else {
                                Files.copy(p, target);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
    }
}
