package nhssm.report.api;

import static nhssm.report.api.ReportFixture.body;
import static nhssm.report.api.ReportFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.http.Json;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import nhssm.report.csv.NationalCsv;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /reports/{round}/{file}: the national report, public, on trust records stored in the DynamoDB engine. */
class NationalReportApiTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private ReportFixture fx;

    @BeforeEach
    void roundWithThreeTrusts() {
        fx = new ReportFixture(DYNAMO.dynamo());
        fx.store(TrustRecords.official("RJ1", "YES", 3));
        fx.store(TrustRecords.official("RJZ", "NO", 5));
        fx.store(TrustRecords.official("RRK", "NO", 2));
    }

    @Test
    void pdf_shouldBeABase64PdfDownload_publiclyCacheable() throws Exception {
        APIGatewayV2HTTPResponse response = fx.send(ReportEvent.national("2026", "national.pdf"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getIsBase64Encoded()).isTrue();
        assertThat(response.getHeaders())
                .containsEntry("content-type", "application/pdf")
                .containsEntry("content-disposition", "attachment; filename=\"nhssm-2026-national.pdf\"")
                .containsEntry("cache-control", "public, max-age=300")
                .containsEntry("x-content-type-options", "nosniff")
                .containsKey("etag");
        byte[] pdf = body(response);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
            assertThat(document.getDocumentInformation().getTitle()).contains("2026");
        }
    }

    @Test
    void html_shouldBeAnInlinePage_withAPolicyThatAllowsNoScriptOrFetch() {
        APIGatewayV2HTTPResponse response = fx.send(ReportEvent.national("2026", "national.html"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders())
                .containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("content-disposition", "inline; filename=\"nhssm-2026-national.html\"")
                .containsEntry("cache-control", "public, max-age=300");
        assertThat(response.getHeaders().get("content-security-policy")).contains("default-src 'none'");
        assertThat(new String(body(response), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>").contains("2026");
    }

    @Test
    void csv_shouldBeADownloadWithAHeaderRow() {
        APIGatewayV2HTTPResponse response = fx.send(ReportEvent.national("2026", "national.csv"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders())
                .containsEntry("content-type", "text/csv; charset=utf-8; header=present")
                .containsEntry("content-disposition", "attachment; filename=\"nhssm-2026-national.csv\"");
        String csv = new String(body(response), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).contains(NationalCsv.COLUMNS.get(0), NationalCsv.COLUMNS.get(1));
    }

    @Test
    void sameData_shouldGiveTheSameBytesAndETag_andADifferentETagPerFormat() {
        APIGatewayV2HTTPResponse first = fx.send(ReportEvent.national("2026", "national.pdf"));
        APIGatewayV2HTTPResponse second = fx.send(ReportEvent.national("2026", "national.pdf"));
        APIGatewayV2HTTPResponse html = fx.send(ReportEvent.national("2026", "national.html"));

        assertThat(body(second)).isEqualTo(body(first));
        assertThat(second.getHeaders().get("etag")).isEqualTo(first.getHeaders().get("etag")).matches("\"[0-9a-f]{32}\"");
        assertThat(html.getHeaders().get("etag")).isNotEqualTo(first.getHeaders().get("etag"));
    }

    @Test
    void eTag_shouldChange_whenATrustsRecordChanges() {
        String before = fx.send(ReportEvent.national("2026", "national.csv")).getHeaders().get("etag");

        fx.records.putRecord(TrustRecords.official("RJZ", "YES", 6), 1);

        assertThat(fx.send(ReportEvent.national("2026", "national.csv")).getHeaders().get("etag")).isNotEqualTo(before);
    }

    @Test
    void ifNoneMatch_shouldGive304WithoutBody_forTheCurrentETag_inAListOrWeak() {
        String etag = fx.send(ReportEvent.national("2026", "national.html")).getHeaders().get("etag");

        for (String ifNoneMatch : new String[] {etag, "\"other\", " + etag, "W/" + etag, "*"}) {
            APIGatewayV2HTTPResponse response = fx.send(ReportEvent.national("2026", "national.html")
                    .header("If-None-Match", ifNoneMatch));

            assertThat(response.getStatusCode()).as(ifNoneMatch).isEqualTo(304);
            assertThat(response.getBody()).as(ifNoneMatch).isNull();
            assertThat(response.getHeaders()).containsEntry("etag", etag)
                    .containsEntry("cache-control", "public, max-age=300");
        }
        APIGatewayV2HTTPResponse stale = fx.send(ReportEvent.national("2026", "national.html")
                .header("If-None-Match", "\"0123456789abcdef0123456789abcdef\""));
        assertThat(stale.getStatusCode()).isEqualTo(200);
    }

    @Test
    void aToken_shouldNotMatter_forThePublicNationalReport() {
        APIGatewayV2HTTPResponse response = fx.send(ReportEvent.national("2026", "national.csv").bearer("nonsense"));

        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @Test
    void unknownRound_shouldBe404_namingTheRoundAndTheRoundsThereAre() {
        APIGatewayV2HTTPResponse response = fx.send(ReportEvent.national("2019", "national.pdf"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(json(response).get("detail").asText()).contains("'2019'", "2026");
        assertThat(json(response).get("rounds")).isEqualTo(Json.MAPPER.valueToTree(SurveyDefinitions.rounds()));
    }

    @Test
    void unknownFileOrFormat_shouldBe404_listingWhatIsAccepted() {
        for (String file : new String[] {"national.docx", "national", "national.PDF", "summary.pdf", ".pdf", "national.pdf.exe"}) {
            APIGatewayV2HTTPResponse response = fx.send(ReportEvent.national("2026", file));

            assertThat(response.getStatusCode()).as(file).isEqualTo(404);
            assertThat(json(response).get("type").asText()).isEqualTo("/problems/not-found");
            assertThat(json(response).get("accepted"))
                    .isEqualTo(Json.MAPPER.valueToTree(List.of("national.pdf", "national.html", "national.csv")));
        }
    }

    @Test
    void aReportOverTheResponseLimit_shouldBeAClearProblem_notABrokenDownload() {
        long encoded = fx.send(ReportEvent.national("2026", "national.html")).getBody().length();
        ReportFixture justEnough = new ReportFixture(DYNAMO.dynamo(), encoded + ReportApi.ENVELOPE_ALLOWANCE);
        ReportFixture oneByteShort = new ReportFixture(DYNAMO.dynamo(), encoded + ReportApi.ENVELOPE_ALLOWANCE - 1);
        for (ReportFixture f : new ReportFixture[] {justEnough, oneByteShort}) {
            f.store(TrustRecords.official("RJ1", "YES", 3));
            f.store(TrustRecords.official("RJZ", "NO", 5));
            f.store(TrustRecords.official("RRK", "NO", 2));
        }

        assertThat(justEnough.send(ReportEvent.national("2026", "national.html")).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse response = oneByteShort.send(ReportEvent.national("2026", "national.html"));

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json")
                .containsEntry("cache-control", "no-store");
        assertThat(response.getIsBase64Encoded()).isFalse();
        var problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/report-too-large");
        assertThat(problem.get("detail").asText()).contains("nhssm-2026-national.html", "national.pdf");
        assertThat(problem.get("size").asLong()).isEqualTo(encoded);
        assertThat(problem.get("limit").asLong()).isEqualTo(encoded - 1);
    }

    @Test
    void aRouteTheFunctionDoesNotHave_shouldBeAnsweredAsApiGatewayWould() {
        var event = ReportEvent.national("2026", "national.pdf").build();
        event.setRouteKey("GET /reports");

        APIGatewayV2HTTPResponse response = fx.handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).isEqualTo("{\"message\":\"Not Found\"}");
    }
}
