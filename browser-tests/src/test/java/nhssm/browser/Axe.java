package nhssm.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility rules engine, run on the page a browser shows: its own release
 * ({@code axe.min.js}, from the class path) is injected into the page and {@code axe.run(document)}
 * reports what breaks a rule (WCAG 2.x A and AA, and axe's best practices).
 */
public final class Axe {

    private static final String SCRIPT = "axe.min.js";
    private static final Duration RUN_LIMIT = Duration.ofSeconds(60);
    private static final Duration TIMER_LIMIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    // The result goes back as a JSON string: axe's result objects are large, and the driver would turn
    // every member of them into Java maps.
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(function (result) {
              done(JSON.stringify({version: axe.version, url: result.url, violations: result.violations}));
            }, function (error) {
              done(JSON.stringify({version: axe.version, error: String(error && error.stack || error)}));
            });
            """;

    private Axe() {
    }

    /** One rule broken, with every element that breaks it. */
    public record Violation(String rule, String impact, String help, String helpUrl, List<Element> elements) {
    }

    /**
     * An element that breaks a rule: its CSS selector path ({@code target}, frames and shadow roots
     * joined by " >>> "), the start of its HTML, and what axe says would fix it.
     */
    public record Element(String target, String html, String fix) {
    }

    /** What axe found on one page. */
    public record Result(String axeVersion, String url, List<Violation> violations) {

        /** @throws AssertionError listing every violation, if there is any */
        public void assertNoViolations() {
            if (!violations.isEmpty()) {
                throw new AssertionError(describe());
            }
        }

        /** Every violation, readably, with the axe-core version that found it. */
        public String describe() {
            StringBuilder text = new StringBuilder("axe-core ").append(axeVersion).append(" found ")
                    .append(violations.size()).append(violations.size() == 1 ? " rule" : " rules")
                    .append(" broken on ").append(url).append(violations.isEmpty() ? "" : ":");
            int n = 1;
            for (Violation v : violations) {
                text.append("\n").append(n++).append(". ").append(v.rule()).append(" (").append(v.impact())
                        .append("): ").append(v.help()).append("\n   ").append(v.helpUrl());
                for (Element e : v.elements()) {
                    text.append("\n   - ").append(e.target()).append("\n     ").append(e.html());
                    e.fix().lines().forEach(line -> text.append("\n     ").append(line));
                }
            }
            return text.toString();
        }
    }

    /**
     * Runs axe on the page {@code driver} shows now.
     *
     * @throws IllegalStateException if the browser has JavaScript off ({@link Chromium#withoutJavaScript()}):
     *         the driver can still inject axe, but axe works through timers, which then never fire
     */
    public static Result run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Duration before = driver.manage().timeouts().getScriptTimeout();
        Object answer;
        try {
            driver.manage().timeouts().scriptTimeout(TIMER_LIMIT);
            try {
                js.executeAsyncScript("setTimeout(arguments[arguments.length - 1], 0);");
            } catch (ScriptTimeoutException e) {
                throw new IllegalStateException("axe-core cannot run in a browser with JavaScript off (its timers"
                        + " never fire): check the page in Chromium.start(), which gets the same HTML", e);
            }
            js.executeScript(Source.TEXT);
            driver.manage().timeouts().scriptTimeout(RUN_LIMIT);
            answer = js.executeAsyncScript(RUN);
        } finally {
            driver.manage().timeouts().scriptTimeout(before);
        }
        JsonNode result;
        try {
            result = JSON.readTree((String) answer);
        } catch (IOException e) {
            throw new UncheckedIOException("axe's result is not JSON", e);
        }
        if (result.has("error")) {
            throw new IllegalStateException("axe-core " + result.path("version").asText() + " failed on "
                    + driver.getCurrentUrl() + ": " + result.path("error").asText());
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode v : result.path("violations")) {
            List<Element> elements = new ArrayList<>();
            for (JsonNode node : v.path("nodes")) {
                elements.add(new Element(target(node.path("target")), node.path("html").asText(),
                        node.path("failureSummary").asText()));
            }
            violations.add(new Violation(v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(),
                    v.path("helpUrl").asText(), List.copyOf(elements)));
        }
        return new Result(result.path("version").asText(), result.path("url").asText(), List.copyOf(violations));
    }

    /** Runs axe on the page {@code driver} shows now, and fails listing every violation it finds. */
    public static void assertNoViolations(WebDriver driver) {
        run(driver).assertNoViolations();
    }

    /** A selector, or (inside frames or shadow roots) one selector per level. */
    private static String target(JsonNode target) {
        List<String> levels = new ArrayList<>();
        for (JsonNode level : target) {
            levels.add(level.isArray() ? target(level) : level.asText());
        }
        return String.join(" >>> ", levels);
    }

    /** axe.min.js, read once. */
    private static final class Source {
        static final String TEXT = read();

        private static String read() {
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException(SCRIPT + " is not on the class path: it comes with"
                            + " com.deque.html.axe-core:selenium (see browser-tests/pom.xml)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + SCRIPT, e);
            }
        }
    }
}
