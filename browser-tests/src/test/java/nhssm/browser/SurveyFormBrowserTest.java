package nhssm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import nhssm.core.survey.Audience;
import nhssm.core.survey.AnswerSpec;
import nhssm.core.survey.Question;
import nhssm.core.survey.SurveyDefinition;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.local.SurveyLinks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The survey form in Debian's headless Chromium against the whole local system: an invitation followed
 * from an email to the page naming the trust and its Continue button, a submission with two mistakes, the
 * error summary, the fix, the receipt and the trust's PDF; the same with JavaScript off; a staff link and
 * sign-out; a draft resumed in another browser; a forged link and a forged post that leave a cookie alone. axe-core checks the
 * empty form, the form with errors and the receipt. Screenshots are saved in target/screenshots.
 */
class SurveyFormBrowserTest {

    @RegisterExtension
    static final LocalSystemExtension LOCAL = new LocalSystemExtension();

    private static final SurveyDefinition DEFINITION = SurveyDefinitions.forRound("2026").orElseThrow();
    private static final Duration REPORT_LIMIT = Duration.ofSeconds(120);
    private static final String TOKEN_COOKIE = "__Host-nhssm-token-2026";
    /** Typed into a free-text answer: it must come back as text, never run. */
    private static final String HOSTILE = "<script>alert('x')</script> Diolch yn fawr — tŷ & \"co\"";

    @Test
    void lead_shouldGoFromTheEmailThroughTwoErrorsToTheReceiptAndTheTrustsPdf() throws Exception {
        SurveyLinks.Link lead = LOCAL.inviteLead("RJ1");
        try (Chromium chromium = Chromium.start(); CrossSiteLink email = CrossSiteLink.to(lead.surveyLink())) {
            ChromeDriver driver = chromium.driver();
            SurveyPage page = new SurveyPage(driver);

            openFromEmail(driver, email, page);
            assertThat(driver.getCurrentUrl()).isEqualTo(LOCAL.api("/survey/2026").toString());
            assertTokenOnlyInAStrictHttpOnlyCookie(driver, lead.token());
            assertThat(page.text(By.className("caption"))).isEqualTo("Guy's and St Thomas' NHS Foundation Trust");
            Screenshots.save(driver, "form-empty");
            Axe.assertNoViolations(driver);

            // The script hides the questions that cannot apply, and shows them again.
            page.choose("Q14", "NONE");
            assertThat(driver.findElement(By.id("Q16")).isDisplayed()).isFalse();
            page.choose("Q14", "CURRENT_REVIEWED_2Y");
            assertThat(driver.findElement(By.id("Q16")).isDisplayed()).isTrue();

            // Two mistakes: the role left out, and the board's size in words.
            fillOfficialReturnButTheRole(page);
            page.type("Q22", "forty");
            page.submit();

            assertThat(page.title()).startsWith("Error: ");
            assertThat(page.errorSummaryTargets()).containsExactly("#Q02", "#Q22");
            assertThat(page.inlineError("Q22")).startsWith("Error:");
            page.errorSummaryTargets().forEach(target ->
                    assertThat(driver.findElements(By.cssSelector(target + "[name]"))).as(target).hasSize(1));
            assertValuesKept(page, "forty");
            assertNoAlert(driver);
            Screenshots.save(driver, "form-errors");
            Axe.assertNoViolations(driver);

            page.choose("Q02", "COMMS_DIRECTOR_HEAD").type("Q22", "12");
            page.submit();

            assertThat(page.heading()).isEqualTo("Official return submitted");
            assertThat(page.text(By.id("reference"))).matches("2026-RJ1-[0-9A-F]{8}");
            assertThat(page.text(By.tagName("main"))).contains("Facebook; LinkedIn", "3 (Established)", HOSTILE);
            assertNoAlert(driver);
            Screenshots.save(driver, "receipt");
            Axe.assertNoViolations(driver);

            String pdf = pdfText(driver, driver.findElement(By.id("report-link")).getDomProperty("href"));
            assertThat(pdf).contains("Guy", "St Thomas", "RJ1");
        }
    }

