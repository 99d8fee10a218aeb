package nhssm.local.dynamodb;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import nhssm.local.dynamodb.engine.DynamoDbEngine;
import nhssm.local.dynamodb.engine.EngineOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * nhssm's own DynamoDB engine ({@link DynamoDbEngine}) running in this JVM as a real HTTP server on
 * 127.0.0.1 only, so that the SDK's whole HTTP path is exercised, with its clients. In memory or durable
 * under a directory.
 *
 * <p>One database is shared by every access key and region, so clients built elsewhere (a function under
 * the local runtime, say) see the same tables as {@link #client()}.
 *
 * <pre>{@code
 * try (var server = DynamoDbEngineServer.startInMemory()) {
 *     server.client().listTables();
 * }
 * }</pre>
 */
public final class DynamoDbEngineServer implements AutoCloseable {

    /** The region every client of the local server uses. */
    public static final Region REGION = Region.EU_WEST_2;

    private static final String LOOPBACK = "127.0.0.1";
    private static final AwsBasicCredentials DUMMY_CREDENTIALS =
            AwsBasicCredentials.create("nhssmlocal", "nhssmlocal");

    private final DynamoDbEngine engine;
    private DynamoDbClient client;
    private DynamoDbStreamsClient streamsClient;
    private boolean closed;

    private DynamoDbEngineServer(DynamoDbEngine engine) {
        this.engine = engine;
    }

    /** Starts an in-memory server on a free port. */
    public static DynamoDbEngineServer startInMemory() {
        return start(0, Optional.empty());
    }

    /** Starts a server on a free port that keeps its database durable under {@code dataDir}. */
    public static DynamoDbEngineServer startPersistent(Path dataDir) {
        return start(0, Optional.of(dataDir));
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param port the port to listen on, or 0 for a free one (see {@link #port()})
     * @param dataDir the directory to keep the database in (created if missing), or empty to keep it in memory
     * @throws LocalDynamoDbException if the server cannot start, for example because the port is taken
     */
    public static DynamoDbEngineServer start(int port, Optional<Path> dataDir) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (a free port) or 1-65535, not " + port);
        }
        return start(EngineOptions.defaults().withPort(port).withDataDir(dataDir));
    }

    /** Starts a server as {@code options} say (its clock, its TTL sweep, …). */
    public static DynamoDbEngineServer start(EngineOptions options) {
        try {
            return new DynamoDbEngineServer(DynamoDbEngine.start(options));
        } catch (UncheckedIOException e) {
            throw new LocalDynamoDbException("the DynamoDB engine could not start on " + LOOPBACK + ":" + options.port(), e);
        }
    }

    /** The base URI of the server, {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return engine.endpoint();
    }

    /** The port the server listens on. */
    public int port() {
        return engine.port();
    }

    /** The interface the server listens on: always {@code 127.0.0.1}. */
    public String host() {
        return LOOPBACK;
    }

    /**
     * Stops serving, as an outage would: the port is freed and every call fails to connect, while the
     * clients stay usable for when {@link #restart()} serves again, with the same data. Idempotent.
     */
    public synchronized void stop() {
        ensureOpen();
        engine.stop();
    }

    /** Serves again after {@link #stop()}, on the same port and with the same data. Idempotent. */
    public synchronized void restart() {
        ensureOpen();
        try {
            engine.restart();
        } catch (UncheckedIOException e) {
            throw new LocalDynamoDbException("the DynamoDB engine could not serve again on " + endpoint(), e);
        }
    }

    /** Whether it is serving: started and not stopped. */
    public synchronized boolean serving() {
        return !closed && engine.serving();
    }

    /** Where the database is kept, or empty if it is in memory. */
    public Optional<Path> dataDir() {
        return engine.dataDir();
    }

    /**
     * A DynamoDB client for this server (URL-connection HTTP client, region eu-west-2, dummy
     * credentials). Shared and owned by the server: do not close it, {@link #close()} does.
     */
    public synchronized DynamoDbClient client() {
        ensureOpen();
        if (client == null) {
            client = DynamoDbClient.builder()
                    .endpointOverride(endpoint())
                    .region(REGION)
                    .credentialsProvider(StaticCredentialsProvider.create(DUMMY_CREDENTIALS))
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
        }
        return client;
    }

    /** A DynamoDB Streams client for this server, configured and owned like {@link #client()}. */
    public synchronized DynamoDbStreamsClient streamsClient() {
        ensureOpen();
        if (streamsClient == null) {
            streamsClient = DynamoDbStreamsClient.builder()
                    .endpointOverride(endpoint())
                    .region(REGION)
                    .credentialsProvider(StaticCredentialsProvider.create(DUMMY_CREDENTIALS))
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
        }
        return streamsClient;
    }

    /** Closes the clients and stops the server, freeing its port. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (client != null) {
                client.close();
            }
            if (streamsClient != null) {
                streamsClient.close();
            }
        } finally {
            engine.close();
        }
    }

    @Override
    public String toString() {
        return "DynamoDbEngineServer[" + endpoint() + ", " + dataDir().map(Path::toString).orElse("in memory") + "]";
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the DynamoDB engine on " + endpoint() + " is closed");
        }
    }
}
