package nhssm.report.api;

import static nhssm.report.api.ReportFixture.body;
import static nhssm.report.api.ReportFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nhssm.core.token.Revocation;
import nhssm.core.token.Scope;
import nhssm.core.token.TokenHash;
import nhssm.http.Json;
import nhssm.http.testing.HttpApiEvent;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /reports/{round}/trusts/{file}: who may read which trust's report, on trust records and tokens
 * stored in the DynamoDB engine. RJ1 consented to publication, RJZ did not, RRK only saved a draft, RTH never
 * started, and ZZZ is no trust at all.
 */
class TrustReportApiTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private ReportFixture fx;

    @BeforeEach
    void round() {
        fx = new ReportFixture(DYNAMO.dynamo());
        fx.store(TrustRecords.official("RJ1", "YES", 3));
        fx.store(TrustRecords.official("RJZ", "NO", 4));
        fx.store(TrustRecords.draftOnly("RRK"));
        fx.store(TrustRecords.official("RX1", "NO", 2));
    }

    @Test
    void lead_shouldGetTheirTrustsPrivateReport_asAPdfOnlyTheirBrowserKeeps() throws Exception {
        String lead = fx.token("RJZ", Scope.LEAD);

        APIGatewayV2HTTPResponse response = fx.send(ReportEvent.trust("2026", "RJZ.pdf").bearer(lead));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getIsBase64Encoded()).isTrue();
        assertThat(response.getHeaders())
                .containsEntry("content-type", "application/pdf")
                .containsEntry("content-disposition", "attachment; filename=\"nhssm-2026-RJZ.pdf\"")
                .containsEntry("cache-control", "private, no-cache")
                .containsEntry("vary", "Authorization, Cookie")
                .containsKey("etag");
        byte[] pdf = body(response);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
        }
    }

    @Test
    void leadsBrowser_shouldGetTheReportWithTheSurveyCookie_andAStaleCookieShouldNotHidePublicReports() {
        String lead = fx.token("RJZ", Scope.LEAD);
        String expired = fx.token("RJZ", Scope.LEAD, "2026", ReportFixture.AFTER_ROUND.minusSeconds(1));

        APIGatewayV2HTTPResponse withCookie = fx.send(ReportEvent.trust("2026", "RJZ.pdf").cookie("__Host-nhssm-token-2026=" + lead));
        APIGatewayV2HTTPResponse otherRoundsCookie = fx.send(ReportEvent.trust("2026", "RJZ.pdf")
                .cookie("__Host-nhssm-token-2025=" + lead));
        APIGatewayV2HTTPResponse staleOnPublic = fx.send(ReportEvent.trust("2026", "RJ1.html")
                .cookie("__Host-nhssm-token-2026=" + expired));

        assertThat(withCookie.getStatusCode()).isEqualTo(200);
        assertThat(withCookie.getHeaders()).containsEntry("content-type", "application/pdf");
        assertThat(otherRoundsCookie.getStatusCode()).isEqualTo(404);
        assertThat(staleOnPublic.getStatusCode()).isEqualTo(200);
    }

    @Test
    void aWithdrawnOrExpiredToken_shouldBeRefusedWithTheReason_byHeaderOrCookie_butNotHideAPublicReport() {
        String lead = fx.token("RJZ", Scope.LEAD);
        String expired = fx.token("RJZ", Scope.LEAD, "2026", ReportFixture.AFTER_ROUND.minusSeconds(1));
        fx.tokens.revokeToken("2026", "RJZ", TokenHash.of(lead).publicId(), new Revocation(
                ReportFixture.AFTER_ROUND.minusSeconds(60), "admin", Revocation.Reason.WITHDRAWN, "leaked"));

        APIGatewayV2HTTPResponse byHeader = fx.send(ReportEvent.trust("2026", "RJZ.pdf").bearer(lead));
        APIGatewayV2HTTPResponse byCookie = fx.send(ReportEvent.trust("2026", "RJZ.pdf")
                .cookie("__Host-nhssm-token-2026=" + lead));
        APIGatewayV2HTTPResponse expiredCookie = fx.send(ReportEvent.trust("2026", "RJZ.pdf")
                .cookie("__Host-nhssm-token-2026=" + expired));
        APIGatewayV2HTTPResponse publicReport = fx.send(ReportEvent.trust("2026", "RJ1.html")
                .cookie("__Host-nhssm-token-2026=" + lead));

        for (APIGatewayV2HTTPResponse refused : List.of(byHeader, byCookie)) {
            assertThat(refused.getStatusCode()).isEqualTo(401);
            assertThat(refused.getBody()).contains("\"reason\":\"withdrawn\"", "This link was withdrawn on",
                    "by the census team").doesNotContain("%PDF");
        }
        assertThat(expiredCookie.getStatusCode()).isEqualTo(401);
        assertThat(expiredCookie.getBody()).contains("\"reason\":\"expired\"");
        assertThat(publicReport.getStatusCode()).isEqualTo(200);
    }

    @Test
    void lead_shouldGetTheHtmlReportInline() {
        String lead = fx.token("RJZ", Scope.LEAD);

        APIGatewayV2HTTPResponse response = fx.send(ReportEvent.trust("2026", "RJZ.html").bearer(lead));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders())
                .containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("content-disposition", "inline; filename=\"nhssm-2026-RJZ.html\"")
                .containsEntry("cache-control", "private, no-cache");
        assertThat(new String(body(response), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void admin_shouldGetAnyParticipatingTrustsReport() {
        APIGatewayV2HTTPResponse response = fx.send(ReportEvent.trust("2026", "RJZ.html").bearer(ReportFixture.ADMIN_TOKEN));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("cache-control", "private, no-cache");
    }

    @Test
    void consentedTrust_shouldBePublic_toAnyoneWithOrWithoutAToken() {
        String otherLead = fx.token("RJZ", Scope.LEAD);

        for (HttpApiEvent request : List.of(ReportEvent.trust("2026", "RJ1.pdf"),
                ReportEvent.trust("2026", "RJ1.html").bearer(otherLead),
                ReportEvent.trust("2026", "RJ1.html").bearer("not-a-token"))) {
            APIGatewayV2HTTPResponse response = fx.send(request);

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(response.getHeaders()).containsEntry("cache-control", "public, max-age=300")
                    .containsEntry("vary", "Authorization, Cookie");
        }
    }

    @Test
    void withoutAToken_aPrivateAnUnknownAndANonParticipatingTrust_shouldBeIndistinguishable() {
        // Each refusal names the trust asked for, so compare the bodies with that one code masked.
        Map<String, APIGatewayV2HTTPResponse> responses = Map.of(
                "RJZ", fx.send(ReportEvent.trust("2026", "RJZ.pdf")),
                "RRK", fx.send(ReportEvent.trust("2026", "RRK.pdf")),
                "RTH", fx.send(ReportEvent.trust("2026", "RTH.pdf")),
                "ZZZ", fx.send(ReportEvent.trust("2026", "ZZZ.pdf")));

        responses.forEach((ods, response) -> {
            assertThat(response.getStatusCode()).as(ods).isEqualTo(404);
            assertThat(response.getHeaders()).as(ods)
                    .containsEntry("content-type", "application/problem+json")
                    .containsEntry("cache-control", "no-store")
                    .containsEntry("vary", "Authorization, Cookie");
            assertThat(response.getBody()).as(ods).contains(ods);
        });
        assertThat(responses.entrySet()).extracting(e -> e.getValue().getBody().replace(e.getKey(), "XXX"))
                .containsOnly(responses.get("RJZ").getBody().replace("RJZ", "XXX"));
        assertThat(responses.values()).extracting(r -> r.getHeaders().keySet()).containsOnly(responses.get("RJZ").getHeaders().keySet());
    }

    @Test
    void anotherTrustsLead_shouldBeRefused403_theSameWhateverTheTrustsState() {
        String otherLead = fx.token("RX1", Scope.LEAD);

        Map<String, APIGatewayV2HTTPResponse> responses = Map.of(
                "RJZ", fx.send(ReportEvent.trust("2026", "RJZ.pdf").bearer(otherLead)),
                "RTH", fx.send(ReportEvent.trust("2026", "RTH.pdf").bearer(otherLead)),
                "ZZZ", fx.send(ReportEvent.trust("2026", "ZZZ.pdf").bearer(otherLead)));

        responses.forEach((ods, response) -> {
            assertThat(response.getStatusCode()).as(ods).isEqualTo(403);
            assertThat(json(response).get("type").asText()).isEqualTo("/problems/forbidden");
        });
        assertThat(responses.entrySet()).extracting(e -> e.getValue().getBody().replace(e.getKey(), "XXX"))
                .containsOnly(responses.get("RJZ").getBody().replace("RJZ", "XXX"));
    }

    @Test
    void staffOfTheTrust_shouldBeRefused403_theReportIsForItsLead() {
        String staff = fx.token("RJZ", Scope.STAFF);

        APIGatewayV2HTTPResponse response = fx.send(ReportEvent.trust("2026", "RJZ.pdf").bearer(staff));

        assertThat(response.getStatusCode()).isEqualTo(403);
    }

    @Test
    void anUnrecognisedToken_shouldBe401WithAChallenge_forAPrivateReport() {
        String expired = fx.token("RJZ", Scope.LEAD, "2026", ReportFixture.AFTER_ROUND.minusSeconds(1));
        String lastRound = fx.token("RJZ", Scope.LEAD, "2025", Instant.parse("2030-01-01T00:00:00Z"));

        for (HttpApiEvent request : List.of(ReportEvent.trust("2026", "RJZ.pdf").bearer(expired),
                ReportEvent.trust("2026", "RJZ.pdf").bearer(lastRound),
                ReportEvent.trust("2026", "RJZ.pdf").bearer("made-up"),
                ReportEvent.trust("2026", "RJZ.pdf").header("authorization", "Basic dXNlcjpwYXNz"))) {
            APIGatewayV2HTTPResponse response = fx.send(request);

            assertThat(response.getStatusCode()).isEqualTo(401);
            assertThat(response.getHeaders().get("www-authenticate")).startsWith("Bearer");
        }
    }

    @Test
    void lead_shouldBeTold_whenTheirTrustHasNoSubmittedResponse() {
        String lead = fx.token("RRK", Scope.LEAD);

        APIGatewayV2HTTPResponse response = fx.send(ReportEvent.trust("2026", "RRK.pdf").bearer(lead));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response).get("detail").asText()).contains("RRK", "no submitted response");
    }

    @Test
    void revalidation_shouldGive304ToTheLead_butNeverToSomeoneWhoMayNotRead() {
        String lead = fx.token("RJZ", Scope.LEAD);
        String etag = fx.send(ReportEvent.trust("2026", "RJZ.html").bearer(lead)).getHeaders().get("etag");

        APIGatewayV2HTTPResponse revalidated = fx.send(ReportEvent.trust("2026", "RJZ.html").bearer(lead)
                .header("if-none-match", etag));
        APIGatewayV2HTTPResponse anonymous = fx.send(ReportEvent.trust("2026", "RJZ.html").header("if-none-match", etag));
        APIGatewayV2HTTPResponse anyMatch = fx.send(ReportEvent.trust("2026", "RJZ.html").header("if-none-match", "*"));

        assertThat(revalidated.getStatusCode()).isEqualTo(304);
        assertThat(revalidated.getBody()).isNull();
        assertThat(revalidated.getHeaders()).containsEntry("etag", etag).containsEntry("cache-control", "private, no-cache");
        assertThat(anonymous.getStatusCode()).isEqualTo(404);
        assertThat(anonymous.getHeaders()).doesNotContainKey("etag");
        assertThat(anyMatch.getStatusCode()).isEqualTo(404);
    }

    @Test
    void eTag_shouldDifferBetweenTrustsAndFormats_andBeStable() {
        String lead = fx.token("RJZ", Scope.LEAD);

        String pdf = fx.send(ReportEvent.trust("2026", "RJZ.pdf").bearer(lead)).getHeaders().get("etag");
        String html = fx.send(ReportEvent.trust("2026", "RJZ.html").bearer(lead)).getHeaders().get("etag");
        String again = fx.send(ReportEvent.trust("2026", "RJZ.html").bearer(ReportFixture.ADMIN_TOKEN)).getHeaders().get("etag");
        String other = fx.send(ReportEvent.trust("2026", "RX1.html").bearer(ReportFixture.ADMIN_TOKEN)).getHeaders().get("etag");

        assertThat(again).as("the same for every reader").isEqualTo(html);
        assertThat(List.of(pdf, html, other)).doesNotHaveDuplicates();
    }

    @Test
    void malformedOdsCode_shouldBe404_namingTheFieldAndTheAcceptedForm() {
        for (String file : new String[] {"rj1.pdf", "RJ.pdf", "RJ1X.pdf", "R-1.pdf", "RJ1 .pdf", "ΩJ1.pdf"}) {
            APIGatewayV2HTTPResponse response = fx.send(ReportEvent.trust("2026", file).bearer(ReportFixture.ADMIN_TOKEN));

            assertThat(response.getStatusCode()).as(file).isEqualTo(404);
            assertThat(json(response).get("field").asText()).isEqualTo("ods");
            assertThat(json(response).get("accepted").asText()).contains("3 or 5", "RJ1");
        }
    }

    @Test
    void aFormatNotOfferedForTrusts_shouldBe404_listingTheTrustsFormats() {
        for (String file : new String[] {"RJ1.csv", "RJ1", "RJ1.pdfx"}) {
            APIGatewayV2HTTPResponse response = fx.send(ReportEvent.trust("2026", file));

            assertThat(response.getStatusCode()).as(file).isEqualTo(404);
            assertThat(json(response).get("accepted"))
                    .isEqualTo(Json.MAPPER.valueToTree(List.of("trusts/RJ1.pdf", "trusts/RJ1.html")));
        }
    }

    @Test
    void unknownRound_shouldBe404_beforeAnyTokenIsLookedAt() {
        APIGatewayV2HTTPResponse response = fx.send(ReportEvent.trust("1999", "RJ1.pdf").bearer("made-up"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response).get("detail").asText()).contains("'1999'");
    }
}
