package nhssm.local.dynamodb.engine.storage;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import nhssm.local.dynamodb.engine.stream.ItemChange;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * The child process of {@link WriteAheadLogCrashTest}: appends writes from several threads without end and
 * prints {@code ack <id>} (ids counting from the third argument) for each once its append has returned, as the engine would acknowledge it. It is
 * killed, never stopped.
 */
public final class WalCrashWriter {

    private WalCrashWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        WriteAheadLog log = WriteAheadLog.open(Path.of(args[0]));
        int threads = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        AtomicLong ids = new AtomicLong(Long.parseLong(args[2]));
        String padding = "x".repeat(2000);
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().start(() -> {
                while (true) {
                    long id = ids.incrementAndGet();
                    Map<String, AttributeValue> item = Map.of("pk", new AttributeValue.S("item-" + id),
                            "n", new AttributeValue.N(BigDecimal.valueOf(id)), "padding", new AttributeValue.S(padding));
                    log.appendItems("T", Instant.now(), List.of(new ItemChange(Map.of("pk", item.get("pk")),
                            Optional.empty(), Optional.of(item))), false);
                    synchronized (out) {
                        out.println("ack " + id);
                        out.flush();
                    }
                }
            });
        }
        Thread.currentThread().join();
    }
}
