package nhssm.local.template;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.CloudFormationYaml;
import nhssm.local.dynamodb.LocalDynamoDbException;

/**
 * Reads template.yaml into a {@link SamTemplate}: every {@code AWS::Serverless::Function} with
 * {@code Globals.Function} merged under its own Properties as SAM merges them (maps merged key by
 * key, lists appended to the globals', anything else, and any intrinsic, taken from the function),
 * its HttpApi and DynamoDB events, and the {@code AWS::DynamoDB::Table} resources.
 *
 * <p>Defaults are SAM's and Lambda's: Timeout 3 s, MemorySize 128 MB; for a DynamoDB event
 * BatchSize 100, no batching window, MaximumRetryAttempts -1 (until the record expires). A
 * DynamoDB event with {@code Enabled: false} is left out, as its mapping would not deliver. Other
 * event types (Schedule, SQS, REST Api...) are not emulated and are left out.
 *
 * <p>Intrinsics in the values the local runtime uses are resolved against {@code references}:
 * {@code !Ref X} is {@code references.get(X)} (table logical ids map to the local table names,
 * parameter names to their values), falling back to a parameter's Default; {@code !Sub} over such
 * references is expanded. A parameter of an SSM type ({@code AWS::SSM::Parameter::Value<String>}) must be given in
 * {@code references}: its Default is the name of the SSM parameter, not its value. Any other intrinsic there, or a Ref with no value, is a
 * {@link TemplateException} naming the function, the property and the reference.
 */
public final class TemplateReader {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_MEMORY_MB = 128;
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int DEFAULT_MAXIMUM_RETRY_ATTEMPTS = -1;

    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String SSM_PARAMETER = "AWS::SSM::Parameter::Value<";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");
    private static final Set<String> STARTING_POSITIONS = Set.of("TRIM_HORIZON", "LATEST");

    private final String source;
    private final JsonNode root;
    private final Map<String, String> references;

    private TemplateReader(String source, JsonNode root, Map<String, String> references) {
        this.source = source;
        this.root = root;
        this.references = Map.copyOf(references);
    }

    /**
     * Reads the template at {@code templateYaml}.
     *
     * @param references values for {@code !Ref}: table logical id → local table name, parameter → value
     * @throws TemplateException if the file cannot be read, or a function cannot be run locally as declared
     */
    public static SamTemplate read(Path templateYaml, Map<String, String> references) {
        JsonNode root;
        try {
            root = CloudFormationYaml.read(templateYaml);
        } catch (LocalDynamoDbException e) {
            throw new TemplateException(e.getMessage(), e);
        }
        return new TemplateReader(templateYaml.toString(), root, references).template();
    }

    /**
     * The logical ids of the template's {@code AWS::DynamoDB::Table} resources, in template order:
     * the names a caller maps to local table names before {@link #read}.
     *
     * @throws TemplateException if the file cannot be read
     */
    public static List<String> tableLogicalIds(Path templateYaml) {
        try {
            return tableLogicalIds(CloudFormationYaml.read(templateYaml));
        } catch (LocalDynamoDbException e) {
            throw new TemplateException(e.getMessage(), e);
        }
    }

