package nhssm.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Full-page screenshots, for a person to look at what a test saw: {@code target/screenshots/<name>.png}.
 *
 * <p>The whole document, not just the window: Chrome's DevTools capture beyond the viewport, clipped to the
 * document's size from its layout metrics (no page script, so it works with JavaScript off too).
 */
public final class Screenshots {

    static final Path DIRECTORY = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /**
     * Saves the page {@code driver} shows now as {@code target/screenshots/<name>.png}.
     *
     * @param name letters, digits, '-', '_' or '.'
     * @return the file written
     */
    public static Path save(ChromeDriver driver, String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("a screenshot's name is a plain file name without .png: " + name);
        }
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = ((Number) size.get("height")).doubleValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", Math.ceil(width), "height", Math.ceil(height), "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        Path file = DIRECTORY.resolve(name + ".png");
        try {
            Files.createDirectories(DIRECTORY);
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
