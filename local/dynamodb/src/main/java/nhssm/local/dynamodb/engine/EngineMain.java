package nhssm.local.dynamodb.engine;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The engine as its own process: {@code --port N} (default 8000), {@code --data-dir DIR} (durable) or
 * {@code --in-memory}. Prints the endpoint once it serves and runs until killed.
 */
public final class EngineMain {

    private EngineMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8000;
        Optional<Path> dataDir = Optional.empty();
        boolean inMemory = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(args, ++i, "--data-dir")));
                case "--in-memory" -> inMemory = true;
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (inMemory == dataDir.isPresent()) {
            usage("give exactly one of --data-dir DIR or --in-memory");
        }
        DynamoDbEngine engine = DynamoDbEngine.start(port, dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "dynamodb-engine-shutdown"));
        System.out.println("DynamoDB engine serving " + engine.endpoint()
                + dataDir.map(d -> " durable in " + d).orElse(" in memory"));
        new CountDownLatch(1).await();
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            usage(flag + " needs a value");
        }
        return args[index];
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: EngineMain [--port N] (--data-dir DIR | --in-memory)");
        System.exit(2);
    }
}
