package nhssm.local.dynamodb.engine.operation;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;
import nhssm.local.dynamodb.engine.table.Database;
import nhssm.local.dynamodb.engine.transaction.TransactGetOperation;
import nhssm.local.dynamodb.engine.transaction.TransactWriteOperation;

/** The DynamoDB operations the engine implements, by name; any other is refused by name. */
public final class Operations {

    private final Map<String, Function<JsonNode, ObjectNode>> operations;
    private final TableOperations tables;

    public Operations(Database database) {
        this.tables = new TableOperations(database);
        ItemOperations items = new ItemOperations(database);
        UpdateItemOperation update = new UpdateItemOperation(database);
        QueryScanOperations reads = new QueryScanOperations(database);
        BatchOperations batches = new BatchOperations(database);
        TransactWriteOperation transactWrite = new TransactWriteOperation(database);
        TransactGetOperation transactGet = new TransactGetOperation(database);
        this.operations = Map.ofEntries(
                Map.entry("CreateTable", tables::createTable),
                Map.entry("DescribeTable", tables::describeTable),
                Map.entry("DeleteTable", tables::deleteTable),
                Map.entry("ListTables", tables::listTables),
                Map.entry("UpdateTimeToLive", tables::updateTimeToLive),
                Map.entry("DescribeTimeToLive", tables::describeTimeToLive),
                Map.entry("PutItem", items::putItem),
                Map.entry("GetItem", items::getItem),
                Map.entry("DeleteItem", items::deleteItem),
                Map.entry("UpdateItem", update::updateItem),
                Map.entry("Query", reads::query),
                Map.entry("Scan", reads::scan),
                Map.entry("BatchGetItem", batches::batchGetItem),
                Map.entry("BatchWriteItem", batches::batchWriteItem),
                Map.entry("TransactWriteItems", transactWrite::transactWriteItems),
                Map.entry("TransactGetItems", transactGet::transactGetItems));
    }

    /** How the log's table operations are read back on replay. */
    public Database.TableOperationReplay replay() {
        return tables;
    }

    /** Runs {@code operation} on its request body; throws the service's error for anything refused. */
    public ObjectNode handle(String operation, JsonNode body) {
        Function<JsonNode, ObjectNode> handler = Optional.ofNullable(operations.get(operation))
                .orElseThrow(() -> new DynamoDbError(ErrorType.UNKNOWN_OPERATION,
                        "The operation " + operation + " is not supported by this engine; supported: "
                                + new TreeSet<>(operations.keySet())));
        return handler.apply(body);
    }
}
