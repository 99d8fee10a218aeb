package nhssm.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.local.demo.DemoCase;
import nhssm.local.dynamodb.TemplateTable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nhssm demo} end to end on a small census: the real local system (the DynamoDB engine, the functions
 * in their own JVMs, the HTTP API, the stream), seeding through the API, the aggregate function, the
 * report function; then nothing left running.
 */
class LocalDemoTest {

    private static final Pattern ENDPOINT = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path temp;

    @Test
    void demo_shouldWriteTheNationalReportAndATrustReportPerCase_andLeaveNothingRunning() throws Exception {
        Path out = temp.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        LocalDemo.Options options = new LocalDemo.Options(SurveyDefinitions.forRound("2026").orElseThrow(), 2026,
                OptionalInt.of(20), out, Duration.ofSeconds(180),
                Optional.of(Instant.parse("2026-11-24T09:00:00Z")), temp.resolve("demo.log"));

        LocalDemo.run(TemplateTable.locateTemplate().getParent(), options, utf8(stdout), utf8(progress));

        String progressText = progress.toString(StandardCharsets.UTF_8);
        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).as(progressText).hasSize(3 + DemoCase.values().length);
        for (String line : lines) {
            Path file = Path.of(line.substring(0, line.indexOf("  ")));
            assertThat(file).isRegularFile().hasParent(out);
            assertThat(line).endsWith("  " + Files.size(file) + " bytes");
        }

        String national = pdfText(out.resolve("national.pdf"));
        assertThat(national).contains("The state of social media in the NHS");
        assertThat(Files.readString(out.resolve("national.html"))).contains("<html", "The state of social media in the NHS");
        List<String> csv = Files.readAllLines(out.resolve("national.csv"));
        assertThat(csv).hasSizeGreaterThan(1);
        assertThat(csv.getFirst()).contains(",");

        for (DemoCase demoCase : DemoCase.values()) {
            try (var files = Files.list(out)) {
                List<Path> reports = files.filter(f -> f.getFileName().toString()
                        .matches("trust-[A-Z0-9]+-" + demoCase.slug() + "\\.pdf")).toList();
                assertThat(reports).as(demoCase.slug()).hasSize(1);
                String ods = reports.getFirst().getFileName().toString().split("-")[1];
                assertThat(pdfText(reports.getFirst())).as(demoCase.slug()).contains(ods);
            }
        }

        // Everything stopped: no function JVM left, and both ports free again.
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
        Matcher endpoints = ENDPOINT.matcher(progressText.lines().filter(l -> l.startsWith("running:")).findFirst()
                .orElseThrow());
        int ports = 0;
        while (endpoints.find()) {
            int port = Integer.parseInt(endpoints.group(1));
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
            ports++;
        }
        assertThat(ports).as("the HTTP API's and the DynamoDB engine's ports").isEqualTo(2);
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isPositive();
            return new PDFTextStripper().getText(document);
        }
    }

    private static PrintStream utf8(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
