package nhssm.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import nhssm.local.dynamodb.engine.DynamoDbEngine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Bad input sent as raw HTTP: whatever a client sends, the engine answers with a 4xx carrying an error
 * type the service uses, never a 5xx and never a hang (each request has a timeout), and it still serves a
 * normal request afterwards.
 */
class BadInputPropertyTest {

    private static final Set<String> SERVICE_ERROR_TYPES = Set.of(
            "com.amazon.coral.validate#ValidationException",
            "com.amazon.coral.service#SerializationException",
            "com.amazon.coral.service#UnknownOperationException",
            "com.amazon.coral.service#MissingAuthenticationTokenException",
            "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
            "com.amazonaws.dynamodb.v20120810#ResourceInUseException",
            "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
            "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
            "com.amazonaws.dynamodb.v20120810#TransactionConflictException",
            "com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException",
            "com.amazonaws.dynamodb.v20120810#ExpiredIteratorException",
            "com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException");
    private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
    private static final List<String> OPERATIONS = List.of("CreateTable", "DescribeTable", "DeleteTable", "ListTables",
            "UpdateTimeToLive", "DescribeTimeToLive", "PutItem", "GetItem", "DeleteItem", "UpdateItem", "BatchGetItem",
            "BatchWriteItem", "Query", "Scan", "TransactWriteItems", "TransactGetItems");
    private static final List<String> STREAMS_OPERATIONS = List.of("ListStreams", "DescribeStream", "GetShardIterator",
            "GetRecords");
    private static final List<String> PARAMETERS = List.of("TableName", "Item", "Key", "KeySchema", "AttributeDefinitions",
            "ConditionExpression", "UpdateExpression", "KeyConditionExpression", "FilterExpression", "ProjectionExpression",
            "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValues", "Limit", "ExclusiveStartKey",
            "Select", "Segment", "TotalSegments", "RequestItems", "TransactItems", "ClientRequestToken", "StreamArn",
            "ShardId", "ShardIteratorType", "ShardIterator", "BillingMode", "IndexName", "ConsistentRead");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static DynamoDbEngine engine;
    private static DynamoDbClient dynamo;
    private static RawHttp http;
    private static String table;

    @BeforeContainer
    static void start() {
        engine = DynamoDbEngine.startInMemory();
        dynamo = EngineExtension.client(engine.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bad", "input")));
        http = new RawHttp(engine.endpoint());
        table = Tables.hashKeyTable(dynamo);
    }

    @AfterContainer
    static void stop() {
        http.close();
        dynamo.close();
        engine.close();
    }

    @AfterProperty
    void engineStillServesANormalRequest() {
        dynamo.putItem(r -> r.tableName(table).item(Values.item("pk", Values.s("canary"))));
        assertThat(dynamo.getItem(r -> r.tableName(table).key(Values.key("canary")).consistentRead(true)).hasItem()).isTrue();
    }

    @Property(tries = 200)
    void malformedJson_shouldBeRefusedAsTheServiceDoes(@ForAll("operations") String target, @ForAll("malformedJson") String body) {
        RawHttp.Response response = http.post(target, body);

        assertRefusedByTheService(response);
    }

    @Property(tries = 100)
    void randomBytes_shouldBeRefusedAsTheServiceDoes(@ForAll("operations") String target, @ForAll("randomBytes") byte[] body) {
        RawHttp.Response response = http.post(target, body, true);

        assertRefusedByTheService(response);
    }

    @Example
    void jsonNestedAHundredThousandDeep_shouldBeRefusedWithoutFailingTheEngine() {
        String body = "{\"TableName\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "DescribeTable", body);

        assertRefusedByTheService(response);
    }

    @Property(tries = 100)
    void jsonThatIsNotAnObject_shouldBeRefusedAsTheServiceDoes(@ForAll("operations") String target,
            @ForAll("notAnObject") String body) {
        RawHttp.Response response = http.post(target, body);

        assertRefusedByTheService(response);
    }

    @Property(tries = 300)
    void randomRequestBodies_shouldNeverFailTheEngine(@ForAll("operations") String target, @ForAll("randomRequests") String body) {
        RawHttp.Response response = http.post(target, body);

        if (response.status() != 200) {
            assertRefusedByTheService(response);
        }
    }

    @Property(tries = 200)
    void wrongAttributeValueShapes_shouldBeRefused(@ForAll("badAttributeValues") String value) {
        String body = "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"bad\"},\"v\":" + value + "}}";

        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "PutItem", body);

        assertRefusedByTheService(response);
    }

