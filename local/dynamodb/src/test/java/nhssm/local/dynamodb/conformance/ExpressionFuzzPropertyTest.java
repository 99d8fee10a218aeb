package nhssm.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import nhssm.local.dynamodb.engine.DynamoDbEngine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Expressions put together at random from the grammar's pieces (paths with any index, functions, operators,
 * placeholders of every type) against an item of every type: each is applied, or refused with the
 * service's error, never a 5xx.
 */
class ExpressionFuzzPropertyTest {

    private static final Set<String> CLIENT_ERRORS = Set.of(
            "com.amazon.coral.validate#ValidationException",
            "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException");
    private static final List<String> NAMES = List.of("str", "num", "letters", "doc", "ss", "ns", "bin", "flag", "absent", "#r");
    private static final List<String> SUFFIXES = List.of("", "", "", ".b", ".c", "[0]", "[1]", "[5]", ".b[0]", "[0].c",
            "[0][0]", "[2147483648]", "[99999999999999999999]");
    private static final List<String> SECOND_SUFFIXES = List.of("", "", "", "", ".b", "[0]");
    private static final Map<String, String> VALUES = Map.of(
            ":s", "{\"S\":\"x\"}",
            ":n", "{\"N\":\"1\"}",
            ":big", "{\"N\":\"9.9999999999999999999999999999999999999E+125\"}",
            ":l", "{\"L\":[{\"S\":\"y\"}]}",
            ":ss", "{\"SS\":[\"red\",\"blue\"]}",
            ":ns", "{\"NS\":[\"1\",\"2\"]}",
            ":m", "{\"M\":{\"b\":{\"S\":\"z\"}}}",
            ":t", "{\"S\":\"SS\"}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DynamoDbEngine engine;
    private static DynamoDbClient dynamo;
    private static RawHttp http;
    private static String table;

    @BeforeContainer
    static void start() {
        engine = DynamoDbEngine.startInMemory();
        dynamo = EngineExtension.client(engine.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("fuzz", "fuzz")));
        http = new RawHttp(engine.endpoint());
        table = Tables.hashKeyTable(dynamo);
    }

    @AfterContainer
    static void stop() {
        http.close();
        dynamo.close();
        engine.close();
    }

    @BeforeTry
    void storeTheItem() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", Values.s("fuzz"));
        item.put("str", Values.s("hello"));
        item.put("num", Values.n(42));
        item.put("letters", Values.list(Values.s("a"), Values.map("c", Values.s("d"))));
        item.put("doc", Values.map("b", Values.list(Values.n(0)), "c", Values.s("e")));
        item.put("ss", Values.ss("red", "green"));
        item.put("ns", Values.ns("1", "3"));
        item.put("bin", Values.b(1, 2));
        item.put("flag", Values.bool(true));
        item.put("status", Values.s("reserved word"));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    @Property(tries = 300)
    void randomUpdateExpressions_shouldBeAppliedOrRefused(@ForAll("updateExpressions") String update) {
        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "UpdateItem", request(update, "UpdateExpression",
                ",\"Key\":{\"pk\":{\"S\":\"fuzz\"}},\"ReturnValues\":\"ALL_NEW\""));

