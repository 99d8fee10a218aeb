package nhssm.local;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import nhssm.core.time.ServiceClock;
import nhssm.core.token.TokenHash;
import nhssm.local.dynamodb.DynamoDbEngineServer;
import nhssm.local.dynamodb.TemplateTable;
import nhssm.local.dynamodb.engine.EngineOptions;
import nhssm.local.http.HttpApiServer;
import nhssm.local.lambda.FunctionArtifacts;
import nhssm.local.lambda.FunctionInvoker;
import nhssm.local.lambda.LocalFunctions;
import nhssm.local.stream.StreamPump;
import nhssm.local.template.SamTemplate;
import nhssm.local.template.TemplateReader;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The whole system on one machine, as template.yaml declares it: the DynamoDB engine with the template's
 * tables, every function in its own JVM from its packaged artifact, the HTTP API in front of them and
 * the stream event source mappings behind. Closing it stops everything, in reverse order.
 */
public final class LocalSystem implements AutoCloseable {

    private final DynamoDbEngineServer dynamo;
    private final LocalFunctions functions;
    private final HttpApiServer api;
    private final StreamPump pump;
    private final SamTemplate template;

    private LocalSystem(DynamoDbEngineServer dynamo, LocalFunctions functions, HttpApiServer api, StreamPump pump,
            SamTemplate template) {
        this.dynamo = dynamo;
        this.functions = functions;
        this.api = api;
        this.pump = pump;
        this.template = template;
    }

    /** Starts everything, logging to {@code log}; the functions' stderr goes to System.err. */
    public static LocalSystem start(LocalConfig config, PrintStream log) {
        return start(config, log, System.err);
    }

    /**
     * Starts everything. {@code log} receives what the system says (tables, one line per HTTP request,
     * stream deliveries) and the functions' stdout; {@code errors} the functions' stderr and their
     * containers' notices.
     */
    public static LocalSystem start(LocalConfig config, PrintStream log, PrintStream errors) {
        Path templateYaml = config.projectRoot().resolve("template.yaml");
        DynamoDbEngineServer dynamo = DynamoDbEngineServer.start(
                database(config.dynamoPort(), config.dataDir(), config.clockFrom()));
        try {
            SamTemplate template = TemplateReader.read(templateYaml, references(templateYaml, config.adminToken()));
            Map<String, String> tables = createTables(templateYaml, template, dynamo, log);
            Map<String, Path> artifacts = FunctionArtifacts.layOutAll(config.projectRoot(), template, config.workDir());
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
            config.clockFrom().ifPresent(at -> overrides.put(ServiceClock.VARIABLE, at.toString()));
            LocalFunctions functions = new LocalFunctions(template, artifacts, overrides,
                    LocalFunctions.DEFAULT_MAX_CONCURRENCY, log, errors);
            HttpApiServer api = HttpApiServer.start(template, functions, config.apiPort(), log::println);
            try {
                StreamPump pump = StreamPump.start(template, tables, dynamo.client(), dynamo.streamsClient(), functions,
                        StreamPump.Options.defaults().withLog(log::println));
                return new LocalSystem(dynamo, functions, api, pump, template);
            } catch (RuntimeException e) {
                // Its port and any container started so far are released with the rest.
                api.close();
                functions.close();
                throw e;
            }
        } catch (RuntimeException e) {
            dynamo.close();
            throw e;
        }
    }

    /** What the template's !Ref names resolve to locally: tables by logical id, parameters by value. */
    static Map<String, String> references(Path templateYaml, String adminToken) {
        Map<String, String> refs = new LinkedHashMap<>();
        TemplateReader.tableLogicalIds(templateYaml).forEach(id -> refs.put(id, id));
        refs.put("AdminTokenSha256", TokenHash.of(adminToken).hex());
        return refs;
    }

    /**
     * How the DynamoDB engine runs: on the functions' clock (from {@code clockFrom}, as ServiceClock starts
     * theirs), so that an item's TTL passes when the functions think it does.
     */
    static EngineOptions database(int port, Optional<Path> dataDir, Optional<Instant> clockFrom) {
        Clock clock = ServiceClock.fromEnvironment(
                clockFrom.map(at -> Map.of(ServiceClock.VARIABLE, at.toString())).orElse(Map.of()));
        return EngineOptions.defaults().withPort(port).withDataDir(dataDir).withClock(clock);
    }

    /** Creates each table of the template that the DynamoDB engine does not have yet (persisted ones are kept). */
    static Map<String, String> createTables(Path templateYaml, SamTemplate template, DynamoDbEngineServer dynamo,
            PrintStream log) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String logicalId : template.tableLogicalIds()) {
            try {
                dynamo.client().describeTable(b -> b.tableName(logicalId));
                log.println("table " + logicalId + ": kept (persisted)");
            } catch (ResourceNotFoundException e) {
                TemplateTable.fromTemplate(templateYaml, logicalId).createIn(dynamo.client(), logicalId);
                log.println("table " + logicalId + ": created as template.yaml declares it");
            }
            names.put(logicalId, logicalId);
        }
        return names;
    }

    public URI apiUri() {
        return api.baseUri();
    }

    public URI dynamoEndpoint() {
        return dynamo.endpoint();
    }

    public DynamoDbEngineServer dynamo() {
        return dynamo;
    }

    /** The functions, to invoke one directly as {@code nhssm invoke} does (a stream batch, say). */
    public FunctionInvoker functions() {
        return functions;
    }

    public SamTemplate template() {
        return template;
    }

    @Override
    public void close() {
        // Stop the inputs first, so nothing is half-delivered to a function that is going away.
        pump.close();
        api.close();
        functions.close();
        dynamo.close();
    }
}