    @Property(tries = 100)
    void wrongKeyValueShapes_shouldBeRefused(@ForAll("badAttributeValues") String value, @ForAll("keyOperations") String operation) {
        String body = "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":" + value + "}}";

        RawHttp.Response response = http.post(RawHttp.DYNAMODB + operation, body);

        assertRefusedByTheService(response);
    }

    @Property(tries = 20)
    void oversizedItems_shouldBeRefusedAsInvalid(@ForAll @IntRange(min = 400 * 1024, max = 2 * 1024 * 1024) int size) {
        String body = "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"big\"},\"v\":{\"S\":\"" + "x".repeat(size) + "\"}}}";

        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "PutItem", body);

        assertRefusedByTheService(response);
        assertThat(response.errorType()).isEqualTo(VALIDATION);
    }

    @Example
    void anOversizedRequest_shouldBeRefusedWithoutFailingTheEngine() {
        String body = "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"huge\"},\"v\":{\"S\":\""
                + "x".repeat(17 * 1024 * 1024) + "\"}}}";

        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "PutItem", body);

        assertThat(response.status()).isBetween(400, 499);
    }

    @Property(tries = 60)
    void deeplyNestedValues_shouldBeStoredUpTo32LevelsAndRefusedBeyond(@ForAll @IntRange(min = 1, max = 3000) int depth,
            @ForAll boolean lists) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            value.append(lists ? "{\"L\":[" : "{\"M\":{\"a\":");
        }
        value.append("{\"S\":\"leaf\"}");
        for (int i = 0; i < depth; i++) {
            value.append(lists ? "]}" : "}}");
        }
        String body = "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"nested\"},\"v\":" + value + "}}";

        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "PutItem", body);

        if (depth <= 30) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        } else if (depth >= 34) {
            assertRefusedByTheService(response);
        } else if (response.status() != 200) {
            assertRefusedByTheService(response);
        }
    }

    @Property(tries = 100)
    void deeplyNestedExpressions_shouldBeEvaluatedOrRefused(@ForAll @IntRange(min = 1, max = 5000) int depth,
            @ForAll("nestings") String nesting) {
        String condition = switch (nesting) {
            case "parentheses" -> "(".repeat(depth) + "v = :v" + ")".repeat(depth);
            case "not" -> "NOT ".repeat(depth) + "v = :v";
            case "and" -> String.join(" AND ", Collections.nCopies(depth, "v = :v"));
            case "path" -> "attribute_exists(v" + ".a".repeat(depth) + ")";
            default -> "attribute_exists(v" + "[0]".repeat(depth) + ")";
        };
        String values = condition.contains(":v") ? ",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}" : "";
        String body = "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"expr\"}},\"ConditionExpression\":"
                + JSON.valueToTree(condition) + values + "}";

        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "PutItem", body);

        if (response.status() != 200) {
            assertRefusedByTheService(response);
        }
        if (condition.getBytes(StandardCharsets.UTF_8).length > 4096) {
            assertThat(response.errorType()).as("an expression over 4 KB").isEqualTo(VALIDATION);
        }
    }

    @Property(tries = 200)
    void anyExclusiveStartKey_shouldBeServedOrRefused(@ForAll("startKeys") String startKey,
            @ForAll @IntRange(min = 0, max = 3) int segment, @ForAll boolean query) {
        String body = query
                ? "{\"TableName\":\"" + table + "\",\"KeyConditionExpression\":\"pk = :p\","
                        + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"canary\"}},\"ExclusiveStartKey\":" + startKey + "}"
                : "{\"TableName\":\"" + table + "\",\"Segment\":" + segment + ",\"TotalSegments\":4,"
                        + "\"ExclusiveStartKey\":" + startKey + "}";

        RawHttp.Response response = http.post(RawHttp.DYNAMODB + (query ? "Query" : "Scan"), body);

        if (response.status() != 200) {
            assertRefusedByTheService(response);
        }
    }

    @Property(tries = 200)
    void unknownTargets_shouldBeRefusedAsUnknownOperations(@ForAll("unknownTargets") String target) {
        RawHttp.Response response = http.post(target, "{}");

        assertThat(response.status()).as(target).isEqualTo(400);
        assertThat(response.errorType()).as(target).isEqualTo("com.amazon.coral.service#UnknownOperationException");
    }

    @Provide
    Arbitrary<String> operations() {
        return Arbitraries.oneOf(
                Arbitraries.of(OPERATIONS).map(op -> RawHttp.DYNAMODB + op),
                Arbitraries.of(STREAMS_OPERATIONS).map(op -> RawHttp.STREAMS + op));
    }

    @Provide
    Arbitrary<String> keyOperations() {
        return Arbitraries.of("GetItem", "DeleteItem", "UpdateItem");
    }

    /** Text that cannot parse as JSON: a proper prefix of an object, or an object never closed. */
    @Provide
    Arbitrary<String> malformedJson() {
        Arbitrary<String> truncated = Combinators.combine(Arbitraries.of(
                        "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\"}}}",
                        "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"l\":{\"L\":[{\"N\":\"1\"}]}}}",
                        "{\"Limit\":10,\"ExclusiveStartTableName\":\"x\"}"),
                Arbitraries.doubles().between(0, 0.999).ofScale(3))
                .as((json, cut) -> json.substring(0, (int) (json.length() * cut)));
        Arbitrary<String> neverClosed = Arbitraries.strings().ofMaxLength(200).map(s -> "{" + s.replace("}", ""));
        Arbitrary<String> garbage = Arbitraries.strings().ofMinLength(1).ofMaxLength(200)
                .filter(s -> !s.isBlank() && !parses(s));
        return Arbitraries.oneOf(truncated, neverClosed, garbage);
    }

    /** Bytes that are not a JSON document (most are not even UTF-8). */
    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300)
                .filter(bytes -> !parses(new String(bytes, StandardCharsets.UTF_8)) && !new String(bytes, StandardCharsets.UTF_8).isBlank());
    }

    @Provide
    Arbitrary<String> notAnObject() {
        return Arbitraries.of("[]", "[{}]", "1", "-0.5", "\"text\"", "true", "false", "[\"TableName\"]");
    }

    /** Valid JSON objects made of real parameter names and values of any JSON type, to any operation. */
    @Provide
    Arbitrary<String> randomRequests() {
        return Arbitraries.longs().map(seed -> randomObject(new Random(seed), 0).toString());
    }

    @Provide
    Arbitrary<String> badAttributeValues() {
        Arbitrary<String> shapes = Arbitraries.of(
                "{}", "null", "\"S\"", "5", "[]", "{\"S\":5}", "{\"S\":null}", "{\"S\":[\"a\"]}", "{\"N\":\"abc\"}",
                "{\"N\":5.5}", "{\"N\":\"\"}", "{\"N\":\"1e999\"}", "{\"N\":\"" + "9".repeat(50) + "\"}", "{\"B\":\"not base64!\"}",
                "{\"B\":7}", "{\"BOOL\":\"yes\"}", "{\"NULL\":false}", "{\"NULL\":\"true\"}", "{\"SS\":[]}", "{\"SS\":\"a\"}",
                "{\"SS\":[\"a\",\"a\"]}", "{\"NS\":[\"x\"]}", "{\"NS\":[\"1\",\"1.0\"]}", "{\"BS\":[\"*\"]}", "{\"L\":{}}",
                "{\"L\":[{}]}", "{\"M\":[]}", "{\"M\":{\"a\":{}}}", "{\"M\":{\"a\":5}}", "{\"S\":\"a\",\"N\":\"1\"}",
                "{\"Q\":\"a\"}", "{\"s\":\"a\"}", "{\"S\":\"a\",\"extra\":1}");
        Arbitrary<String> randomType = Combinators.combine(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5),
                        Arbitraries.strings().alpha().ofMaxLength(10))
                .as((type, value) -> "{" + JSON.valueToTree(type) + ":" + JSON.valueToTree(value) + "}")
                .filter(v -> !v.startsWith("{\"S\":") && !v.startsWith("{\"B\":"));
        return Arbitraries.oneOf(shapes, randomType);
    }

    /** Start keys of the table's shape with any value, and of other shapes. */
    @Provide
    Arbitrary<String> startKeys() {
        Arbitrary<String> ofTheTable = Arbitraries.strings().ofMinLength(0).ofMaxLength(30)
                .map(pk -> "{\"pk\":{\"S\":" + JSON.valueToTree(pk) + "}}");
        Arbitrary<String> otherShapes = Arbitraries.of("{}", "{\"pk\":{\"N\":\"1\"}}", "{\"other\":{\"S\":\"a\"}}",
                "{\"pk\":{\"S\":\"a\"},\"extra\":{\"S\":\"b\"}}", "{\"pk\":{\"B\":\"AA==\"}}", "[]", "\"pk\"");
        return Arbitraries.oneOf(ofTheTable, otherShapes);
    }

    @Provide
    Arbitrary<String> nestings() {
        return Arbitraries.of("parentheses", "not", "and", "path", "index");
    }

    @Provide
    Arbitrary<String> unknownTargets() {
        Arbitrary<String> madeUpOperation = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40)
                .filter(op -> !OPERATIONS.contains(op) && !STREAMS_OPERATIONS.contains(op) && !isOtherServiceOperation(op))
                .flatMap(op -> Arbitraries.of(RawHttp.DYNAMODB + op, RawHttp.STREAMS + op));
        Arbitrary<String> anyTarget = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(60)
                .filter(t -> !t.startsWith(RawHttp.DYNAMODB) && !t.startsWith(RawHttp.STREAMS));
        return Arbitraries.oneOf(madeUpOperation, anyTarget);
    }

    /** Operations of the service that the engine may refuse, but not as unknown on AWS: left out here. */
    private static boolean isOtherServiceOperation(String op) {
        return Set.of("UpdateTable", "DescribeLimits", "DescribeEndpoints", "TagResource", "UntagResource",
                "ListTagsOfResource", "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction",
                "CreateBackup", "DeleteBackup", "ListBackups", "DescribeBackup", "RestoreTableFromBackup",
                "DescribeContinuousBackups", "UpdateContinuousBackups", "CreateGlobalTable", "ListGlobalTables",
                "DescribeGlobalTable", "UpdateGlobalTable", "DescribeKinesisStreamingDestination").contains(op);
    }

    private static void assertRefusedByTheService(RawHttp.Response response) {
        assertThat(response.status()).as("status of %s", response.body()).isBetween(400, 499);
        assertThat(response.errorType()).as("__type of %s", response.body()).isIn(SERVICE_ERROR_TYPES);
    }

    private static boolean parses(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        int members = random.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < members; i++) {
            String name = random.nextInt(4) == 0 ? "X" + random.nextInt(100) : PARAMETERS.get(random.nextInt(PARAMETERS.size()));
            object.set(name, randomValue(random, depth + 1));
        }
        return object;
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 5 : 7);
        return switch (kind) {
            case 0 -> NODES.textNode(randomText(random));
            case 1 -> NODES.numberNode(random.nextInt(2) == 0 ? random.nextInt() : random.nextDouble() * 1e6);
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> NODES.textNode(List.of("S", "N", "B", "ALL_OLD", "COUNT", "HASH", "TRIM_HORIZON", "PAY_PER_REQUEST",
                    "attribute_exists(a)", "a = :v", "SET a = :v", "#n").get(random.nextInt(12)));
            case 5 -> randomObject(random, depth);
            default -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(3) == 0 ? random.nextInt(0x3000) : 'a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
