package nhssm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A screenshot holds the whole page, not only what fits in the window. */
class ScreenshotsTest {

    private static final int WINDOW_HEIGHT = 1024;
    private static final int PAGE_HEIGHT = 3 * WINDOW_HEIGHT;

    @Test
    void save_shouldCaptureTheWholePage_beyondTheWindow() throws Exception {
        String tall = """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Tall</title>
                <style>body { margin: 0 } div { width: 100%%; }</style></head>
                <body>
                <div style="height: %dpx; background: #ffffff"></div>
                <div style="height: 100px; background: #ff0000"></div>
                </body>
                </html>
                """.formatted(PAGE_HEIGHT - 100);
        try (PageServer pages = PageServer.serving(Map.of("/", tall)); Chromium chromium = Chromium.start()) {
            Navigation.open(chromium.driver(), pages.uri("/").toString(), By.tagName("body"));

            Path file = Screenshots.save(chromium.driver(), "screenshots-test-tall");

            assertThat(file).isEqualTo(Path.of("target", "screenshots", "screenshots-test-tall.png"));
            BufferedImage image = ImageIO.read(Files.newInputStream(file));
            assertThat(image.getHeight()).isEqualTo(PAGE_HEIGHT);
            // The red block at the foot of the page, two windows below the first: captured, not blank.
            assertThat(image.getRGB(10, PAGE_HEIGHT - 50) & 0xFFFFFF).isEqualTo(0xFF0000);
            assertThat(image.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        }
    }
}
