package nhssm.report.api;

import static nhssm.report.api.ReportFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nhssm.core.token.Scope;
import nhssm.http.SecurityHeaders;
import nhssm.http.testing.HttpApiEvent;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two copies of a published trust's report, read back as a reader sees them (PDFBox text of the PDF, the
 * HTML's text): RJ1 consented to publication, and its official return and individual responses hold every kind of
 * text the definition knows: a contact address (the census team's only), comments (the trust's only), and examples
 * with and without their writer's consent to be quoted.
 */
class TrustReportAudienceTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private static final String CONTACT = "verify.rj1@nhs.net";
    private static final String OFFICIAL_COMMENT = "Official comment about the survey design";
    private static final String STAFF_COMMENT = "Staff comment about my manager";
    private static final String UNCONSENTED_EXAMPLE = "Unconsented example from a ward";
    private static final String UNCONSENTED_OFFICIAL_EXAMPLE = "Unconsented official example text";
    private static final String CONSENTED_EXAMPLE = "Consented example about flu clinics";
    private static final String CONSENTED_OFFICIAL_EXAMPLE = "Consented official example of alerts";

    /** What only the trust's own copy may show. */
    private static final List<String> TRUST_ONLY = List.of(OFFICIAL_COMMENT, STAFF_COMMENT, UNCONSENTED_EXAMPLE);
    /** What the public copy shows too. */
    private static final List<String> PUBLISHED = List.of(CONSENTED_EXAMPLE, CONSENTED_OFFICIAL_EXAMPLE);

    private ReportFixture fx;

    @BeforeEach
    void round() {
        fx = new ReportFixture(DYNAMO.dynamo());
        fx.store(TrustRecords.reconciled("RJ1",
                Map.of("Q02", List.of("COMMS_DIRECTOR_HEAD"), "Q04", List.of(CONTACT), "Q05", List.of("YES"),
                        "Q06", List.of("X_TWITTER"), "Q42", List.of(CONSENTED_OFFICIAL_EXAMPLE),
                        "Q42_CONSENT", List.of("YES"), "Q43", List.of(OFFICIAL_COMMENT)),
                List.of(Map.of("Q02", List.of("CLINICIAN"), "Q42", List.of(UNCONSENTED_EXAMPLE),
                                "Q42_CONSENT", List.of("NO"), "Q43", List.of(STAFF_COMMENT)),
                        Map.of("Q02", List.of("HR_OD"), "Q42", List.of(CONSENTED_EXAMPLE), "Q42_CONSENT", List.of("YES")))));
        fx.store(TrustRecords.reconciled("RJZ",
                Map.of("Q05", List.of("NO"), "Q42", List.of(UNCONSENTED_OFFICIAL_EXAMPLE)), List.of()));
    }

    @Test
    void publishedCopy_shouldLeaveOutEveryTextNotForThePublic_inPdfAndHtml_andSaySoItIsPublished() throws IOException {
        for (HttpApiEvent anyone : List.of(ReportEvent.trust("2026", "RJ1.pdf"), ReportEvent.trust("2026", "RJ1.html"),
                ReportEvent.trust("2026", "RJ1.pdf").bearer(fx.token("RJ1", Scope.STAFF)),
                ReportEvent.trust("2026", "RJ1.html").bearer(fx.token("RJZ", Scope.LEAD)))) {
            String text = text(fx.send(anyone));

            assertThat(text).contains("published version").contains(PUBLISHED);
            assertThat(text).doesNotContain(TRUST_ONLY).doesNotContain(CONTACT);
        }
    }

    @Test
    void trustsOwnCopy_shouldHoldEveryTextTheTrustMayRead_forItsLeadAndTheCensusTeam() throws IOException {
        String lead = fx.token("RJ1", Scope.LEAD);
        for (HttpApiEvent reader : List.of(ReportEvent.trust("2026", "RJ1.pdf").bearer(lead),
                ReportEvent.trust("2026", "RJ1.html").cookie("__Host-nhssm-token-2026=" + lead),
                ReportEvent.trust("2026", "RJ1.pdf").bearer(ReportFixture.ADMIN_TOKEN))) {
            String text = text(fx.send(reader));

            assertThat(text).contains(TRUST_ONLY).contains(PUBLISHED).doesNotContain("published version");
            assertThat(text).as("a contact address is for the census team, in no report").doesNotContain(CONTACT);
        }
    }

    @Test
    void theTwoCopies_shouldHaveTheirOwnETags_andVaryByCredentials_soNoCacheGivesOneForTheOther() {
        String lead = fx.token("RJ1", Scope.LEAD);

        APIGatewayV2HTTPResponse published = fx.send(ReportEvent.trust("2026", "RJ1.pdf"));
        APIGatewayV2HTTPResponse own = fx.send(ReportEvent.trust("2026", "RJ1.pdf").bearer(lead));
        APIGatewayV2HTTPResponse leadRevalidatingThePublished = fx.send(ReportEvent.trust("2026", "RJ1.pdf").bearer(lead)
                .header("if-none-match", published.getHeaders().get("etag")));

        assertThat(published.getHeaders()).containsEntry("cache-control", "public, max-age=300")
                .containsEntry("vary", "Authorization, Cookie");
        assertThat(own.getHeaders()).containsEntry("cache-control", "private, no-cache")
                .containsEntry("vary", "Authorization, Cookie");
        assertThat(own.getHeaders().get("etag")).isNotEqualTo(published.getHeaders().get("etag"));
        for (APIGatewayV2HTTPResponse response : List.of(published, own, fx.send(ReportEvent.trust("2026", "RTH.pdf")))) {
            assertThat(response.getHeaders()).containsEntry("x-content-type-options", "nosniff")
                    .containsEntry("strict-transport-security", SecurityHeaders.STRICT_TRANSPORT);
        }
        assertThat(leadRevalidatingThePublished.getStatusCode()).as("the published copy is not the lead's").isEqualTo(200);
    }

    @Test
    void nationalReport_shouldQuoteOnlyConsentedExamples() throws IOException {
        for (String file : List.of("national.pdf", "national.html")) {
            String text = text(fx.send(ReportEvent.national("2026", file)));

            assertThat(text).contains(PUBLISHED);
            assertThat(text).doesNotContain(TRUST_ONLY).doesNotContain(CONTACT).doesNotContain(UNCONSENTED_OFFICIAL_EXAMPLE);
        }
    }

    /** What a reader reads: the PDF's text as PDFBox extracts it, or the HTML page's, with whitespace runs joined. */
    private static String text(APIGatewayV2HTTPResponse response) throws IOException {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        byte[] bytes = body(response);
        String text;
        if (response.getHeaders().get("content-type").equals("application/pdf")) {
            try (PDDocument document = Loader.loadPDF(bytes)) {
                text = new PDFTextStripper().getText(document);
            }
        } else {
            text = new String(bytes, StandardCharsets.UTF_8).replaceAll("<[^>]*>", " ");
        }
        return text.replaceAll("\\s+", " ");
    }
}