    private static List<String> tableLogicalIds(JsonNode root) {
        List<String> tables = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : root.path("Resources").properties()) {
            if (resource.getValue().path("Type").asText().equals(TABLE)) {
                tables.add(resource.getKey());
            }
        }
        return List.copyOf(tables);
    }

    private SamTemplate template() {
        List<String> tables = tableLogicalIds(root);
        List<FunctionDefinition> functions = new ArrayList<>();
        JsonNode globals = root.path("Globals").path("Function");
        for (Map.Entry<String, JsonNode> resource : root.path("Resources").properties()) {
            if (resource.getValue().path("Type").asText().equals(FUNCTION)) {
                JsonNode properties = merge(globals, resource.getValue().path("Properties"));
                functions.add(function(resource.getKey(), properties, tables));
            }
        }
        return new SamTemplate(functions, tables);
    }

    private FunctionDefinition function(String id, JsonNode p, List<String> tables) {
        String where = source + ": " + id;
        if (p.path("PackageType").asText("Zip").equals("Image")) {
            throw new TemplateException(where + " is a container image function, which cannot run locally without Docker");
        }
        String handler = string(p.path("Handler"), where + " Handler");
        String runtime = string(p.path("Runtime"), where + " Runtime");
        int timeout = p.has("Timeout") ? integer(p.get("Timeout"), where + " Timeout") : (int) DEFAULT_TIMEOUT.toSeconds();
        if (timeout < 1 || timeout > 900) {
            throw new TemplateException(where + " Timeout is " + timeout + " s; Lambda allows 1 to 900");
        }
        int memory = p.has("MemorySize") ? integer(p.get("MemorySize"), where + " MemorySize") : DEFAULT_MEMORY_MB;
        if (memory < 128 || memory > 10240) {
            throw new TemplateException(where + " MemorySize is " + memory + " MB; Lambda allows 128 to 10240");
        }

        Map<String, String> environment = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> v : p.path("Environment").path("Variables").properties()) {
            environment.put(v.getKey(), string(v.getValue(), where + " Environment.Variables." + v.getKey()));
        }

        List<HttpRoute> routes = new ArrayList<>();
        List<StreamSource> streams = new ArrayList<>();
        for (Map.Entry<String, JsonNode> event : p.path("Events").properties()) {
            String eventWhere = where + " Events." + event.getKey();
            JsonNode ep = event.getValue().path("Properties");
            switch (event.getValue().path("Type").asText()) {
                case "HttpApi" -> routes.add(httpRoute(ep, eventWhere));
                case "DynamoDB" -> {
                    if (!ep.has("Enabled") || bool(ep.get("Enabled"), eventWhere + " Enabled")) {
                        streams.add(streamSource(event.getKey(), ep, eventWhere, tables));
                    }
                }
                default -> {
                    // not emulated locally
                }
            }
        }
        boolean snapStart = p.path("SnapStart").has("ApplyOn")
                && string(p.path("SnapStart").get("ApplyOn"), where + " SnapStart.ApplyOn").equals("PublishedVersions");
        return new FunctionDefinition(id, handler, runtime, Duration.ofSeconds(timeout), memory, environment, routes,
                streams, snapStart, logging(p.path("LoggingConfig"), where + " LoggingConfig"));
    }

    private LogConfig logging(JsonNode config, String where) {
        if (config.isMissingNode()) {
            return LogConfig.TEXT;
        }
        return LogConfig.of(config.has("LogFormat") ? string(config.get("LogFormat"), where + ".LogFormat") : "Text",
                optional(config, "ApplicationLogLevel", where), optional(config, "SystemLogLevel", where), where);
    }

    private Optional<String> optional(JsonNode config, String name, String where) {
        return config.has(name) ? Optional.of(string(config.get(name), where + "." + name)) : Optional.empty();
    }

    private HttpRoute httpRoute(JsonNode p, String where) {
        if (!p.has("Path") || !p.has("Method")) {
            throw new TemplateException(where + ": an HttpApi event needs both Path and Method locally"
                    + " (the $default catch-all route is not emulated)");
        }
        return new HttpRoute(string(p.get("Method"), where + " Method").toUpperCase(java.util.Locale.ROOT),
                string(p.get("Path"), where + " Path"));
    }

    private StreamSource streamSource(String eventId, JsonNode p, String where, List<String> tables) {
        String table = streamTable(p.path("Stream"), where + " Stream");
        if (!tables.contains(table)) {
            throw new TemplateException(where + " Stream refers to " + table + ", which is not an " + TABLE
                    + " of the template (tables: " + tables + ")");
        }
        if (!p.has("StartingPosition")) {
            throw new TemplateException(where + " has no StartingPosition (TRIM_HORIZON or LATEST)");
        }
        String startingPosition = string(p.get("StartingPosition"), where + " StartingPosition");
        if (!STARTING_POSITIONS.contains(startingPosition)) {
            throw new TemplateException(where + " StartingPosition is " + startingPosition
                    + "; a DynamoDB stream takes TRIM_HORIZON or LATEST");
        }
        int batchSize = p.has("BatchSize") ? integer(p.get("BatchSize"), where + " BatchSize") : DEFAULT_BATCH_SIZE;
        if (batchSize < 1 || batchSize > 10000) {
            throw new TemplateException(where + " BatchSize is " + batchSize + "; Lambda allows 1 to 10000");
        }
        int window = p.has("MaximumBatchingWindowInSeconds")
                ? integer(p.get("MaximumBatchingWindowInSeconds"), where + " MaximumBatchingWindowInSeconds") : 0;

        List<JsonNode> patterns = new ArrayList<>();
        JsonNode filters = p.path("FilterCriteria").path("Filters");
        for (int i = 0; i < filters.size(); i++) {
            String patternWhere = where + " FilterCriteria.Filters[" + i + "].Pattern";
            JsonNode pattern = filters.get(i).path("Pattern");
            if (pattern.isObject() && !isIntrinsic(pattern)) {
                patterns.add(pattern);
                continue;
            }
            String text = string(pattern, patternWhere);
            try {
                JsonNode parsed = JSON.readTree(text);
                if (parsed == null || !parsed.isObject()) {
                    throw new TemplateException(patternWhere + " is not a JSON object: " + text);
                }
                patterns.add(parsed);
            } catch (JsonProcessingException e) {
                throw new TemplateException(patternWhere + " is not valid JSON (" + e.getOriginalMessage() + "): " + text, e);
            }
        }

        boolean reportBatchItemFailures = false;
        for (JsonNode type : p.path("FunctionResponseTypes")) {
            reportBatchItemFailures |= string(type, where + " FunctionResponseTypes").equals("ReportBatchItemFailures");
        }
        int retries = p.has("MaximumRetryAttempts")
                ? integer(p.get("MaximumRetryAttempts"), where + " MaximumRetryAttempts") : DEFAULT_MAXIMUM_RETRY_ATTEMPTS;
        boolean bisect = p.has("BisectBatchOnFunctionError")
                && bool(p.get("BisectBatchOnFunctionError"), where + " BisectBatchOnFunctionError");
        return new StreamSource(eventId, table, batchSize, startingPosition, Duration.ofSeconds(window), patterns,
                reportBatchItemFailures, retries, bisect);
    }

    /** The table of {@code !GetAtt Table.StreamArn}. */
    private static String streamTable(JsonNode stream, String where) {
        JsonNode getAtt = stream.path("Fn::GetAtt");
        String table = null;
        String attribute = null;
        if (getAtt.isArray() && getAtt.size() == 2) {
            table = getAtt.get(0).asText();
            attribute = getAtt.get(1).asText();
        } else if (getAtt.isTextual() && getAtt.asText().contains(".")) {
            table = getAtt.asText().substring(0, getAtt.asText().indexOf('.'));
            attribute = getAtt.asText().substring(getAtt.asText().indexOf('.') + 1);
        }
        if (table == null || !attribute.equals("StreamArn")) {
            throw new TemplateException(where + " must be !GetAtt <Table>.StreamArn of a table in the template to run"
                    + " locally; it is " + stream);
        }
        return table;
    }

    // ---- values

    /** A scalar, or an intrinsic that resolves to one. */
    private String string(JsonNode value, String where) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            throw new TemplateException(where + " is missing");
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isObject() && value.size() == 1) {
            if (value.has("Ref")) {
                return ref(value.get("Ref").asText(), where);
            }
            if (value.has("Fn::Sub")) {
                return sub(value.get("Fn::Sub"), where);
            }
            String name = value.fieldNames().next();
            if (name.startsWith("Fn::")) {
                throw new TemplateException(where + " uses " + name.substring(4)
                        + ", which cannot be resolved locally (only Ref, and Sub over Refs, can): " + value);
            }
        }
        throw new TemplateException(where + " must be a single value, not " + value);
    }

    private int integer(JsonNode value, String where) {
        String text = string(value, where);
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new TemplateException(where + " must be a whole number, not " + text, e);
        }
    }

    private boolean bool(JsonNode value, String where) {
        String text = string(value, where).strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new TemplateException(where + " must be true or false, not " + text);
    }

    private String ref(String name, String where) {
        String value = references.get(name);
        if (value != null) {
            return value;
        }
        JsonNode parameter = root.path("Parameters").path(name);
        if (parameter.path("Type").asText().startsWith(SSM_PARAMETER)) {
            // Its Default names a parameter in SSM Parameter Store, which CloudFormation reads at deploy time.
            throw new TemplateException(where + ": !Ref " + name + " has no value (its value is read from SSM"
                    + " Parameter Store" + (parameter.has("Default") ? ", " + parameter.get("Default").asText() : "")
                    + ", at deploy time: pass its local value)");
        }
        if (parameter.has("Default")) {
            return parameter.get("Default").asText();
        }
        String kind;
        if (parameter.isObject()) {
            kind = "the template parameter " + name + " has no Default: pass a value for it";
        } else if (root.path("Resources").path(name).path("Type").asText().equals(TABLE)) {
            kind = "pass the local name of the table " + name;
        } else if (root.path("Resources").has(name)) {
            kind = name + " is a " + root.path("Resources").path(name).path("Type").asText()
                    + ", which has no local value: pass one for it";
        } else if (name.startsWith("AWS::")) {
            kind = "pass a value for the pseudo parameter " + name;
        } else {
            kind = "there is no parameter or resource " + name + " in the template";
        }
        throw new TemplateException(where + ": !Ref " + name + " has no value (" + kind + ")");
    }

    /** {@code !Sub "text ${Name}"} or {@code !Sub ["text ${Var}", {Var: value}]}; ${!Literal} stays ${Literal}. */
    private String sub(JsonNode sub, String where) {
        String text;
        Map<String, String> variables = new LinkedHashMap<>();
        if (sub.isTextual()) {
            text = sub.asText();
        } else if (sub.isArray() && sub.size() == 2 && sub.get(0).isTextual() && sub.get(1).isObject()) {
            text = sub.get(0).asText();
            for (Map.Entry<String, JsonNode> v : sub.get(1).properties()) {
                variables.put(v.getKey(), string(v.getValue(), where + " Sub variable " + v.getKey()));
            }
        } else {
            throw new TemplateException(where + " has a malformed Sub: " + sub);
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + name + "}";
            } else if (variables.containsKey(name)) {
                replacement = variables.get(name);
            } else if (name.contains(".")) {
                throw new TemplateException(where + " Sub uses ${" + name + "}, an attribute, which cannot be resolved"
                        + " locally");
            } else {
                replacement = ref(name, where);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    // ---- Globals

    /** SAM's merge of Globals.Function under a function's Properties. */
    static JsonNode merge(JsonNode global, JsonNode local) {
        if (local == null || local.isMissingNode() || local.isNull()) {
            return global == null || global.isMissingNode() ? JSON.createObjectNode() : global;
        }
        if (global == null || global.isMissingNode() || global.isNull() || isIntrinsic(global) || isIntrinsic(local)) {
            return local;
        }
        if (global.isObject() && local.isObject()) {
            ObjectNode merged = ((ObjectNode) global).deepCopy();
            for (Map.Entry<String, JsonNode> e : local.properties()) {
                merged.set(e.getKey(), merge(global.get(e.getKey()), e.getValue()));
            }
            return merged;
        }
        if (global.isArray() && local.isArray()) {
            ArrayNode merged = ((ArrayNode) global).deepCopy();
            merged.addAll((ArrayNode) local);
            return merged;
        }
        return local;
    }

    private static boolean isIntrinsic(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return false;
        }
        String name = node.fieldNames().next();
        return name.equals("Ref") || name.equals("Condition") || name.startsWith("Fn::");
    }
}
