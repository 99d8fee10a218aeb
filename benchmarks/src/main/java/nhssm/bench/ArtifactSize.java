package nhssm.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The size of a function's Lambda artifact as {@code sam build} lays it out (classes at the root, runtime jars
 * in {@code lib/}): the files' total, the zip that would be uploaded (every file deflated at the default level,
 * as {@code sam package} zips it), and the largest jars, which is where any saving would be.
 *
 * @param unzippedBytes the files' sizes added up
 * @param zippedBytes   the zip's size
 * @param largestJars   the largest jars in {@code lib/}, largest first
 */
record ArtifactSize(long unzippedBytes, long zippedBytes, List<Jar> largestJars) {

    /** One jar of {@code lib/} and its size. */
    record Jar(String name, long bytes) {
    }

    static ArtifactSize of(Path artifact, int largest) {
        try (Stream<Path> walk = Files.walk(artifact)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            long unzipped = 0;
            CountingStream counted = new CountingStream();
            try (ZipOutputStream zip = new ZipOutputStream(counted)) {
                for (Path file : files) {
                    unzipped += Files.size(file);
                    zip.putNextEntry(new ZipEntry(artifact.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            List<Jar> jars = files.stream()
                    .filter(f -> f.getParent().equals(artifact.resolve("lib")))
                    .map(f -> new Jar(f.getFileName().toString(), sizeOf(f)))
                    .sorted(Comparator.comparingLong(Jar::bytes).reversed())
                    .limit(largest)
                    .toList();
            return new ArtifactSize(unzipped, counted.bytes, jars);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the artifact " + artifact, e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts what is written and keeps none of it. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
