package nhssm.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A function's Lambda artifact built as {@code sam build} builds it (copy the CodeUri, the project root, to a
 * scratch directory and run {@code make build-<LogicalId>} there), and a probe run against it in a fresh JVM
 * with nothing but the artifact on the class path. Test support for the functions' LambdaArtifactIT.
 */
public final class LambdaArtifact {

    /** What {@code sam build} would not copy, or what only slows the copy: build output and local state. */
    private static final Set<String> SKIPPED = Set.of("target", ".git", "out", ".local-data", ".aws-sam");

    private LambdaArtifact() {
    }

    /**
     * Copies {@code projectRoot} to {@code scratch/source}, runs {@code make build-<logicalId>} there offline and
     * returns the artifact directory, {@code scratch/artifact}; fails the test if make fails or takes too long.
     */
    public static Path build(Path projectRoot, String logicalId, Path scratch, int seconds) throws Exception {
        Path source = scratch.resolve("source");
        Path artifact = scratch.resolve("artifact");
        copyTree(projectRoot, source);
        Process make = new ProcessBuilder("make", "build-" + logicalId, "ARTIFACTS_DIR=" + artifact, "MVN=mvn -o")
                .directory(source.toFile()).redirectErrorStream(true).start();
        String output = output(make, seconds);
        assertThat(make.exitValue()).as(output).isZero();
        return artifact;
    }

    /** The names of the jars in the artifact's lib/, sorted. */
    public static List<String> libJars(Path artifact) throws IOException {
        try (Stream<Path> files = Files.list(artifact.resolve("lib"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Runs the single-file program {@code probeSource} with the Java source launcher, the artifact's root and
     * lib/*.jar as its only class path and {@code environment} (and PATH) as its only environment, in the
     * artifact's parent directory; fails the test unless it exits 0 in time, and returns what it printed.
     */
    public static String probe(Path artifact, InputStream probeSource, List<String> javaOptions, List<String> args,
            Map<String, String> environment, int seconds) throws Exception {
        Path workDir = artifact.getParent();
        Path probe = workDir.resolve("ArtifactProbe.java");
        try (probeSource) {
            Files.copy(probeSource, probe);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", artifact + File.pathSeparator + artifact.resolve("lib") + File.separator + "*",
                probe.toString()));
        command.addAll(args);
        ProcessBuilder launcher = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        launcher.environment().clear();
        launcher.environment().putAll(environment);
        launcher.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Process run = launcher.start();
        String out = output(run, seconds);
        assertThat(run.exitValue()).as(out).isZero();
        return out;
    }

    /** The probe's lines that report a response: those starting with a three-digit status. */
    public static List<String> responseLines(String probeOutput) {
        return probeOutput.lines().filter(l -> l.matches("\\d{3} .*")).toList();
    }

    private static String output(Process process, int seconds) throws InterruptedException, IOException {
        boolean done = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
        }
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("still running after " + seconds + " s: " + text).isTrue();
        return text;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.filter(p -> Stream.iterate(from.relativize(p), q -> q != null, Path::getParent)
                            .noneMatch(q -> SKIPPED.contains(q.getFileName().toString())))
                    .forEach(p -> {
                        try {
                            Path target = to.resolve(from.relativize(p).toString());
                            if (Files.isDirectory(p)) {
                                Files.createDirectories(target);
                            } else {
                                Files.copy(p, target);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
    }
}
