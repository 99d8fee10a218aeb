package nhssm.local.dynamodb.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.engine.operation.Operations;
import nhssm.local.dynamodb.engine.server.HttpEndpoint;
import nhssm.local.dynamodb.engine.storage.WriteAheadLog;
import nhssm.local.dynamodb.engine.stream.Streams;
import nhssm.local.dynamodb.engine.table.Database;
import nhssm.local.dynamodb.engine.table.TtlReaper;

/**
 * nhssm's DynamoDB-compatible engine serving DynamoDB's JSON 1.0 protocol (and the DynamoDB Streams API) on
 * 127.0.0.1, in memory or durable in a directory (every acknowledged write is in its write-ahead log).
 *
 * <pre>{@code
 * try (DynamoDbEngine engine = DynamoDbEngine.startInMemory()) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(engine.endpoint())...build();
 * }
 * }</pre>
 */
public final class DynamoDbEngine implements AutoCloseable {

    /** The account every ARN names: the engine has no accounts. */
    public static final String ACCOUNT = "000000000000";

    private final EngineOptions options;
    private final Database database;
    private final Operations operations;
    private final Optional<WriteAheadLog> log;
    private final TtlReaper reaper;
    private final int port;
    // Null while stopped.
    private HttpEndpoint endpoint;
    private boolean closed;

    private DynamoDbEngine(EngineOptions options, Database database, Operations operations, Optional<WriteAheadLog> log,
            HttpEndpoint endpoint) {
        this.options = options;
        this.database = database;
        this.operations = operations;
        this.log = log;
        this.endpoint = endpoint;
        this.port = endpoint.port();
        this.reaper = TtlReaper.start(database, options.ttlInterval());
    }

    /** In memory, on a free port of 127.0.0.1. */
    public static DynamoDbEngine startInMemory() {
        return start(EngineOptions.defaults());
    }

    /** On {@code port} (0 for a free one), durable in {@code dataDir} if given, else in memory. */
    public static DynamoDbEngine start(int port, Optional<Path> dataDir) {
        return start(EngineOptions.defaults().withPort(port).withDataDir(dataDir));
    }

    /** As {@code options} say; with a data directory, first rebuilt from its log. */
    public static DynamoDbEngine start(EngineOptions options) {
        Optional<WriteAheadLog> log = options.dataDir().map(dir -> WriteAheadLog.open(createDirectories(dir),
                options.clock(), WriteAheadLog.DEFAULT_COMPACT_ABOVE_BYTES));
        try {
            Database database = new Database(new Streams(options.clock(), options.region(), ACCOUNT), log, options.clock(), options.region(), ACCOUNT);
            Operations operations = new Operations(database);
            database.replay(operations.replay());
            HttpEndpoint endpoint = HttpEndpoint.start(options.port(), service(operations, database), options.region());
            return new DynamoDbEngine(options, database, operations, log, endpoint);
        } catch (IOException e) {
            log.ifPresent(WriteAheadLog::close);
            throw new UncheckedIOException("the engine could not listen on 127.0.0.1:" + options.port(), e);
        } catch (RuntimeException e) {
            log.ifPresent(WriteAheadLog::close);
            throw e;
        }
    }

    private static HttpEndpoint.Service service(Operations operations, Database database) {
        return new HttpEndpoint.Service() {
            @Override
            public JsonNode dynamoDb(String operation, JsonNode request) {
                return operations.handle(operation, request);
            }

            @Override
            public JsonNode streams(String operation, JsonNode request) {
                return database.streams().handle(operation, request);
            }
        };
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Where it is durable, or empty if in memory. */
    public Optional<Path> dataDir() {
        return options.dataDir();
    }

    /** Whether it is serving: started, not stopped and not closed. */
    public synchronized boolean serving() {
        return endpoint != null;
    }

    /** Stops serving as an outage would (the port freed, every call refused), keeping the data. Idempotent. */
    public synchronized void stop() {
        ensureOpen();
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }

    /** Serves again after {@link #stop()}, on the same port with the same data. Idempotent. */
    public synchronized void restart() {
        ensureOpen();
        if (endpoint != null) {
            return;
        }
        try {
            endpoint = HttpEndpoint.start(port, service(operations, database), options.region());
        } catch (IOException e) {
            throw new UncheckedIOException("the engine could not listen again on 127.0.0.1:" + port, e);
        }
    }

    /** Stops serving, frees the port and closes the log. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        reaper.close();
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
        log.ifPresent(WriteAheadLog::close);
    }

    /** Sweeps expired items now, as the background sweep does (for tests that move the clock). */
    public void sweepExpiredItems() {
        reaper.sweep();
    }

    @Override
    public String toString() {
        return "DynamoDbEngine[" + endpoint() + ", " + options.dataDir().map(Path::toString).orElse("in memory") + "]";
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the engine on " + endpoint() + " is closed");
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the engine's data directory " + dir, e);
        }
    }
}
