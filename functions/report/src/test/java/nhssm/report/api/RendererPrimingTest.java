package nhssm.report.api;

import static nhssm.report.api.ReportFixture.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import nhssm.report.html.HtmlReportWriter;
import nhssm.report.pdf.TaggedPdfWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The renderers' priming, which the Lambda handler starts at init: requests served while it runs, and after
 * it, get exactly the bytes of a render with no priming running, and it ends by itself (a snapshot waits for it).
 */
class RendererPrimingTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    @Test
    void nationalPdf_whilePrimingRunsAndAfter_shouldBeTheBytesOfARenderWithNoPrimingRunning() throws Exception {
        ReportFixture fx = new ReportFixture(DYNAMO.dynamo());
        fx.store(TrustRecords.official("RJ1", "YES", 3));
        fx.store(TrustRecords.official("RJZ", "NO", 5));
        byte[] unprimed = nationalPdf(fx);
        try (PDDocument document = Loader.loadPDF(unprimed)) {
            assertThat(document.getNumberOfPages()).isPositive();
        }

        RendererPriming priming = RendererPriming.start();
        // Two requests at once, as soon as the priming has started: on two threads beside the priming thread.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<byte[]>> during = new ArrayList<>();
        try {
            Callable<byte[]> request = () -> nationalPdf(fx);
            during.add(pool.submit(request));
            during.add(pool.submit(request));
            for (Future<byte[]> f : during) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(priming.await(DEADLINE)).as("priming ended").isTrue();
        byte[] after = nationalPdf(fx);
        for (Future<byte[]> f : during) {
            assertThat(f.get()).isEqualTo(unprimed);
        }
        assertThat(after).isEqualTo(unprimed);
    }

    @Test
    void beforeCheckpoint_shouldReturnOnlyOncePrimingHasEnded() throws Exception {
        RendererPriming priming = RendererPriming.start();

        priming.beforeCheckpoint(null);

        assertThat(priming.await(Duration.ZERO)).isTrue();
    }

    @Test
    void prime_shouldRenderAndLoadEverything_withoutFailing() {
        assertThatCode(RendererPriming::prime).doesNotThrowAnyException();
    }

    @Test
    void sample_shouldRenderInBothFormats() throws Exception {
        byte[] pdf = new TaggedPdfWriter().write(RendererPriming.sample());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
        }
        assertThat(new String(new HtmlReportWriter().write(RendererPriming.sample()), StandardCharsets.UTF_8))
                .contains("<svg");
    }

    private static byte[] nationalPdf(ReportFixture fx) {
        APIGatewayV2HTTPResponse response = fx.send(ReportEvent.national("2026", "national.pdf"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return body(response);
    }
}