    @Test
    void withoutJavaScript_theSameJourneyShouldWork() throws Exception {
        SurveyLinks.Link lead = LOCAL.inviteLead("RRK");
        try (Chromium chromium = Chromium.withoutJavaScript(); CrossSiteLink email = CrossSiteLink.to(lead.surveyLink())) {
            ChromeDriver driver = chromium.driver();
            SurveyPage page = new SurveyPage(driver);

            openFromEmail(driver, email, page);
            assertThat(driver.getCurrentUrl()).doesNotContain("token");
            Screenshots.save(driver, "form-empty-no-javascript");

            fillOfficialReturnButTheRole(page);
            page.type("Q22", "forty");
            page.submit();

            assertThat(page.title()).startsWith("Error: ");
            assertThat(page.errorSummaryTargets()).containsExactly("#Q02", "#Q22");
            assertValuesKept(page, "forty");
            Screenshots.save(driver, "form-errors-no-javascript");

            page.choose("Q02", "COMMS_DIGITAL_OFFICER").type("Q22", "9");
            page.submit();

            assertThat(page.heading()).isEqualTo("Official return submitted");
            assertThat(page.text(By.id("reference"))).matches("2026-RRK-[0-9A-F]{8}");
            Screenshots.save(driver, "receipt-no-javascript");
            String pdf = pdfText(driver, driver.findElement(By.id("report-link")).getDomProperty("href"));
            assertThat(pdf).contains("RRK");
        }
    }

    @Test
    void staffLink_shouldAskNoOfficialOnlyQuestion_andEndWithoutTheTrustsReport() {
        SurveyLinks.Link staff = LOCAL.staffLink(LOCAL.inviteLead("RJ7").token());
        try (Chromium chromium = Chromium.start()) {
            ChromeDriver driver = chromium.driver();
            SurveyPage page = new SurveyPage(driver);

            driver.get(staff.surveyLink().toString());
            page.continueFromLink();

            for (Question question : DEFINITION.questions()) {
                boolean asked = question.audience() == Audience.ALL && !(question.answer() instanceof AnswerSpec.FromToken);
                assertThat(page.asks(question.id())).as(question.id()).isEqualTo(asked);
            }
            Screenshots.save(driver, "form-staff");
            Axe.assertNoViolations(driver);

            page.choose("Q02", "CLINICIAN").choose("Q06", "X_TWITTER").choose("Q13", "DONT_KNOW")
                    .choose("Q14", "DONT_KNOW").choose("Q17", "BLOCKED")
                    .choose("Q37", "2").choose("Q38", "2").choose("Q39", "1").choose("Q40", "2");
            page.submit();

            assertThat(page.heading()).isEqualTo("Response submitted");
            assertThat(driver.findElements(By.id("report-link"))).isEmpty();

            page.signOut();
            assertThat(page.heading()).isEqualTo("You have signed out");
            assertThat(driver.manage().getCookieNamed(TOKEN_COOKIE)).isNull();
            Navigation.open(driver, LOCAL.api("/survey/2026").toString(), By.tagName("h1"));
            assertThat(page.heading()).isEqualTo("Open the survey from your link");
        }
    }

    @Test
    void aForgedLinkOrPostFromAnotherSite_shouldLeaveTheCookieOfTheRightTrustAlone() {
        SurveyLinks.Link own = LOCAL.inviteLead("RJ2");
        SurveyLinks.Link attackers = LOCAL.inviteLead("RJ6");
        try (Chromium chromium = Chromium.start(); CrossSiteLink email = CrossSiteLink.to(own.surveyLink());
                CrossSiteLink forgedLink = CrossSiteLink.to(attackers.surveyLink());
                PageServer forgedPost = PageServer.serving(java.util.Map.of("/", forgedPostPage(attackers.token())))) {
            ChromeDriver driver = chromium.driver();
            SurveyPage page = new SurveyPage(driver);
            openFromEmail(driver, email, page);
            String trust = page.text(By.className("caption"));

            // The attacker's link opens a page naming the other trust; nothing changes unless Continue is pressed.
            forgedLink.follow(driver);
            Navigation.awaitLoaded(driver, By.xpath("//*[contains(., 'RJ6')]"), "the forged link");
            assertThat(page.heading()).isEqualTo("Open the 2026 survey");
            assertThat(driver.manage().getCookieNamed(TOKEN_COOKIE).getValue()).isEqualTo(own.token());

            // A post to Continue made from the attacker's site is refused, and sets nothing.
            Navigation.open(driver, forgedPost.uri("localhost", "/").toString(), By.id("forge"));
            WebElement forge = driver.findElement(By.id("forge"));
            Navigation.leave(driver, forge::click, By.tagName("h1"), "the forged post");
            assertThat(page.heading()).isEqualTo("This page was sent from another site");
            assertThat(driver.manage().getCookieNamed(TOKEN_COOKIE).getValue()).isEqualTo(own.token());

            Navigation.open(driver, LOCAL.api("/survey/2026").toString(), By.className("caption"));
            assertThat(page.text(By.className("caption"))).isEqualTo(trust);
        }
    }

