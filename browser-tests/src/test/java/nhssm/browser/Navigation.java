package nhssm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * Going from one page to the next as a test must: an element is only touched once the page it belongs to is the
 * one the browser shows and has finished loading. After a click that navigates, the old page is first seen gone
 * (its root element stale) and then the new one loaded ({@code document.readyState} complete, which the driver can
 * read with scripts off too) with what the test expects on it; otherwise a lookup can land on the old document, or
 * on one the browser is about to replace, and fail with "Node with given id does not belong to the document".
 */
final class Navigation {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private Navigation() {
    }

    /** Opens {@code url} and returns once the page it leads to is loaded and has {@code expected}. */
    static void open(WebDriver driver, String url, By expected) {
        driver.get(url);
        awaitLoaded(driver, expected, url);
    }

    /**
     * Does {@code action}, which makes the browser leave the page it shows, and returns once the next page is loaded
     * and has {@code expected}.
     */
    static void leave(WebDriver driver, Runnable action, By expected, String what) {
        WebElement before = driver.findElement(By.tagName("html"));
        action.run();
        awaitTrue(() -> isGone(before), "the page before " + what + " to be left");
        awaitLoaded(driver, expected, what);
    }

    /** Returns once the page shown has finished loading and has {@code expected} (a redirect or a refresh may come first). */
    static void awaitLoaded(WebDriver driver, By expected, String what) {
        awaitTrue(() -> isLoaded(driver, expected), "the page after " + what + " to be loaded, with " + expected);
    }

    /** Polls until {@code condition} holds, failing with {@code what} after the limit. */
    static void awaitTrue(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plus(LIMIT);
        while (!condition.get()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    private static boolean isLoaded(WebDriver driver, By expected) {
        try {
            return "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"))
                    && !driver.findElements(expected).isEmpty();
        } catch (WebDriverException e) {
            if (isBetweenPages(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Whether {@code element}'s page is no longer the one shown. */
    static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            if (isBetweenPages(e)) {
                return true;
            }
            throw e;
        }
    }

    /**
     * What the driver says when asked about a page being replaced: an element of the old document (stale, or, while
     * the next one is committed, a node that "does not belong to the document"), or a script whose document went.
     */
    private static boolean isBetweenPages(WebDriverException e) {
        String message = String.valueOf(e.getMessage());
        return e instanceof StaleElementReferenceException
                || message.contains("does not belong to the document")
                || message.contains("Execution context was destroyed")
                || message.contains("Cannot find context with specified id");
    }
}
