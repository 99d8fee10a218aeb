package nhssm.local.dynamodb;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.cli.ParseException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.dynamodb.services.local.main.CommandLineInput;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local running in this JVM as a real HTTP server on 127.0.0.1 only, so that the SDK's
 * whole HTTP path is exercised. In memory or persisted under a directory; telemetry disabled.
 *
 * <p>One database is shared by every access key and region ({@code -sharedDb}), so clients built
 * elsewhere (a function under the local runtime, say) see the same tables as {@link #client()}.
 *
 * <pre>{@code
 * try (var server = DynamoDbLocalServer.startInMemory()) {
 *     server.client().listTables();
 * }
 * }</pre>
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    /** The region every client of the local server uses. */
    public static final Region REGION = Region.EU_WEST_2;

    private static final String LOOPBACK = "127.0.0.1";
    // DynamoDB Local accepts any key id made of letters and digits only.
    private static final AwsBasicCredentials DUMMY_CREDENTIALS =
            AwsBasicCredentials.create("nhssmlocal", "nhssmlocal");
    // ServerRunner rejects port 0; the connector is set to the port asked for before starting.
    private static final int PLACEHOLDER_PORT = 8000;

    private final Optional<Path> dataDir;
    private final URI endpoint;
    // Replaced by restart(); null while stopped.
    private DynamoDBProxyServer proxy;
    private ServerConnector connector;
    private DynamoDbClient client;
    private DynamoDbStreamsClient streamsClient;
    private boolean closed;

    private DynamoDbLocalServer(DynamoDBProxyServer proxy, ServerConnector connector, Optional<Path> dataDir) {
        this.proxy = proxy;
        this.connector = connector;
        this.dataDir = dataDir;
        this.endpoint = URI.create("http://" + LOOPBACK + ":" + connector.getLocalPort());
    }

    /** Starts an in-memory server on a free port. */
    public static DynamoDbLocalServer startInMemory() {
        return start(0, Optional.empty());
    }

    /** Starts a server on a free port that persists its database under {@code dataDir}. */
    public static DynamoDbLocalServer startPersistent(Path dataDir) {
        return start(0, Optional.of(dataDir));
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param port the port to listen on, or 0 for a free one (see {@link #port()})
     * @param dataDir the directory to persist the database in (created if missing), or empty to keep it in memory
     * @throws LocalDynamoDbException if the server cannot start, for example because the port is taken
     */
    public static DynamoDbLocalServer start(int port, Optional<Path> dataDir) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (a free port) or 1-65535, not " + port);
        }
        DynamoDBProxyServer proxy = startProxy(port, dataDir);
        return new DynamoDbLocalServer(proxy, connectorOf(proxy), dataDir);
    }

    private static DynamoDBProxyServer startProxy(int port, Optional<Path> dataDir) {
        List<String> args = new ArrayList<>(List.of(
                "-port", Integer.toString(port == 0 ? PLACEHOLDER_PORT : port),
                "-sharedDb",
                "-disableTelemetry"));
        if (dataDir.isPresent()) {
            args.addAll(List.of("-dbPath", createDirectories(dataDir.get()).toString()));
        } else {
            args.add("-inMemory");
        }

        // ServerRunner.createServerFromCommandLineArgs without the configuration banner it prints on stdout.
        DynamoDBProxyServer proxy;
        try {
            CommandLineInput input = new CommandLineInput(args.toArray(String[]::new));
            if (!input.init()) {
                throw new LocalDynamoDbException("DynamoDB Local rejected its arguments " + args);
            }
            proxy = ServerRunner.createServer(input);
        } catch (ParseException | RuntimeException e) {
            throw new LocalDynamoDbException("DynamoDB Local rejected its arguments " + args, e);
        }

        // The proxy builds its Jetty server with new Server(port), which listens on every interface.
        ServerConnector connector = connectorOf(proxy);
        connector.setHost(LOOPBACK);
        connector.setPort(port);
        try {
            // safeStart starts Jetty and lets a bind failure through; start() would print and swallow it.
            proxy.safeStart();
        } catch (Exception e) {
            stopQuietly(proxy, e);
            throw new LocalDynamoDbException("DynamoDB Local could not start on " + LOOPBACK + ":" + port, e);
        }
        if (connector.getLocalPort() <= 0) {
            LocalDynamoDbException failure =
                    new LocalDynamoDbException("DynamoDB Local started but is not listening on " + LOOPBACK + ":" + port);
            stopQuietly(proxy, failure);
            throw failure;
        }
        return proxy;
    }

    /** The base URI of the server, {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The port the server listens on. */
    public int port() {
        return endpoint.getPort();
    }

    /** The interface the server's connector is bound to: always {@code 127.0.0.1}. */
    public synchronized String host() {
        return connector.getHost();
    }

    /**
     * Stops serving, as an outage would: the port is freed and every call fails to connect, while the
     * clients stay usable for when {@link #restart()} serves again. Only a persisted server can stop, so
     * that nothing is lost. Idempotent.
     */
    public synchronized void stop() {
        ensureOpen();
        if (dataDir.isEmpty()) {
            throw new IllegalStateException("an in-memory DynamoDB Local would lose its data when stopped: persist it");
        }
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new LocalDynamoDbException("DynamoDB Local on " + endpoint + " did not stop cleanly", e);
        } finally {
            proxy = null;
        }
    }

    /** Serves again after {@link #stop()}, on the same port and from the same data. Idempotent. */
    public synchronized void restart() {
        ensureOpen();
        if (proxy != null) {
            return;
        }
        proxy = startProxy(port(), dataDir);
        connector = connectorOf(proxy);
    }

    /** Whether it is serving: started and not stopped. */
    public synchronized boolean serving() {
        return !closed && proxy != null;
    }

    /** Where the database is persisted, or empty if it is in memory. */
    public Optional<Path> dataDir() {
        return dataDir;
    }

    /**
     * A DynamoDB client for this server (URL-connection HTTP client, region eu-west-2, dummy
     * credentials). Shared and owned by the server: do not close it, {@link #close()} does.
     */
    public synchronized DynamoDbClient client() {
        ensureOpen();
        if (client == null) {
            client = DynamoDbClient.builder()
                    .endpointOverride(endpoint)
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
                    .endpointOverride(endpoint)
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
        if (client != null) {
            client.close();
        }
        if (streamsClient != null) {
            streamsClient.close();
        }
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new LocalDynamoDbException("DynamoDB Local on " + endpoint + " did not stop cleanly", e);
        }
    }

    @Override
    public String toString() {
        return "DynamoDbLocalServer[" + endpoint + ", " + dataDir.map(Path::toString).orElse("in memory") + "]";
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("DynamoDB Local on " + endpoint + " is closed");
        }
    }

    private static ServerConnector connectorOf(DynamoDBProxyServer proxy) {
        Server jetty;
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            jetty = (Server) field.get(proxy);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new LocalDynamoDbException(
                    "cannot reach the Jetty server inside DynamoDBProxyServer (has DynamoDB Local changed?)", e);
        }
        Connector[] connectors = jetty.getConnectors();
        if (connectors.length != 1 || !(connectors[0] instanceof ServerConnector connector)) {
            throw new LocalDynamoDbException(
                    "expected DynamoDB Local's Jetty server to have one ServerConnector, found " + List.of(connectors));
        }
        return connector;
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new LocalDynamoDbException("cannot create the DynamoDB Local data directory " + dir, e);
        }
    }

    private static void stopQuietly(DynamoDBProxyServer proxy, Exception primary) {
        try {
            proxy.stop();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }
}
