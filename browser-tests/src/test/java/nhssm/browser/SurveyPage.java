package nhssm.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The survey form as a person uses it: choosing options, typing answers, pressing a button, reading
 * what the page says. Every action is what a person could do with the page as served.
 */
final class SurveyPage {

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
        By continueButton = By.xpath("//button[normalize-space()='Continue']");
        Navigation.awaitLoaded(driver, continueButton, "the page the link opens");
        WebElement button = driver.findElement(continueButton);
        Navigation.leave(driver, button::click, By.tagName("h1"), "pressing Continue");
    }

    /** Presses Sign out and waits for the next page. */
    void signOut() {
        WebElement button = driver.findElement(By.id("sign-out"));
        Navigation.leave(driver, button::click, By.tagName("h1"), "signing out");
    }

    private void press(String status) {
        WebElement button = driver.findElement(By.cssSelector("button[name='status'][value='" + status + "']"));
        String label = button.getText();
        // Every page the form leads to (the form again, the receipt, a message) has a heading.
        Navigation.leave(driver, button::click, By.tagName("h1"), "pressing " + label);
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
}
