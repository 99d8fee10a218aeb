package nhssm.local.dynamodb.engine.operation;

import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.expression.Condition;
import nhssm.local.dynamodb.engine.expression.ExpressionInputs;
import nhssm.local.dynamodb.engine.expression.Expressions;
import nhssm.local.dynamodb.engine.expression.KeyCondition;
import nhssm.local.dynamodb.engine.expression.Projection;
import nhssm.local.dynamodb.engine.expression.SortKeyCondition;
import nhssm.local.dynamodb.engine.table.Database;
import nhssm.local.dynamodb.engine.table.KeySchema;
import nhssm.local.dynamodb.engine.table.StoredItem;
import nhssm.local.dynamodb.engine.table.StoredKey;
import nhssm.local.dynamodb.engine.table.Table;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/** Query (one partition of the table or an index, in sort key order) and Scan (everything, or one segment). */
final class QueryScanOperations {

    static final Set<String> QUERY = Set.of("TableName", "IndexName", "KeyConditionExpression", "FilterExpression",
            "ProjectionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues", "Select", "Limit",
            "ExclusiveStartKey", "ScanIndexForward", "ConsistentRead", "ReturnConsumedCapacity");
    static final Set<String> SCAN = Set.of("TableName", "IndexName", "FilterExpression", "ProjectionExpression",
            "ExpressionAttributeNames", "ExpressionAttributeValues", "Select", "Limit", "ExclusiveStartKey",
            "ConsistentRead", "Segment", "TotalSegments", "ReturnConsumedCapacity");

    private final Database database;

    QueryScanOperations(Database database) {
        this.database = database;
    }

    ObjectNode query(JsonNode body) {
        Request request = Request.of("Query", body, QUERY);
        Table table = database.catalog().forItems(request.tableName());
        ReadSource source = ReadSource.of(request, table);
        KeySchema keySchema = source.keySchema();
        String expression = request.requiredString("KeyConditionExpression");
        ExpressionInputs inputs = request.expressionInputs();
        KeyCondition key = Expressions.keyCondition(expression, inputs, keySchema.partition().name(),
                keySchema.sort().map(s -> s.name()));
        Optional<Condition> filter = filter(request, inputs);
        Optional<Projection> projection = projection(request, inputs);
        inputs.requireAllUsed();
        checkTypes(key, keySchema);
        filter.ifPresent(f -> Expressions.attributesRead(f).stream().filter(keySchema.names()::contains).findFirst()
                .ifPresent(attribute -> {
                    throw DynamoDbError.validation("Filter Expression can only contain non-primary key attributes: "
                            + "Primary key attribute: " + attribute);
                }));
        String select = source.select(request);
        Optional<Long> limit = request.integer("Limit", 1, Integer.MAX_VALUE);
        boolean forward = request.bool("ScanIndexForward").orElse(true);
        boolean consistent = request.bool("ConsistentRead").orElse(false);
        String capacity = request.enumeration("ReturnConsumedCapacity", Capacity.MODES, "NONE");

        NavigableMap<StoredKey, StoredItem> partition = source.entries().subMap(
                StoredKey.partitionBound(key.partitionKey(), -1), true, StoredKey.partitionBound(key.partitionKey(), 1), true);
        Optional<StoredKey> start = source.exclusiveStart(request);
        if (start.isPresent() && !start.get().partition().equals(key.partitionKey())) {
            throw DynamoDbError.validation("The provided starting key is outside query boundaries based on provided conditions");
        }
        NavigableMap<StoredKey, StoredItem> range = forward
                ? start.map(s -> partition.tailMap(s, false)).orElse(partition)
                : start.map(s -> partition.headMap(s, false)).orElse(partition).descendingMap();
        Predicate<StoredItem> inRange = key.sortKey()
                .<Predicate<StoredItem>>map(condition -> item -> {
                    AttributeValue sort = item.attributes().get(keySchema.sort().orElseThrow().name());
                    return sort != null && condition.test(sort);
                })
                .orElse(item -> true);
        return ReadPage.read(source, range, inRange, filter, projection, select, limit, consistent, capacity);
    }

