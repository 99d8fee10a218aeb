package nhssm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The survey form as a person uses it: choosing options, typing answers, pressing a button, reading
 * what the page says. Every action is what a person could do with the page as served.
 */
final class SurveyPage {

    private static final Duration NAVIGATION_LIMIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;

    SurveyPage(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Ticks the option {@code code} of a choice question (a radio or a checkbox). */
    SurveyPage choose(String question, String code) {
        WebElement option = driver.findElement(By.cssSelector("input[name='" + question + "'][value='" + code + "']"));
        if (!option.isSelected()) {
            option.click();
        }
        return this;
    }

    /** Replaces the text of a text box or number box with {@code text}, typed key by key. */
    SurveyPage type(String question, String text) {
        WebElement field = driver.findElement(By.id(question));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    String value(String question) {
        return driver.findElement(By.id(question)).getDomProperty("value");
    }

    boolean isChosen(String question, String code) {
        return driver.findElement(By.cssSelector("input[name='" + question + "'][value='" + code + "']")).isSelected();
    }

    boolean asks(String question) {
        return !driver.findElements(By.name(question)).isEmpty();
    }

    /** Presses Submit (or Submit changes) and waits for the next page. */
    void submit() {
        press("SUBMITTED");
    }

    /** Presses "Save and come back later" and waits for the next page. */
    void saveDraft() {
        press("DRAFT");
    }

    /**
     * On the page a link opens (it names the trust and round), presses Continue and waits for the form: the
     * post from this site that sets the browser's cookie.
     */
    void continueFromLink() {
        awaitTrue(() -> !driver.findElements(By.xpath("//button[normalize-space()='Continue']")).isEmpty(),
                "the page the link opens");
        WebElement button = driver.findElement(By.xpath("//button[normalize-space()='Continue']"));
        button.click();
        awaitTrue(() -> isStale(button), "the form after Continue");
    }

    /** Presses Sign out and waits for the next page. */
    void signOut() {
        WebElement button = driver.findElement(By.id("sign-out"));
        button.click();
        awaitTrue(() -> isStale(button), "the page after signing out");
    }

    private void press(String status) {
        WebElement button = driver.findElement(By.cssSelector("button[name='status'][value='" + status + "']"));
        String label = button.getText();
        button.click();
        awaitTrue(() -> isStale(button), "the page after pressing " + label);
    }

    String title() {
        return driver.getTitle();
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The error summary's links: where each points and what it says. */
    List<String> errorSummaryTargets() {
        return driver.findElements(By.cssSelector(".error-summary a")).stream()
                .map(a -> a.getDomAttribute("href"))
                .toList();
    }

    String inlineError(String question) {
        return driver.findElement(By.id(question + "-error")).getText();
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    /** Polls until {@code condition} holds, failing with {@code what} after the limit. */
    static void awaitTrue(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plus(NAVIGATION_LIMIT);
        while (!condition.get()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        }
    }
}
