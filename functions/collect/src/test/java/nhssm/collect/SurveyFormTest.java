package nhssm.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nhssm.core.store.dynamodb.DynamoDbConnection;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.token.Scope;
import nhssm.core.trust.TrustRegister;
import nhssm.http.testing.HttpApiEvent;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The survey form as the collect function serves it, on the DynamoDB engine: the link that becomes a cookie,
 * the form drawn from the definition, errors that keep every value, drafts, edits that meet a change made
 * meanwhile, retries stored once, and the receipt. The same journeys in a real browser are in the
 * browser tests.
 */
class SurveyFormTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private static final String COMPLETE_LEAD = "Q02=COMMS_DIRECTOR_HEAD&Q06=FACEBOOK&Q06=LINKEDIN&Q13=STANDALONE"
            + "&Q14=CURRENT_REVIEWED_2Y&Q17=ALL_STAFF&Q22=12&Q37=3&Q38=3&Q39=2&Q40=4&Q44=YES&Q05=NO";
    private static final String COMPLETE_STAFF = "Q02=CLINICIAN&Q06=X_TWITTER&Q13=DONT_KNOW&Q14=DONT_KNOW"
            + "&Q17=BLOCKED&Q37=2&Q38=2&Q39=1&Q40=2";

    private CollectFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CollectFixture(DYNAMO.dynamo());
    }

    @Test
    void link_shouldShowAPageNamingTheTrustAndRound_andSetNoTokenCookie_unlessTheBrowserCameFromThisSite() {
        String token = fixture.token("RJ1", Scope.LEAD);

        for (Optional<String> site : List.of(Optional.of("cross-site"), Optional.of("none"), Optional.of("same-site"),
                Optional.<String>empty())) {
            HttpApiEvent link = survey("GET").query("token=" + token);
            site.ifPresent(value -> link.header("sec-fetch-site", value));

            APIGatewayV2HTTPResponse response = fixture.send(link);

            assertThat(response.getStatusCode()).as(site.toString()).isEqualTo(200);
            assertThat(response.getBody()).contains("Guy&#39;s and St Thomas&#39; NHS Foundation Trust (RJ1)",
                    "Open the 2026 survey", "action=\"/survey/2026/continue\"", ">Continue</button>");
            assertThat(response.getCookies()).singleElement().asString().startsWith("__Host-nhssm-arrival-2026=")
                    .contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Strict");
        }
        APIGatewayV2HTTPResponse fromThisSite = fixture.send(survey("GET").query("token=" + token)
                .header("sec-fetch-site", "same-origin"));
        assertThat(fromThisSite.getStatusCode()).isEqualTo(303);
        assertThat(fromThisSite.getCookies()).singleElement().asString().startsWith("__Host-nhssm-token-2026=" + token + ";");
    }

    @Test
    void continue_shouldSetASecureHostOnlyStrictHttpOnlyCookie_andRedirectWithoutTheToken() {
        String token = fixture.token("RJ1", Scope.LEAD);
        APIGatewayV2HTTPResponse page = fixture.send(survey("GET").query("token=" + token).header("sec-fetch-site", "cross-site"));

        APIGatewayV2HTTPResponse response = fixture.send(proceed(page).header("sec-fetch-site", "same-origin"));

        assertThat(response.getStatusCode()).isEqualTo(303);
        assertThat(response.getHeaders()).containsEntry("location", "/survey/2026")
                .containsEntry("cache-control", "no-store").containsEntry("referrer-policy", "no-referrer");
        assertThat(response.getCookies()).anySatisfy(c -> assertThat(c)
                // 30 days, renewed by the link; not the year a lead's token lasts after the round.
                .isEqualTo("__Host-nhssm-token-2026=" + token + "; Path=/; Max-Age=2592000; Secure; HttpOnly; SameSite=Strict"));
        assertThat(response.getCookies()).anySatisfy(c -> assertThat(c).startsWith("__Host-nhssm-arrival-2026=;")
                .contains("Max-Age=0"));
    }

    @Test
    void continue_shouldSetNothing_whenThePostIsForgedFromAnotherSite() {
        String attacker = fixture.token("RX9", Scope.LEAD);
        APIGatewayV2HTTPResponse attackersPage = fixture.send(survey("GET").query("token=" + attacker));
        HttpApiEvent forged = proceed(attackersPage);

        APIGatewayV2HTTPResponse crossSite = fixture.send(proceed(attackersPage).header("sec-fetch-site", "cross-site"));
        APIGatewayV2HTTPResponse sibling = fixture.send(proceed(attackersPage).header("sec-fetch-site", "same-site"));
        // A forged post cannot send the Strict arrival cookie, and a page's field fits only its own cookie.
        APIGatewayV2HTTPResponse withoutCookie = fixture.send(HttpApiEvent.request("POST", "/survey/{round}/continue",
                "/survey/2026/continue").form(formOf(attackersPage.getBody())));
        APIGatewayV2HTTPResponse otherCookie = fixture.send(HttpApiEvent.request("POST", "/survey/{round}/continue",
                "/survey/2026/continue").cookie("__Host-nhssm-arrival-2026=somebody-elses").form(formOf(attackersPage.getBody())));

        assertThat(fixture.send(forged).getStatusCode()).as("the genuine page's own post").isEqualTo(303);
        for (APIGatewayV2HTTPResponse refused : List.of(crossSite, sibling, withoutCookie, otherCookie)) {
            assertThat(refused.getStatusCode()).isEqualTo(403);
            assertThat(refused.getCookies()).isNull();
        }
    }

    @Test
    void aReplacedOrWithdrawnLink_shouldSaySo_onTheLinkAndFromTheCookie_whichIsForgotten() {
        String first = json(fixture.send(invite())).get("token").asText();
        fixture.send(invite());
        String staff = fixture.token("RJ1", Scope.STAFF);
        String staffId = nhssm.core.token.TokenHash.of(staff).publicId();
        fixture.send(HttpApiEvent.request("POST", "/api/admin/rounds/{round}/trusts/{ods}/tokens/{id}/revocation",
                "/api/admin/rounds/2026/trusts/RJ1/tokens/" + staffId + "/revocation").bearer(CollectFixture.ADMIN_TOKEN));

        APIGatewayV2HTTPResponse replacedLink = fixture.send(survey("GET").query("token=" + first));
        APIGatewayV2HTTPResponse replacedCookie = fixture.send(survey("GET").cookie(cookie(first)));
        APIGatewayV2HTTPResponse withdrawn = fixture.send(survey("GET").cookie(cookie(staff)));

        assertThat(replacedLink.getStatusCode()).isEqualTo(401);
        assertThat(replacedLink.getBody()).contains("replaced by a newer invitation on 24 November 2026");
        assertThat(replacedCookie.getStatusCode()).isEqualTo(401);
        assertThat(replacedCookie.getCookies()).singleElement().asString().startsWith("__Host-nhssm-token-2026=;");
        assertThat(withdrawn.getBody()).contains("withdrawn on 24 November 2026 by the census team");
    }

    @Test
    void signOut_shouldForgetTheLinkAndTheBrowsersOwnResponse_onlyWhenPostedFromTheSurveysPage() {
        String staff = cookie(fixture.token("RJ1", Scope.STAFF));
        String csrf = csrf(staff);
        HttpApiEvent signOut = HttpApiEvent.request("POST", "/survey/{round}/sign-out", "/survey/2026/sign-out").cookie(staff);

        APIGatewayV2HTTPResponse forged = fixture.send(HttpApiEvent.request("POST", "/survey/{round}/sign-out",
                "/survey/2026/sign-out").cookie(staff).form("csrf=forged"));
        APIGatewayV2HTTPResponse signedOut = fixture.send(signOut.form("csrf=" + enc(csrf)));

        assertThat(forged.getStatusCode()).isEqualTo(403);
        assertThat(forged.getCookies()).isNull();
        assertThat(signedOut.getStatusCode()).isEqualTo(200);
        assertThat(signedOut.getBody()).contains("You have signed out");
        assertThat(signedOut.getCookies()).extracting(c -> c.substring(0, c.indexOf('=')))
                .containsExactlyInAnyOrder("__Host-nhssm-token-2026", "__Host-nhssm-writer-2026", "__Host-nhssm-response-2026");
        assertThat(signedOut.getCookies()).allSatisfy(c -> assertThat(c).contains("Max-Age=0"));
        assertThat(fixture.send(survey("GET").cookie(staff)).getBody()).contains("action=\"/survey/2026/sign-out\"");
    }

    @Test
    void link_shouldBeRefusedWithAPage_whenTheTokenIsUnknown() {
        APIGatewayV2HTTPResponse response = fixture.send(survey("GET").query("token=not-a-token"));

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getCookies()).isNull();
        assertThat(response.getBody()).contains("This link cannot be used", "not recognised");
    }

    @Test
    void form_shouldAskALeadEveryQuestion_andShowTheTrustNeverAskIt() {
        String html = fixture.send(survey("GET").cookie(cookie(fixture.token("RJ1", Scope.LEAD)))).getBody();

        assertThat(html).contains("Guy&#39;s and St Thomas&#39; NHS Foundation Trust", "official return")
                .contains("name=\"Q04\"", "name=\"Q05\"", "name=\"Q44\"", "name=\"Q22\"")
                .doesNotContain("name=\"Q01\"");
        for (String section : List.of("Your trust and your role", "Channels and presence")) {
            assertThat(html).contains("<h2 class=\"heading-l\" id=\"section-", ">" + section + "</h2>");
        }
        assertThat(html).contains("<legend class=\"fieldset-legend\">Which of these best describes your role")
                .contains("<label class=\"label\" for=\"Q22\">")
                .contains("aria-describedby=\"Q02-hint\"");
    }

    @Test
    void form_shouldLeaveOutOfficialOnlyQuestions_onAStaffLink() {
        String html = fixture.send(survey("GET").cookie(cookie(fixture.token("RJ1", Scope.STAFF)))).getBody();

        assertThat(html).contains("name=\"Q02\"", "name=\"Q06\"", "name=\"Q42\"")
                .doesNotContain("name=\"Q04\"", "name=\"Q05\"", "name=\"Q07\"", "name=\"Q22\"", "name=\"Q44\"");
    }

    @Test
    void everyPage_shouldAllowOnlyItsOwnNoncedStyleAndScript() {
        APIGatewayV2HTTPResponse response = fixture.send(survey("GET").cookie(cookie(fixture.token("RJ1", Scope.LEAD))));

        String policy = response.getHeaders().get("content-security-policy");
        Matcher nonce = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/=]+)'").matcher(policy);
        assertThat(nonce.find()).as(policy).isTrue();
        assertThat(policy).contains("default-src 'none'", "form-action 'self'", "frame-ancestors 'none'");
        String html = response.getBody();
        assertThat(count(html, "<script")).isEqualTo(count(html, "<script nonce=\"" + nonce.group(1) + "\">"))
                .isEqualTo(1);
        assertThat(html).doesNotContain(" onclick=", " onload=", " style=\"");
        // A fresh nonce for every response.
        String again = fixture.send(survey("GET").cookie(cookie(fixture.token("RJ1", Scope.LEAD))))
                .getHeaders().get("content-security-policy");
        assertThat(again).isNotEqualTo(policy);
    }

    @Test
    void withoutTheCookie_aVisitFromAnotherSiteOffersALinkFromThisSite_andAnyOtherVisitIsToldToUseTheLink() {
        APIGatewayV2HTTPResponse crossSite = fixture.send(survey("GET").header("sec-fetch-site", "cross-site"));
        APIGatewayV2HTTPResponse direct = fixture.send(survey("GET").header("sec-fetch-site", "same-origin"));

        assertThat(crossSite.getStatusCode()).isEqualTo(401);
        assertThat(crossSite.getBody()).contains("href=\"/survey/2026\"", "continue to the survey")
                .doesNotContain("http-equiv");
        assertThat(direct.getStatusCode()).isEqualTo(401);
        assertThat(direct.getBody()).contains("Open the survey from your link").doesNotContain("continue to the survey");
    }

    @Test
    void submit_withErrors_shouldListThemAndKeepEveryValue_andStoreNothing() {
        String lead = cookie(fixture.token("RJ1", Scope.LEAD));
        String page = fixture.send(survey("GET").cookie(lead)).getBody();
        String submission = hidden(page, "submission");
        String script = "<script>alert('x')</script> café 🙂";

        APIGatewayV2HTTPResponse response = fixture.send(survey("POST").cookie(lead).form(
                "csrf=" + enc(hidden(page, "csrf")) + "&submission=" + submission
                        + "&status=SUBMITTED&Q06=FACEBOOK&Q22=abc&Q42=" + enc(script)));

        assertThat(response.getStatusCode()).isEqualTo(422);
        String html = response.getBody();
        assertThat(html).contains("<title>Error: The state of social media in the NHS: census 2026</title>")
                .contains("There is a problem", "href=\"#Q02\"", "href=\"#Q22\"", "href=\"#Q44\"")
                .contains("id=\"Q22-error\"", "value=\"abc\"")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; café 🙂")
                .doesNotContain(script);
        assertThat(html).containsPattern("<input class=\"checkbox-input\" id=\"Q06-2\" name=\"Q06\" type=\"checkbox\" "
                + "value=\"FACEBOOK\" checked>");
        // The same submission id, so sending the corrected form still stores once.
        assertThat(hidden(html, "submission")).isEqualTo(submission);
        assertThat(fixture.items("RESP#")).isEmpty();
    }

    @Test
    void submit_withoutTheFormToken_shouldBeRefused_andKeepWhatWasTyped() {
        String lead = cookie(fixture.token("RJ1", Scope.LEAD));

        APIGatewayV2HTTPResponse forged = fixture.send(survey("POST").cookie(lead).form(COMPLETE_LEAD));
        APIGatewayV2HTTPResponse crossSite = fixture.send(survey("POST").cookie(lead)
                .header("sec-fetch-site", "cross-site")
                .form("csrf=" + enc(csrf(lead)) + "&" + COMPLETE_LEAD));

        assertThat(forged.getStatusCode()).isEqualTo(403);
        assertThat(forged.getBody()).contains("Nothing has been saved yet", "name=\"Q22\" type=\"text\" "
                + "inputmode=\"numeric\" spellcheck=\"false\" value=\"12\"");
        assertThat(crossSite.getStatusCode()).isEqualTo(403);
        assertThat(fixture.items("RESP#")).isEmpty();
    }

    @Test
    void submit_shouldRedirectToAReceipt_withTheReferenceTheAnswersAndTheReportForALead() {
        String lead = cookie(fixture.token("RJ1", Scope.LEAD));

        APIGatewayV2HTTPResponse posted = fixture.send(survey("POST").cookie(lead)
                .form("csrf=" + enc(csrf(lead)) + "&" + COMPLETE_LEAD + "&status=SUBMITTED"));

        assertThat(posted.getStatusCode()).isEqualTo(303);
        assertThat(posted.getHeaders()).containsEntry("location", "/survey/2026/receipt");
        String id = fixture.items("RESP#").getFirst().get("sk").s().substring("RESP#".length());
        String receipt = fixture.send(receipt().cookie(lead)).getBody();
        assertThat(receipt).contains("Official return submitted",
                "2026-RJ1-" + id.substring(0, 8).toUpperCase(java.util.Locale.ROOT),
                "Submitted on 24 November 2026 at 10:00am (UK time).",
                "href=\"/reports/2026/trusts/RJ1.pdf\"", "href=\"/survey/2026\"",
                "Facebook; LinkedIn", "3 (Established)", "Not answered");
    }

    @Test
    void staffReceipt_shouldHaveNoReportLink() {
        String staff = cookie(fixture.token("RJ1", Scope.STAFF));

        APIGatewayV2HTTPResponse posted = fixture.send(survey("POST").cookie(staff)
                .form("csrf=" + enc(csrf(staff)) + "&" + COMPLETE_STAFF + "&status=SUBMITTED"));
        String receipt = fixture.send(own(receipt().cookie(staff), posted)).getBody();

        assertThat(receipt).contains("Response submitted", "Clinician").doesNotContain("/reports/");
    }

    @Test
    void aRetriedPost_shouldBeStoredOnce_forALeadAndForAStaffBrowserThatLostTheAnswer() {
        String lead = cookie(fixture.token("RJ1", Scope.LEAD));
        String leadPage = fixture.send(survey("GET").cookie(lead)).getBody();
        String leadBody = "csrf=" + enc(hidden(leadPage, "csrf")) + "&submission=" + hidden(leadPage, "submission")
                + "&" + COMPLETE_LEAD + "&status=SUBMITTED";
        String staff = cookie(fixture.token("RJ1", Scope.STAFF));
        String staffPage = fixture.send(survey("GET").cookie(staff)).getBody();
        String staffBody = "csrf=" + enc(hidden(staffPage, "csrf")) + "&submission=" + hidden(staffPage, "submission")
                + "&" + COMPLETE_STAFF + "&status=SUBMITTED";

        List<APIGatewayV2HTTPResponse> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(fixture.send(survey("POST").cookie(lead).form(leadBody)));
            // The first answer's cookie never reached the browser, so the retry comes without it.
            answers.add(fixture.send(survey("POST").cookie(staff).form(staffBody)));
        }

        assertThat(answers).allSatisfy(r -> assertThat(r.getHeaders()).containsEntry("location", "/survey/2026/receipt"));
        assertThat(fixture.items("RESP#")).hasSize(2);
        assertThat(ownCookies(answers.get(1))).isEqualTo(ownCookies(answers.get(3)));
    }

    @Test
    void aDraft_shouldBeSavedWithoutTheRequiredAnswers_andResumedWithItsValues() {
        String staff = cookie(fixture.token("RJ1", Scope.STAFF));

        APIGatewayV2HTTPResponse saved = fixture.send(survey("POST").cookie(staff)
                .form("csrf=" + enc(csrf(staff)) + "&status=DRAFT&Q02=CLINICIAN&Q43=" + enc("line one\r\nline two")));
        String resumed = fixture.send(own(survey("GET").query("saved=1").cookie(staff), saved)).getBody();
        String elsewhere = fixture.send(survey("GET").cookie(staff)).getBody();
        // Knowing the response's id is not enough: only the browser that wrote it holds its secret.
        String withTheIdOnly = fixture.send(survey("GET").cookie(staff).cookie(ownCookies(saved).stream()
                .filter(c -> c.startsWith("__Host-nhssm-response-")).findFirst().orElseThrow())).getBody();

        assertThat(saved.getHeaders()).containsEntry("location", "/survey/2026?saved=1");
        assertThat(resumed).contains("Your answers have been saved", "value=\"CLINICIAN\" checked",
                ">\nline one\nline two</textarea>", "name=\"version\" value=\"1\"");
        // Another browser with the same staff link starts its own response.
        assertThat(elsewhere).doesNotContain("value=\"CLINICIAN\" checked", "name=\"version\"");
        assertThat(withTheIdOnly).doesNotContain("value=\"CLINICIAN\" checked", "name=\"version\"");
    }

    @Test
    void anEdit_shouldNotOverwriteAChangeMadeMeanwhile_andKeepWhatWasTyped() {
        String lead = cookie(fixture.token("RJ1", Scope.LEAD));
        fixture.send(survey("POST").cookie(lead).form("csrf=" + enc(csrf(lead)) + "&" + COMPLETE_LEAD
                + "&status=SUBMITTED"));
        String openedAtVersion1 = fixture.send(survey("GET").cookie(lead)).getBody();
        // Someone else with the lead's link changes the return.
        fixture.send(survey("POST").cookie(lead).form("csrf=" + enc(csrf(lead)) + "&version=1&"
                + COMPLETE_LEAD.replace("Q22=12", "Q22=14") + "&status=SUBMITTED"));

        APIGatewayV2HTTPResponse stale = fixture.send(survey("POST").cookie(lead).form(
                "csrf=" + enc(hidden(openedAtVersion1, "csrf")) + "&version=" + hidden(openedAtVersion1, "version")
                        + "&" + COMPLETE_LEAD.replace("Q22=12", "Q22=20") + "&status=SUBMITTED"));

        assertThat(stale.getStatusCode()).isEqualTo(409);
        assertThat(stale.getBody()).contains("Your official return was changed by someone else",
                "different answers for: Total number of board members.", "value=\"20\"", "name=\"version\" value=\"2\"");
        assertThat(fixture.items("RESP#").getFirst().get("version").n()).isEqualTo("2");
    }

    @Test
    void afterTheRoundCloses_theFormSaysSo() {
        CollectFixture closed = new CollectFixture(DYNAMO.dynamo(), Instant.parse("2027-02-02T00:00:00Z"));

        APIGatewayV2HTTPResponse response = closed.send(survey("GET").cookie(cookie(closed.token("RJ1", Scope.LEAD))));

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getBody()).contains("The survey has closed", "the end of 31 January 2027");
    }

    @Test
    void whenTheDatabaseCannotBeReached_aPostShouldComeBackWithEveryValue_toSendAgain() {
        var unreachable = DynamoDbConnection.builder(Map.of())
                .endpointOverride(java.net.URI.create(LocalDynamoDbExtension.unreachableEndpoint()))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .build();
        CollectHandler down = new CollectHandler(new CollectApi(new DynamoDbSurveyStore(unreachable, "SurveyTable"),
                TrustRegister.bundled(), Clock.fixed(CollectFixture.DURING_ROUND, ZoneOffset.UTC), new SecureRandom(),
                Optional.empty()));
        String typed = "<b>Our \"best\" week</b>\nDiolch 🙂";

        APIGatewayV2HTTPResponse response = down.handleRequest(survey("POST").cookie(cookie("any-token"))
                .form("csrf=abc&Q02=CLINICIAN&Q06=X_TWITTER&Q06=BLOG&Q42=" + enc(typed) + "&status=SUBMITTED").build(), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("retry-after", "2")
                .containsEntry("content-type", "text/html; charset=utf-8");
        assertThat(response.getBody()).contains("<form method=\"post\" accept-charset=\"utf-8\" action=\"/survey/2026\">",
                "name=\"Q06\" value=\"X_TWITTER\"", "name=\"Q06\" value=\"BLOG\"", "name=\"csrf\" value=\"abc\"",
                "name=\"status\" value=\"SUBMITTED\"",
                "name=\"Q42\" value=\"&lt;b&gt;Our &quot;best&quot; week&lt;/b&gt;\nDiolch 🙂\"", "Try again");
    }

    @Test
    void aBrokenEscape_shouldBeRefusedWithAPage_notJson() {
        String lead = cookie(fixture.token("RJ1", Scope.LEAD));

        APIGatewayV2HTTPResponse post = fixture.send(survey("POST").cookie(lead).form("csrf=x&Q07=%ZZ"));
        APIGatewayV2HTTPResponse link = fixture.send(survey("GET").query("token=%ZZ"));

        for (APIGatewayV2HTTPResponse response : List.of(post, link)) {
            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8");
            assertThat(response.getBody()).contains("could not be read", "two hex digits");
        }
        assertThat(fixture.items("RESP#")).isEmpty();
    }

    private static HttpApiEvent survey(String method) {
        return HttpApiEvent.request(method, "/survey/{round}", "/survey/2026");
    }

    private static HttpApiEvent receipt() {
        return HttpApiEvent.request("GET", "/survey/{round}/receipt", "/survey/2026/receipt");
    }

    private static String cookie(String token) {
        return "__Host-nhssm-token-2026=" + token;
    }

    private static HttpApiEvent invite() {
        return HttpApiEvent.request("POST", "/api/admin/rounds/{round}/invitations", "/api/admin/rounds/2026/invitations")
                .bearer(CollectFixture.ADMIN_TOKEN).json("{\"odsCode\": \"RJ1\"}");
    }

    private static com.fasterxml.jackson.databind.JsonNode json(APIGatewayV2HTTPResponse response) {
        return CollectFixture.json(response);
    }

    /** The Continue button of an arrival page pressed, in the browser the page set its cookie in. */
    private static HttpApiEvent proceed(APIGatewayV2HTTPResponse page) {
        String arrival = page.getCookies().getFirst();
        return HttpApiEvent.request("POST", "/survey/{round}/continue", "/survey/2026/continue")
                .cookie(arrival.substring(0, arrival.indexOf(';'))).form(formOf(page.getBody()));
    }

    private static String formOf(String html) {
        return "token=" + enc(hidden(html, "token")) + "&csrf=" + enc(hidden(html, "csrf"));
    }

    private String csrf(String cookie) {
        return hidden(fixture.send(survey("GET").cookie(cookie)).getBody(), "csrf");
    }

    /** The cookies that make a staff browser's response its own: its id and the writer's secret. */
    private static List<String> ownCookies(APIGatewayV2HTTPResponse response) {
        return response.getCookies().stream()
                .filter(c -> c.startsWith("__Host-nhssm-response-2026=") || c.startsWith("__Host-nhssm-writer-2026="))
                .map(c -> c.substring(0, c.indexOf(';'))).sorted().toList();
    }

    private static HttpApiEvent own(HttpApiEvent request, APIGatewayV2HTTPResponse saved) {
        ownCookies(saved).forEach(request::cookie);
        return request;
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"" + name + "\" value=\"([^\"]*)\">").matcher(html);
        assertThat(m.find()).as("hidden field " + name).isTrue();
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

}