    ObjectNode scan(JsonNode body) {
        Request request = Request.of("Scan", body, SCAN);
        Table table = database.catalog().forItems(request.tableName());
        ReadSource source = ReadSource.of(request, table);
        ExpressionInputs inputs = request.expressionInputs();
        Optional<Condition> filter = filter(request, inputs);
        Optional<Projection> projection = projection(request, inputs);
        inputs.requireAllUsed();
        String select = source.select(request);
        Optional<Long> limit = request.integer("Limit", 1, Integer.MAX_VALUE);
        boolean consistent = request.bool("ConsistentRead").orElse(false);
        String capacity = request.enumeration("ReturnConsumedCapacity", Capacity.MODES, "NONE");

        Optional<long[]> hashes = segment(request);
        NavigableMap<StoredKey, StoredItem> segment = hashes
                .map(h -> source.entries().subMap(StoredKey.hashBound(h[0]), true, StoredKey.hashBound(h[1]), false))
                .orElse(source.entries());
        Optional<StoredKey> start = source.exclusiveStart(request);
        if (start.isPresent() && hashes.isPresent()
                && (start.get().hash() < hashes.get()[0] || start.get().hash() >= hashes.get()[1])) {
            throw DynamoDbError.validation("The provided Exclusive start key does not map to the provided Segment and "
                    + "TotalSegments values.");
        }
        NavigableMap<StoredKey, StoredItem> range = start.map(s -> segment.tailMap(s, false)).orElse(segment);
        return ReadPage.read(source, range, item -> true, filter, projection, select, limit, consistent, capacity);
    }

    /** The key condition's values must be of the key attributes' types, as the service checks. */
    private static void checkTypes(KeyCondition key, KeySchema keySchema) {
        boolean mismatch = !key.partitionKey().type().equals(keySchema.partition().type());
        if (key.sortKey().isPresent()) {
            String sortType = keySchema.sort().orElseThrow().type();
            if (key.sortKey().get() instanceof SortKeyCondition.BeginsWith && sortType.equals("N")) {
                throw DynamoDbError.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or "
                        + "function; operator or function: begins_with, operand type: N");
            }
            mismatch |= key.sortKey().get().operands().stream().anyMatch(v -> !v.type().equals(sortType));
        }
        if (mismatch) {
            throw DynamoDbError.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }

    /**
     * The hashes of the segment asked for, from (inclusive) and to (exclusive): segment {@code s} of
     * {@code t} is the s-th of t equal ranges of the partition key's hash. Empty for a whole scan.
     */
    private static Optional<long[]> segment(Request request) {
        Optional<Long> segment = request.integer("Segment", 0, 999_999);
        Optional<Long> total = request.integer("TotalSegments", 1, 1_000_000);
        if (segment.isPresent() && total.isEmpty()) {
            throw DynamoDbError.validation("The TotalSegments parameter is required but was not present in the request "
                    + "when Segment parameter is present");
        }
        if (total.isPresent() && segment.isEmpty()) {
            throw DynamoDbError.validation("The Segment parameter is required but was not present in the request when "
                    + "parameter TotalSegments is present");
        }
        if (segment.isEmpty()) {
            return Optional.empty();
        }
        if (segment.get() >= total.get()) {
            throw DynamoDbError.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + segment.get() + " is not less than TotalSegments: " + total.get());
        }
        long from = segment.get() * StoredKey.HASH_SPACE / total.get();
        long to = (segment.get() + 1) * StoredKey.HASH_SPACE / total.get();
        return Optional.of(new long[] {from, to});
    }

    private static Optional<Condition> filter(Request request, ExpressionInputs inputs) {
        return request.string("FilterExpression")
                .map(expression -> Expressions.condition("FilterExpression", expression, inputs));
    }

    private static Optional<Projection> projection(Request request, ExpressionInputs inputs) {
        return request.string("ProjectionExpression")
                .map(expression -> Expressions.projection(expression, inputs));
    }
}