        assertAppliedOrRefused(response, update);
    }

    @Property(tries = 300)
    void randomConditions_shouldBeEvaluatedOrRefused(@ForAll("conditions") String condition) {
        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "DeleteItem", request(condition, "ConditionExpression",
                ",\"Key\":{\"pk\":{\"S\":\"fuzz\"}}"));

        assertAppliedOrRefused(response, condition);
    }

    @Property(tries = 200)
    void randomProjections_shouldBeReturnedOrRefused(@ForAll("projections") String projection) {
        RawHttp.Response response = http.post(RawHttp.DYNAMODB + "GetItem", request(projection, "ProjectionExpression",
                ",\"Key\":{\"pk\":{\"S\":\"fuzz\"}},\"ConsistentRead\":true"));

        assertAppliedOrRefused(response, projection);
    }

    @Provide
    Arbitrary<String> updateExpressions() {
        Arbitrary<String> set = Combinators.combine(paths(), operands(), Arbitraries.of("", " + ", " - "), operands())
                .as((path, left, op, right) -> "SET " + path + " = " + left + (op.isEmpty() ? "" : op + right));
        Arbitrary<String> remove = paths().list().ofMinSize(1).ofMaxSize(3).map(p -> "REMOVE " + String.join(", ", p));
        Arbitrary<String> add = Combinators.combine(paths(), placeholders()).as((path, value) -> "ADD " + path + " " + value);
        Arbitrary<String> delete = Combinators.combine(paths(), placeholders()).as((path, value) -> "DELETE " + path + " " + value);
        Arbitrary<String> clause = Arbitraries.oneOf(set, remove, add, delete);
        return clause.list().ofMinSize(1).ofMaxSize(3).map(clauses -> String.join(" ", clauses));
    }

    @Provide
    Arbitrary<String> conditions() {
        Arbitrary<String> comparison = Combinators.combine(operandsForConditions(),
                        Arbitraries.of(" = ", " <> ", " < ", " <= ", " > ", " >= "), operandsForConditions())
                .as((left, op, right) -> left + op + right);
        Arbitrary<String> function = Combinators.combine(Arbitraries.of("attribute_exists", "attribute_not_exists",
                        "attribute_type", "begins_with", "contains"), paths(), placeholders())
                .as((name, path, value) -> name.startsWith("attribute_") && !name.equals("attribute_type")
                        ? name + "(" + path + ")" : name + "(" + path + ", " + value + ")");
        Arbitrary<String> between = Combinators.combine(paths(), placeholders(), placeholders())
                .as((path, low, high) -> path + " BETWEEN " + low + " AND " + high);
        Arbitrary<String> in = Combinators.combine(paths(), placeholders().list().ofMinSize(1).ofMaxSize(4))
                .as((path, values) -> path + " IN (" + String.join(", ", values) + ")");
        Arbitrary<String> atom = Arbitraries.oneOf(comparison, function, between, in);
        return Combinators.combine(atom.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(" AND ", " OR ", " AND NOT "),
                        Arbitraries.of(true, false))
                .as((atoms, joiner, parenthesised) -> parenthesised
                        ? "(" + String.join(joiner, atoms) + ")" : String.join(joiner, atoms));
    }

    @Provide
    Arbitrary<String> projections() {
        return paths().list().ofMinSize(1).ofMaxSize(5).map(p -> String.join(", ", p));
    }

    private Arbitrary<String> paths() {
        return Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(SUFFIXES), Arbitraries.of(SECOND_SUFFIXES))
                .as((name, first, second) -> name + first + second);
    }

    private Arbitrary<String> placeholders() {
        return Arbitraries.of(VALUES.keySet().stream().sorted().toList());
    }

    private Arbitrary<String> operands() {
        return Arbitraries.oneOf(paths(), placeholders(),
                Combinators.combine(paths(), placeholders()).as((path, value) -> "if_not_exists(" + path + ", " + value + ")"),
                Combinators.combine(paths(), placeholders()).as((path, value) -> "list_append(" + path + ", " + value + ")"));
    }

    private Arbitrary<String> operandsForConditions() {
        return Arbitraries.oneOf(paths(), placeholders(), paths().map(path -> "size(" + path + ")"));
    }

    /** The request with only the placeholders the expression uses, so an unused one never decides the answer. */
    private static String request(String expression, String parameter, String rest) {
        ObjectNode values = JSON.createObjectNode();
        VALUES.forEach((placeholder, value) -> {
            if (expression.matches(".*" + placeholder + "\\b.*")) {
                try {
                    values.set(placeholder, JSON.readTree(value));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        String names = expression.contains("#r") ? ",\"ExpressionAttributeNames\":{\"#r\":\"status\"}" : "";
        String valuesJson = values.isEmpty() ? "" : ",\"ExpressionAttributeValues\":" + values;
        return "{\"TableName\":\"" + table + "\",\"" + parameter + "\":" + JSON.valueToTree(expression).toString()
                + names + valuesJson + rest + "}";
    }

    private static void assertAppliedOrRefused(RawHttp.Response response, String expression) {
        if (response.status() != 200) {
            assertThat(response.status()).as("%s -> %s", expression, response.body()).isEqualTo(400);
            assertThat(response.errorType()).as("%s -> %s", expression, response.body()).isIn(CLIENT_ERRORS);
        }
    }
}
