package nhssm.local.dynamodb.engine.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.operation.Request;

/** Reads a CreateTable request into a {@link TableDefinition}, refusing what the service refuses. */
public final class TableDefinitionParser {

    public static final Set<String> PARAMETERS = Set.of("TableName", "KeySchema", "AttributeDefinitions",
            "GlobalSecondaryIndexes", "BillingMode", "ProvisionedThroughput", "StreamSpecification");
    private static final int MAX_INDEXES = 20;
    private static final int MAX_PROJECTED_ATTRIBUTES = 100;

    private TableDefinitionParser() {
    }

    public static TableDefinition parse(Request request) {
        String name = request.tableName();
        Map<String, String> defined = attributeDefinitions(request);
        KeySchema keySchema = keySchema(request, "KeySchema", defined);
        String billingMode = request.enumeration("BillingMode", List.of("PROVISIONED", "PAY_PER_REQUEST"), "PROVISIONED");
        Optional<Throughput> throughput = throughput(request, billingMode, "");

        List<IndexDefinition> indexes = new ArrayList<>();
        Set<String> indexNames = new HashSet<>();
        List<JsonNode> indexNodes = request.list("GlobalSecondaryIndexes");
        if (request.has("GlobalSecondaryIndexes") && indexNodes.isEmpty()) {
            throw DynamoDbError.validation("One or more parameter values were invalid: List of GlobalSecondaryIndexes is empty");
        }
        if (indexNodes.size() > MAX_INDEXES) {
            throw DynamoDbError.validation("One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_INDEXES);
        }
        for (JsonNode node : indexNodes) {
            IndexDefinition index = index(request.structure(node, "GlobalSecondaryIndexes",
                    Set.of("IndexName", "KeySchema", "Projection", "ProvisionedThroughput")), defined, billingMode, keySchema);
            if (!indexNames.add(index.name())) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Duplicate index name: " + index.name());
            }
            indexes.add(index);
        }

        Set<String> used = new HashSet<>(keySchema.names());
        indexes.forEach(i -> used.addAll(i.keySchema().names()));
        if (!used.equals(defined.keySet())) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Number of attributes in KeySchema does "
                    + "not exactly match number of attributes defined in AttributeDefinitions");
        }
        List<KeyAttribute> definitions = defined.entrySet().stream().map(e -> new KeyAttribute(e.getKey(), e.getValue())).toList();
        return new TableDefinition(name, keySchema, definitions, indexes, billingMode, request.has("BillingMode"),
                throughput, streamViewType(request));
    }

    private static Map<String, String> attributeDefinitions(Request request) {
        request.required("AttributeDefinitions");
        Map<String, String> defined = new java.util.LinkedHashMap<>();
        for (JsonNode node : request.list("AttributeDefinitions")) {
            Request definition = request.structure(node, "AttributeDefinitions", Set.of("AttributeName", "AttributeType"));
            String attribute = keyAttributeName(definition);
            String type = definition.enumeration("AttributeType", List.of("B", "N", "S"), null);
            if (defined.put(attribute, type) != null) {
                throw DynamoDbError.validation("Cannot have two attributes with the same name");
            }
        }
        return defined;
    }

    /** A key attribute's name: 1 to 255 characters. */
    private static String keyAttributeName(Request request) {
        String name = request.requiredString("AttributeName");
        if (name.isEmpty()) {
            throw request.constraint("AttributeName", name, "Member must have length greater than or equal to 1");
        }
        if (name.length() > 255) {
            throw request.constraint("AttributeName", name, "Member must have length less than or equal to 255");
        }
        return name;
    }

    private static KeySchema keySchema(Request request, String member, Map<String, String> defined) {
        request.required(member);
        List<JsonNode> elements = request.list(member);
        if (elements.isEmpty() || elements.size() > 2) {
            throw request.constraint(member, elements.toString(), elements.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 2");
        }
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode node : elements) {
            Request element = request.structure(node, member, Set.of("AttributeName", "KeyType"));
            names.add(keyAttributeName(element));
            types.add(element.enumeration("KeyType", List.of("HASH", "RANGE"), null));
        }
        if (!types.get(0).equals("HASH")) {
            throw DynamoDbError.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (types.size() == 2 && !types.get(1).equals("RANGE")) {
            throw DynamoDbError.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw DynamoDbError.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        Set<String> undefined = new LinkedHashSet<>(names);
        undefined.removeAll(defined.keySet());
        if (!undefined.isEmpty()) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Some index key attributes are not "
                    + "defined in AttributeDefinitions. Keys: " + names + ", AttributeDefinitions: " + defined.keySet());
        }
        KeyAttribute partition = new KeyAttribute(names.get(0), defined.get(names.get(0)));
        Optional<KeyAttribute> sort = names.size() == 2
                ? Optional.of(new KeyAttribute(names.get(1), defined.get(names.get(1)))) : Optional.empty();
        return new KeySchema(partition, sort);
    }

    private static IndexDefinition index(Request index, Map<String, String> defined, String billingMode, KeySchema table) {
        String name = index.checkedName("IndexName", index.requiredString("IndexName"));
        KeySchema keySchema = keySchema(index, "KeySchema", defined);
        Request projection = index.structure("Projection", Set.of("ProjectionType", "NonKeyAttributes"));
        String type = projection.enumeration("ProjectionType", List.of("ALL", "KEYS_ONLY", "INCLUDE"), "ALL");
        List<String> nonKey = projection.stringList("NonKeyAttributes");
        if (!type.equals("INCLUDE") && projection.has("NonKeyAttributes")) {
            throw DynamoDbError.validation("One or more parameter values were invalid: ProjectionType is " + type
                    + ", but NonKeyAttributes is specified");
        }
        if (type.equals("INCLUDE") && nonKey.isEmpty()) {
            throw DynamoDbError.validation("One or more parameter values were invalid: NonKeyAttributes must not be empty "
                    + "when ProjectionType is INCLUDE");
        }
        if (nonKey.size() > MAX_PROJECTED_ATTRIBUTES || new HashSet<>(nonKey).size() != nonKey.size()) {
            throw DynamoDbError.validation("One or more parameter values were invalid: NonKeyAttributes of index " + name
                    + " must be at most " + MAX_PROJECTED_ATTRIBUTES + " distinct attribute names");
        }
        Map<String, Boolean> keys = new HashMap<>();
        table.names().forEach(n -> keys.put(n, true));
        keySchema.names().forEach(n -> keys.put(n, true));
        for (String attribute : nonKey) {
            if (keys.containsKey(attribute)) {
                throw DynamoDbError.validation("One or more parameter values were invalid: NonKeyAttributes of index " + name
                        + " names the key attribute " + attribute);
            }
        }
        return new IndexDefinition(name, keySchema, type, nonKey, throughput(index, billingMode, name));
    }

    private static Optional<Throughput> throughput(Request request, String billingMode, String indexName) {
        if (!request.has("ProvisionedThroughput")) {
            if (billingMode.equals("PROVISIONED")) {
                throw DynamoDbError.validation(indexName.isEmpty()
                        ? "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"
                        : "One or more parameter values were invalid: ProvisionedThroughput must be specified for index: " + indexName);
            }
            return Optional.empty();
        }
        if (billingMode.equals("PAY_PER_REQUEST")) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor "
                    + "WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        Request units = request.structure("ProvisionedThroughput", Set.of("ReadCapacityUnits", "WriteCapacityUnits"));
        units.required("ReadCapacityUnits");
        units.required("WriteCapacityUnits");
        long read = units.integer("ReadCapacityUnits", 1, Long.MAX_VALUE).orElseThrow();
        long write = units.integer("WriteCapacityUnits", 1, Long.MAX_VALUE).orElseThrow();
        return Optional.of(new Throughput(read, write));
    }

    private static Optional<String> streamViewType(Request request) {
        if (!request.has("StreamSpecification")) {
            return Optional.empty();
        }
        Request spec = request.structure("StreamSpecification", Set.of("StreamEnabled", "StreamViewType"));
        spec.required("StreamEnabled");
        boolean enabled = spec.bool("StreamEnabled").orElseThrow();
        if (!enabled) {
            if (spec.has("StreamViewType")) {
                throw DynamoDbError.validation("One or more parameter values were invalid: StreamViewType may only be "
                        + "specified when StreamEnabled is true");
            }
            return Optional.empty();
        }
        if (!spec.has("StreamViewType")) {
            throw DynamoDbError.validation("One or more parameter values were invalid: StreamViewType must be specified "
                    + "when StreamEnabled is true");
        }
        return Optional.of(spec.enumeration("StreamViewType",
                List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"), null));
    }
}
