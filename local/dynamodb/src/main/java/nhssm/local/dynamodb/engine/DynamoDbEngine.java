package nhssm.local.dynamodb.engine;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * STUB to be replaced by the engine-core branch: nhssm's DynamoDB-compatible engine serving DynamoDB's
 * JSON 1.0 protocol on 127.0.0.1, in memory or durable in a directory.
 */
public final class DynamoDbEngine implements AutoCloseable {

    /** In memory, on a free port of 127.0.0.1. */
    public static DynamoDbEngine startInMemory() {
        throw new UnsupportedOperationException("stub");
    }

    /** On {@code port} (0 for a free one), durable in {@code dataDir} if given, else in memory. */
    public static DynamoDbEngine start(int port, Optional<Path> dataDir) {
        throw new UnsupportedOperationException("stub");
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        throw new UnsupportedOperationException("stub");
    }

    public int port() {
        throw new UnsupportedOperationException("stub");
    }

    /** Stops serving as an outage would (the port freed, every call refused), keeping the data. */
    public void stop() {
        throw new UnsupportedOperationException("stub");
    }

    /** Serves again after {@link #stop()}, on the same port with the same data. */
    public void restart() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void close() {
    }
}
