package nhssm.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Chromium browser run headless as one process per page, printing an HTML file to PDF: what a service
 * that prints its HTML report with a browser would do for each request.
 */
final class HeadlessChromium {

    private static final long TIMEOUT_SECONDS = 180;

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** Chromium on the PATH, if installed. */
    static Optional<HeadlessChromium> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new HeadlessChromium(candidate));
                }
            }
        }
        return Optional.empty();
    }

    String version() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        // A distribution's wrapper script may print its own messages first.
        return output.lines().filter(line -> line.startsWith("Chromium")).findFirst().orElse(output.strip());
    }

    /**
     * Prints {@code html} to {@code pdf} in a new Chromium process with its own profile directory
     * {@code profile}, and waits for it to exit. Its messages go to {@code log}.
     */
    void print(Path html, Path pdf, Path profile, Path log) throws IOException, InterruptedException {
        Files.deleteIfExists(pdf);
        Process process = new ProcessBuilder(executable.toString(),
                "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
                "--no-pdf-header-footer", "--user-data-dir=" + profile, "--print-to-pdf=" + pdf,
                html.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not print within " + TIMEOUT_SECONDS + " s; see " + log);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
            throw new IllegalStateException("Chromium exited with " + process.exitValue() + " and no PDF; see " + log);
        }
    }
}
