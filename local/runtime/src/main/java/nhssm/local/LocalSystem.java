package nhssm.local;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nhssm.core.time.ServiceClock;
import nhssm.core.token.TokenHash;
import nhssm.local.dynamodb.DynamoDbLocalServer;
import nhssm.local.dynamodb.TemplateTable;
import nhssm.local.http.HttpApiServer;
import nhssm.local.lambda.FunctionArtifacts;
import nhssm.local.lambda.FunctionInvoker;
import nhssm.local.lambda.LocalFunctions;
import nhssm.local.stream.StreamPump;
import nhssm.local.template.SamTemplate;
import nhssm.local.template.TemplateReader;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The whole system on one machine, as template.yaml declares it: DynamoDB Local with the template's
 * tables, every function in its own JVM from its packaged artifact, the HTTP API in front of them and
 * the stream event source mappings behind. Closing it stops everything, in reverse order.
 */
public final class LocalSystem implements AutoCloseable {

    private final DynamoDbLocalServer dynamo;
    private final LocalFunctions functions;
    private final HttpApiServer api;
    private final StreamPump pump;
    private final SamTemplate template;

    private LocalSystem(DynamoDbLocalServer dynamo, LocalFunctions functions, HttpApiServer api, StreamPump pump,
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
        DynamoDbLocalServer dynamo = DynamoDbLocalServer.start(config.dynamoPort(), config.dataDir());
        try {
            SamTemplate template = TemplateReader.read(templateYaml, references(templateYaml, config.adminToken()));
            Map<String, String> tables = createTables(templateYaml, template, dynamo, log);
            Map<String, Path> artifacts = FunctionArtifacts.layOutAll(config.projectRoot(), template, config.workDir());
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
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

    /** Creates each table of the template that DynamoDB Local does not have yet (persisted ones are kept). */
    static Map<String, String> createTables(Path templateYaml, SamTemplate template, DynamoDbLocalServer dynamo,
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

    public DynamoDbLocalServer dynamo() {
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
