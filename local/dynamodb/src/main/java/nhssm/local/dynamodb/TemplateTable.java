package nhssm.local.dynamodb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * A DynamoDB table as template.yaml declares it ({@code AWS::DynamoDB::Table} Properties), turned
 * into the CreateTable and UpdateTimeToLive calls that make the same table in the DynamoDB engine.
 *
 * <p>Applied: key schema, attribute definitions, global and local secondary indexes with their
 * projections, stream specification, billing mode (with provisioned throughput), time to live.
 * Deliberately not applied locally: the table name (the caller chooses one), point-in-time
 * recovery, encryption, deletion protection (local tables must stay disposable), tags and the
 * other properties in {@link #NOT_APPLIED}. Any other property is refused, so that a new
 * schema-affecting property in the template cannot be dropped silently.
 *
 * <p>The template is read with {@link CloudFormationYaml}, so CloudFormation's short-form tags
 * ({@code !Ref}, {@code !GetAtt}, {@code !Sub}...) elsewhere in it do no harm; an intrinsic
 * function inside the table's own properties is refused, as it cannot be resolved here.
 */
public final class TemplateTable {

    /** Table properties that are valid in the template but have no local meaning. */
    public static final Set<String> NOT_APPLIED = Set.of(
            "TableName", "PointInTimeRecoverySpecification", "SSESpecification", "DeletionProtectionEnabled",
            "Tags", "ContributorInsightsSpecification", "TableClass", "KinesisStreamSpecification",
            "ResourcePolicy", "OnDemandThroughput", "WarmThroughput", "ImportSourceSpecification");

    private static final Set<String> APPLIED = Set.of(
            "AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes", "LocalSecondaryIndexes",
            "StreamSpecification", "BillingMode", "ProvisionedThroughput", "TimeToLiveSpecification");

    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FIRST_POLL = Duration.ofMillis(20);
    private static final Duration MAX_POLL = Duration.ofMillis(500);

    private final String logicalId;
    private final CreateTableRequest createTableRequest;
    private final Optional<TimeToLiveSpecification> timeToLive;

    private TemplateTable(String logicalId, CreateTableRequest createTableRequest,
                          Optional<TimeToLiveSpecification> timeToLive) {
        this.logicalId = logicalId;
        this.createTableRequest = createTableRequest;
        this.timeToLive = timeToLive;
    }

    /** The survey table of the project's template.yaml (found by {@link #locateTemplate()}). */
    public static TemplateTable surveyTable() {
        return fromTemplate(locateTemplate(), "SurveyTable");
    }

    /**
     * Reads the table resource {@code logicalId} from a CloudFormation/SAM template.
     *
     * @throws LocalDynamoDbException if the file cannot be read, has no such table resource, or
     *         declares it with something that cannot be applied locally
     */
    public static TemplateTable fromTemplate(Path templateYaml, String logicalId) {
        JsonNode template = CloudFormationYaml.read(templateYaml);
        JsonNode resource = template.path("Resources").path(logicalId);
        if (!resource.path("Type").asText().equals("AWS::DynamoDB::Table")) {
            throw new LocalDynamoDbException(
                    templateYaml + " has no AWS::DynamoDB::Table resource named " + logicalId);
        }
        String where = templateYaml + " " + logicalId;
        try {
            return fromProperties(logicalId, resource.path("Properties"));
        } catch (IllegalArgumentException e) {
            throw new LocalDynamoDbException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first template.yaml found in the working directory or one of its parents: Maven runs
     * each module's tests in the module directory, below the project root that holds the template.
     *
     * @throws LocalDynamoDbException if there is none
     */
    public static Path locateTemplate() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new LocalDynamoDbException("no template.yaml in " + start + " or any directory above it");
    }

    /** The resource's logical id in the template, such as {@code SurveyTable}. */
    public String logicalId() {
        return logicalId;
    }

    /** The CreateTable request for a table of the given name. */
    public CreateTableRequest createTableRequest(String tableName) {
        return createTableRequest.toBuilder().tableName(tableName).build();
    }

    /** The time-to-live setting, if the template enables one. */
    public Optional<TimeToLiveSpecification> timeToLive() {
        return timeToLive;
    }

    /**
     * Creates the table under {@code tableName}, waits until it and its indexes are ACTIVE, then
     * applies the time-to-live setting.
     *
     * @return the table's description once ACTIVE
     * @throws LocalDynamoDbException if the table is not ACTIVE within 30 seconds
     */
    public TableDescription createIn(DynamoDbClient client, String tableName) {
        client.createTable(createTableRequest(tableName));
        TableDescription active = awaitActive(client, tableName);
        timeToLive.ifPresent(ttl ->
                client.updateTimeToLive(r -> r.tableName(tableName).timeToLiveSpecification(ttl)));
        return active;
    }

    private static TableDescription awaitActive(DynamoDbClient client, String tableName) {
        Instant deadline = Instant.now().plus(ACTIVE_TIMEOUT);
        Duration pause = FIRST_POLL;
        while (true) {
            TableDescription table = client.describeTable(r -> r.tableName(tableName)).table();
            if (isActive(table)) {
                return table;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LocalDynamoDbException("table " + tableName + " is still " + table.tableStatus()
                        + " after " + ACTIVE_TIMEOUT.toSeconds() + " s");
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
        }
    }

    private static boolean isActive(TableDescription table) {
        return table.tableStatus() == TableStatus.ACTIVE
                && table.globalSecondaryIndexes().stream()
                        .map(GlobalSecondaryIndexDescription::indexStatus)
                        .allMatch(status -> status == IndexStatus.ACTIVE);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalDynamoDbException("interrupted while waiting for a table to become ACTIVE", e);
        }
    }

    // ---- template properties -> SDK model ----

    private static TemplateTable fromProperties(String logicalId, JsonNode properties) {
        if (!properties.isObject()) {
            throw new IllegalArgumentException("has no Properties");
        }
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (APPLIED.contains(name)) {
                rejectIntrinsics(name, properties.get(name));
            } else if (!NOT_APPLIED.contains(name)) {
                throw new IllegalArgumentException("property " + name
                        + " is not understood by TemplateTable; teach it to apply or ignore it");
            }
        }

        BillingMode billingMode = BillingMode.fromValue(text(properties, "BillingMode", "PROVISIONED"));
        if (billingMode == BillingMode.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException("unknown BillingMode " + properties.path("BillingMode").asText());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .attributeDefinitions(list(properties, "AttributeDefinitions", TemplateTable::attributeDefinition))
                .keySchema(keySchema(properties.path("KeySchema")))
                .billingMode(billingMode);
        if (billingMode == BillingMode.PROVISIONED) {
            request.provisionedThroughput(provisionedThroughput(properties.path("ProvisionedThroughput")));
        }
        if (properties.has("GlobalSecondaryIndexes")) {
            request.globalSecondaryIndexes(list(properties, "GlobalSecondaryIndexes",
                    index -> globalSecondaryIndex(index, billingMode)));
        }
        if (properties.has("LocalSecondaryIndexes")) {
            request.localSecondaryIndexes(list(properties, "LocalSecondaryIndexes", TemplateTable::localSecondaryIndex));
        }
        if (properties.has("StreamSpecification")) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(required(properties.path("StreamSpecification"), "StreamViewType"))
                    .build());
        }
        return new TemplateTable(logicalId, request.build(), timeToLive(properties.path("TimeToLiveSpecification")));
    }

    private static AttributeDefinition attributeDefinition(JsonNode node) {
        return AttributeDefinition.builder()
                .attributeName(required(node, "AttributeName"))
                .attributeType(required(node, "AttributeType"))
                .build();
    }

    private static List<KeySchemaElement> keySchema(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("KeySchema is missing or empty");
        }
        List<KeySchemaElement> keys = new ArrayList<>();
        for (JsonNode key : node) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(required(key, "AttributeName"))
                    .keyType(required(key, "KeyType"))
                    .build());
        }
        return keys;
    }

    private static GlobalSecondaryIndex globalSecondaryIndex(JsonNode node, BillingMode billingMode) {
        GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder()
                .indexName(required(node, "IndexName"))
                .keySchema(keySchema(node.path("KeySchema")))
                .projection(projection(node.path("Projection")));
        if (billingMode == BillingMode.PROVISIONED) {
            index.provisionedThroughput(provisionedThroughput(node.path("ProvisionedThroughput")));
        }
        return index.build();
    }

    private static LocalSecondaryIndex localSecondaryIndex(JsonNode node) {
        return LocalSecondaryIndex.builder()
                .indexName(required(node, "IndexName"))
                .keySchema(keySchema(node.path("KeySchema")))
                .projection(projection(node.path("Projection")))
                .build();
    }

    private static Projection projection(JsonNode node) {
        Projection.Builder projection = Projection.builder().projectionType(required(node, "ProjectionType"));
        if (node.has("NonKeyAttributes")) {
            projection.nonKeyAttributes(list(node, "NonKeyAttributes", JsonNode::asText));
        }
        return projection.build();
    }

    private static ProvisionedThroughput provisionedThroughput(JsonNode node) {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.valueOf(required(node, "ReadCapacityUnits")))
                .writeCapacityUnits(Long.valueOf(required(node, "WriteCapacityUnits")))
                .build();
    }

    private static Optional<TimeToLiveSpecification> timeToLive(JsonNode node) {
        if (node.isMissingNode() || !node.path("Enabled").asBoolean(false)) {
            return Optional.empty();
        }
        return Optional.of(TimeToLiveSpecification.builder()
                .attributeName(required(node, "AttributeName"))
                .enabled(true)
                .build());
    }

    private static <T> List<T> list(JsonNode parent, String field, Function<JsonNode, T> element) {
        JsonNode node = parent.path(field);
        if (!node.isArray()) {
            throw new IllegalArgumentException(field + " must be a list");
        }
        List<T> result = new ArrayList<>();
        node.forEach(item -> result.add(element.apply(item)));
        return result;
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(field + " is missing in " + node);
        }
        return value.asText();
    }

    private static String text(JsonNode node, String field, String fallback) {
        return node.has(field) ? required(node, field) : fallback;
    }

    /** Long-form intrinsics ({@code Ref}, {@code Fn::...}) cannot be resolved here. */
    private static void rejectIntrinsics(String path, JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("Ref") || field.getKey().startsWith("Fn::")) {
                    throw new IllegalArgumentException(path + " uses the intrinsic function " + field.getKey()
                            + ", which cannot be resolved locally");
                }
                rejectIntrinsics(path + "." + field.getKey(), field.getValue());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectIntrinsics(path + "[" + i + "]", node.get(i));
            }
        }
    }
}
