package nhssm.local.dynamodb;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

import nhssm.local.dynamodb.engine.EngineOptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * For tests: an in-memory DynamoDB engine on a free loopback port, its client, and fresh
 * tables made exactly like template.yaml's {@code SurveyTable}. Test classes can share one server
 * and stay isolated by each taking its own {@link #newTable()}; {@link LocalDynamoDbExtension} gives a
 * test class one server, started and stopped around it.
 */
public final class LocalDynamoDb implements AutoCloseable {

    private final DynamoDbEngineServer server;
    private final TemplateTable table;

    private LocalDynamoDb(DynamoDbEngineServer server, TemplateTable table) {
        this.server = server;
        this.table = table;
    }

    /**
     * Starts in memory, with the {@code SurveyTable} of the template.yaml found by
     * {@link TemplateTable#locateTemplate()}. The template is read before the server starts, so a
     * bad one leaves nothing running.
     */
    public static LocalDynamoDb start() {
        return start(TemplateTable.surveyTable());
    }

    /**
     * Starts in memory; {@link #newTable()} creates tables like {@code table}. Expired items are not swept:
     * tests run on fixed clocks, by which the wall clock's TTLs mean nothing, and the service promises
     * deletion only within days.
     */
    public static LocalDynamoDb start(TemplateTable table) {
        return new LocalDynamoDb(DynamoDbEngineServer.start(EngineOptions.defaults().withoutTtlSweep()), table);
    }

    /** Starts in memory with the table {@code logicalId} of {@code templateYaml}. */
    public static LocalDynamoDb start(Path templateYaml, String logicalId) {
        return start(TemplateTable.fromTemplate(templateYaml, logicalId));
    }

    /** Creates the template's table under a new unique name, ACTIVE and with its TTL set, and returns the name. */
    public String newTable() {
        String name = table.logicalId() + "-" + UUID.randomUUID();
        table.createIn(server.client(), name);
        return name;
    }

    /** The shared client of the server; do not close it. */
    public DynamoDbClient client() {
        return server.client();
    }

    /** The shared streams client of the server; do not close it. */
    public DynamoDbStreamsClient streamsClient() {
        return server.streamsClient();
    }

    /** The server's base URI, {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** The running server. */
    public DynamoDbEngineServer server() {
        return server;
    }

    /** The template table that {@link #newTable()} creates. */
    public TemplateTable table() {
        return table;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }
}
