package nhssm.local.dynamodb.engine.operation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.table.Database;
import nhssm.local.dynamodb.engine.table.Table;
import nhssm.local.dynamodb.engine.table.TableDefinition;
import nhssm.local.dynamodb.engine.table.TableDefinitionParser;

/** CreateTable, DescribeTable, DeleteTable, ListTables, UpdateTimeToLive and DescribeTimeToLive. */
final class TableOperations implements Database.TableOperationReplay {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final Database database;

    TableOperations(Database database) {
        this.database = database;
    }

    ObjectNode createTable(JsonNode body) {
        TableDefinition definition = definition(body);
        Table table = database.createTable(definition, body);
        // The service answers CREATING; the engine's tables are ACTIVE by the next call.
        return JSON.objectNode().set("TableDescription",
                TableDescriptions.describe(table, database.tableArn(table.name()), "CREATING"));
    }

    @Override
    public TableDefinition definition(JsonNode createTableRequest) {
        return TableDefinitionParser.parse(Request.of("CreateTable", createTableRequest, TableDefinitionParser.PARAMETERS));
    }

    ObjectNode describeTable(JsonNode body) {
        Request request = Request.of("DescribeTable", body, Set.of("TableName"));
        Table table = database.catalog().get(request.tableName());
        return JSON.objectNode().set("Table", TableDescriptions.describe(table, database.tableArn(table.name()), "ACTIVE"));
    }

    ObjectNode deleteTable(JsonNode body) {
        Request request = Request.of("DeleteTable", body, Set.of("TableName"));
        Table table = database.deleteTable(request.tableName(), body);
        return JSON.objectNode().set("TableDescription",
                TableDescriptions.describe(table, database.tableArn(table.name()), "DELETING"));
    }

    @Override
    public String tableName(JsonNode request) {
        return request.path("TableName").asText();
    }

    ObjectNode listTables(JsonNode body) {
        Request request = Request.of("ListTables", body, Set.of("ExclusiveStartTableName", "Limit"));
        long limit = request.integer("Limit", 1, 100).orElse(100L);
        Optional<String> start = request.string("ExclusiveStartTableName");
        start.ifPresent(name -> request.checkedName("ExclusiveStartTableName", name));
        List<String> names = database.catalog().names().stream()
                .filter(name -> start.isEmpty() || name.compareTo(start.get()) > 0).toList();
        ObjectNode response = JSON.objectNode();
        ArrayNode page = response.putArray("TableNames");
        names.stream().limit(limit).forEach(page::add);
        if (names.size() > limit) {
            response.put("LastEvaluatedTableName", names.get((int) limit - 1));
        }
        return response;
    }

    ObjectNode updateTimeToLive(JsonNode body) {
        Request request = Request.of("UpdateTimeToLive", body, Set.of("TableName", "TimeToLiveSpecification"));
        Table table = database.catalog().get(request.tableName());
        Request spec = request.structure("TimeToLiveSpecification", Set.of("Enabled", "AttributeName"));
        spec.required("Enabled");
        boolean enabled = spec.bool("Enabled").orElseThrow();
        String attribute = spec.requiredString("AttributeName");
        if (attribute.isEmpty() || attribute.length() > 255) {
            throw spec.constraint("AttributeName", attribute, "Member must have length between 1 and 255");
        }
        Optional<String> current = table.ttlAttribute();
        if (enabled && current.isPresent()) {
            throw DynamoDbError.validation("TimeToLive is already enabled");
        }
        if (!enabled && current.isEmpty()) {
            throw DynamoDbError.validation("TimeToLive is already disabled");
        }
        if (!enabled && !current.get().equals(attribute)) {
            throw DynamoDbError.validation("TimeToLive is enabled on the attribute " + current.get()
                    + ", not " + attribute);
        }
        database.updateTimeToLive(table, enabled ? Optional.of(attribute) : Optional.empty(), body);
        ObjectNode response = JSON.objectNode();
        response.putObject("TimeToLiveSpecification").put("Enabled", enabled).put("AttributeName", attribute);
        return response;
    }

    @Override
    public Optional<String> timeToLive(JsonNode request) {
        JsonNode spec = request.path("TimeToLiveSpecification");
        return spec.path("Enabled").asBoolean() ? Optional.of(spec.path("AttributeName").asText()) : Optional.empty();
    }

    ObjectNode describeTimeToLive(JsonNode body) {
        Request request = Request.of("DescribeTimeToLive", body, Set.of("TableName"));
        Table table = database.catalog().get(request.tableName());
        ObjectNode response = JSON.objectNode();
        ObjectNode description = response.putObject("TimeToLiveDescription");
        table.ttlAttribute().ifPresentOrElse(
                attribute -> description.put("TimeToLiveStatus", "ENABLED").put("AttributeName", attribute),
                () -> description.put("TimeToLiveStatus", "DISABLED"));
        return response;
    }
}
