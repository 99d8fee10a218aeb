package nhssm.local.dynamodb.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * An acknowledged write survives {@code kill -9}: a child JVM appends from several threads and reports each
 * append that returned; it is killed mid-stream, twice (the second time after recovering the first's log),
 * and every write it reported is in the replay, once.
 */
class WriteAheadLogCrashTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteIsReplayedAfterTheProcessIsKilled() throws Exception {
        Set<Long> acknowledged = new HashSet<>();
        acknowledged.addAll(runAndKill(300, 0));
        acknowledged.addAll(runAndKill(300, 1_000_000_000));

        try (WriteAheadLog log = WriteAheadLog.open(dir)) {
            List<Long> replayed = WalEntries.of(log).stream()
                    .map(e -> (WalEntries.Items) e)
                    .map(items -> ((AttributeValue.N) items.changes().getFirst().newImage().orElseThrow().get("n")).value().longValueExact())
                    .toList();
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(600);
            assertThat(replayed).containsAll(acknowledged).doesNotHaveDuplicates();
        }
    }

    /** Starts the writer, kills it once it has acknowledged {@code atLeast} writes; returns every id it acknowledged. */
    private Set<Long> runAndKill(int atLeast, long firstId) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WalCrashWriter.class.getName(), dir.toString(), "4", Long.toString(firstId))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Set<Long> acks = ConcurrentHashMap.newKeySet();
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("ack ")) {
                        acks.add(Long.parseLong(line.substring(4)));
                    }
                }
            } catch (IOException e) {
                // The pipe closes when the child dies.
            }
        });
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acks.size() < atLeast && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive()).as("the writer is still writing").isTrue();
            assertThat(acks).as("acknowledged before the deadline").hasSizeGreaterThanOrEqualTo(atLeast);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        reader.join();
        return acks;
    }
}