    /** A page on another site that posts the attacker's own link to Continue, as a login CSRF would. */
    private static String forgedPostPage(String attackersToken) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>A prize for you</title></head>
                <body><main><form method="post" action="%s">
                <input type="hidden" name="token" value="%s"><input type="hidden" name="csrf" value="guess">
                <button id="forge" type="submit">Claim your prize</button></form></main></body></html>
                """.formatted(LOCAL.api("/survey/2026/continue"), attackersToken);
    }


    @Test
    void aSavedDraft_shouldBeThereWhenTheLinkIsOpenedAgainInAnotherBrowser() {
        SurveyLinks.Link lead = LOCAL.inviteLead("RTH");
        try (Chromium first = Chromium.start()) {
            SurveyPage page = new SurveyPage(first.driver());
            first.driver().get(lead.surveyLink().toString());
            page.continueFromLink();
            page.choose("Q02", "CEO").choose("Q06", "INSTAGRAM").type("Q43", HOSTILE);
            page.saveDraft();

            assertThat(page.text(By.cssSelector("[role=status]"))).contains("Your answers have been saved");
        }
        try (Chromium second = Chromium.start()) {
            SurveyPage page = new SurveyPage(second.driver());
            second.driver().get(lead.surveyLink().toString());
            page.continueFromLink();

            assertThat(page.isChosen("Q02", "CEO")).isTrue();
            assertThat(page.isChosen("Q06", "INSTAGRAM")).isTrue();
            assertThat(page.value("Q43")).isEqualTo(HOSTILE);
        }
    }

    /**
     * Follows the invitation in the email, as from webmail: another site, so the link opens a page naming the
     * trust, whose Continue button (a post from this site) sets the cookie and opens the form.
     */
    private static void openFromEmail(ChromeDriver driver, CrossSiteLink email, SurveyPage page) {
        email.follow(driver);
        page.continueFromLink();
        Navigation.awaitLoaded(driver, By.name("Q02"), "the form after the link");
    }

    /** Everything an official return needs but the respondent's role (Q02), and a few optional answers. */
    private static void fillOfficialReturnButTheRole(SurveyPage page) {
        page.choose("Q06", "FACEBOOK").choose("Q06", "LINKEDIN")
                .choose("Q13", "STANDALONE").choose("Q14", "CURRENT_REVIEWED_2Y").choose("Q17", "ALL_STAFF")
                .choose("Q37", "3").choose("Q38", "3").choose("Q39", "2").choose("Q40", "4")
                .choose("Q44", "YES").type("Q22", "12").type("Q42", HOSTILE);
    }

    private static void assertValuesKept(SurveyPage page, String board) {
        assertThat(page.isChosen("Q06", "FACEBOOK")).isTrue();
        assertThat(page.isChosen("Q06", "LINKEDIN")).isTrue();
        assertThat(page.isChosen("Q06", "X_TWITTER")).isFalse();
        assertThat(page.isChosen("Q44", "YES")).isTrue();
        assertThat(page.isChosen("Q40", "4")).isTrue();
        assertThat(page.value("Q22")).isEqualTo(board);
        assertThat(page.value("Q42")).isEqualTo(HOSTILE);
    }

    private static void assertTokenOnlyInAStrictHttpOnlyCookie(ChromeDriver driver, String token) {
        Cookie cookie = driver.manage().getCookieNamed(TOKEN_COOKIE);
        assertThat(cookie.getValue()).isEqualTo(token);
        assertThat(cookie.isHttpOnly()).isTrue();
        // Secure even on http://127.0.0.1: the browser treats loopback as a secure context.
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(driver.getCurrentUrl()).doesNotContain(token);
        assertThat(driver.getPageSource()).doesNotContain(token);
    }

    private static void assertNoAlert(ChromeDriver driver) {
        try {
            driver.switchTo().alert();
            throw new AssertionError("a script typed into an answer ran");
        } catch (NoAlertPresentException expected) {
            // The script was shown as text.
        }
    }

    /**
     * Downloads the receipt's report link with the browser's own cookie (the page's CSP lets no script fetch),
     * polling until the aggregate function has built the trust's record, and returns the PDF's text.
     */
    private static String pdfText(ChromeDriver driver, String href) throws IOException, InterruptedException {
        Cookie cookie = driver.manage().getCookieNamed(TOKEN_COOKIE);
        HttpRequest request = HttpRequest.newBuilder(URI.create(href)).timeout(REPORT_LIMIT)
                .header("cookie", cookie.getName() + "=" + cookie.getValue()).GET().build();
        Instant deadline = Instant.now().plus(REPORT_LIMIT);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            while (response.statusCode() != 200) {
                assertThat(Instant.now()).as(href + " answering 200; last " + response.statusCode()).isBefore(deadline);
                Thread.sleep(200);
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
            assertThat(response.headers().firstValue("content-type")).hasValue("application/pdf");
            try (PDDocument document = Loader.loadPDF(response.body())) {
                return new PDFTextStripper().getText(document);
            }
        }
    }
}
