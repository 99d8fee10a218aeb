package nhssm.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its own ChromeDriver: one browser with a fresh profile, and on
 * close the browser quit, the driver's service stopped and the profile deleted.
 *
 * <p>Both programs are found on {@code PATH}, never downloaded: the driver's executable is given to
 * Selenium, so Selenium Manager never looks for one. Missing either fails the test with what to install.
 */
public final class Chromium implements AutoCloseable {

    static final String INSTALL = "install Debian's chromium and chromium-driver packages"
            + " (apt-get install chromium chromium-driver)";

    /** What the browser is started with: headless, and nothing that reaches out to the network by itself. */
    static final List<String> ARGUMENTS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,1024");

    private static final Duration PAGE_LOAD = Duration.ofSeconds(30);

    // Selenium warns at every start that it has no DevTools module for this Chromium's version. Nothing
    // here uses one: executeCdpCommand goes through ChromeDriver itself. Held, as the JDK keeps loggers weakly.
    private static final List<Logger> QUIETENED = Stream.of("org.openqa.selenium.devtools.CdpVersionFinder",
            "org.openqa.selenium.chromium.ChromiumDriver").map(Logger::getLogger).toList();

    static {
        QUIETENED.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser as people have it, with JavaScript on. */
    public static Chromium start() {
        return start(true);
    }

    /** A browser with JavaScript turned off, as some people and some organisations' policies have it. */
    public static Chromium withoutJavaScript() {
        return start(false);
    }

    private static Chromium start(boolean javaScript) {
        Path browser = onPath("chromium", "chromium-browser");
        Path chromedriver = onPath("chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("nhssm-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a profile directory for Chromium", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + profile);
        if (!javaScript) {
            // The setting an administrator's policy uses: 2 blocks scripts on every site.
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
            return new Chromium(service, driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                service.stop();
            } finally {
                delete(profile);
            }
        }
    }

    /**
     * The first of {@code names} that is an executable file in a directory of {@code PATH}.
     *
     * @throws IllegalStateException naming what to install, if none is
     */
    static Path onPath(String... names) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no " + String.join(" or ", names) + " on PATH (" + path + "): the browser"
                + " tests need a real Chromium and its ChromeDriver; " + INSTALL);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // Already gone.
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete Chromium's profile " + dir, e);
        }
    }
}
