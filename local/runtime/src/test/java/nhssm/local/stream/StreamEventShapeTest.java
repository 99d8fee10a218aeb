package nhssm.local.stream;

import static nhssm.local.stream.StreamFixtures.TABLE;
import static nhssm.local.stream.StreamFixtures.await;
import static nhssm.local.stream.StreamFixtures.json;
import static nhssm.local.stream.StreamFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nhssm.local.dynamodb.LocalDynamoDbExtension;
import nhssm.local.stream.StreamFixtures.Log;
import nhssm.local.stream.StreamFixtures.RecordingInvoker;
import nhssm.local.stream.StreamFixtures.Source;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Real stream records from the DynamoDB engine reach a test function as events shaped like AWS's: compared with
 * AWS's sample events, and read back with the Lambda Java runtime's own serializer.
 */
class StreamEventShapeTest {

    private static final String WELSH = "Diolch yn fawr ✓ 🙂";

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    /** Inserts, modifies and removes one item with every attribute type; returns the three records delivered. */
    private static Delivered insertModifyRemove() {
        String table = DYNAMO.dynamo().newTable();
        var invoker = RecordingInvoker.succeeding();
        Log log = new Log();
        try (StreamPump pump = StreamPump.start(Source.defaults().template(), Map.of(TABLE, table),
                DYNAMO.dynamo().client(), DYNAMO.dynamo().streamsClient(), invoker, log.options())) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("text", AttributeValue.fromS(WELSH));
            item.put("number", AttributeValue.fromN("1.50"));
            item.put("binary", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")));
            item.put("flag", AttributeValue.fromBool(true));
            item.put("nothing", AttributeValue.fromNul(true));
            item.put("list", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromN("2"))));
            item.put("map", AttributeValue.fromM(Map.of("inner", AttributeValue.fromS("x"))));
            item.put("strings", AttributeValue.fromSs(List.of("one", "two")));
            item.put("numbers", AttributeValue.fromNs(List.of("1", "2")));
            item.put("binaries", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("b1"))));
            StreamFixtures.put(DYNAMO.dynamo().client(), table, "RESP#1", item);
            DYNAMO.dynamo().client().updateItem(r -> r.tableName(table).key(key("RESP#1"))
                    .updateExpression("SET #t = :t").expressionAttributeNames(Map.of("#t", "text"))
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("changed"))));
            DYNAMO.dynamo().client().deleteItem(r -> r.tableName(table).key(key("RESP#1")));

            await("three records are delivered", () -> invoker.recordCount() >= 3);
        }
        String streamArn = DYNAMO.dynamo().client().describeTable(r -> r.tableName(table)).table().latestStreamArn();
        return new Delivered(invoker.events, invoker.records(), streamArn);
    }

    private record Delivered(List<String> events, List<JsonNode> records, String streamArn) {
    }

    @Test
    void insertModifyRemove_shouldReachTheFunctionInOrder() {
        Delivered delivered = insertModifyRemove();

        assertThat(delivered.records()).extracting(r -> r.get("eventName").asText())
                .containsExactly("INSERT", "MODIFY", "REMOVE");
        assertThat(delivered.records()).allSatisfy(record -> {
            assertThat(record.get("eventVersion").asText()).isEqualTo("1.1");
            assertThat(record.get("eventSource").asText()).isEqualTo("aws:dynamodb");
            assertThat(record.get("eventSourceARN").asText()).isEqualTo(delivered.streamArn());
            assertThat(record.path("dynamodb").path("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
            assertThat(record.path("dynamodb").path("Keys").properties()).extracting(Map.Entry::getKey)
                    .containsExactlyInAnyOrder("pk", "sk");
            JsonNode created = record.path("dynamodb").path("ApproximateCreationDateTime");
            assertThat(created.isNumber()).as("epoch seconds, a number").isTrue();
            assertThat(Instant.ofEpochSecond(created.longValue())).isBetween(
                    Instant.now().minus(Duration.ofMinutes(10)), Instant.now().plus(Duration.ofMinutes(1)));
            assertThat(record.path("dynamodb").path("SizeBytes").isIntegralNumber()).isTrue();
        });
        List<String> sequenceNumbers = delivered.records().stream()
                .map(r -> r.path("dynamodb").path("SequenceNumber").asText()).toList();
        assertThat(sequenceNumbers).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).isNotBlank());
    }

    @Test
    void images_shouldBeDynamoDbJsonAsTheViewTypeProvides() {
        List<JsonNode> records = insertModifyRemove().records();
        JsonNode insert = records.get(0).get("dynamodb");
        JsonNode modify = records.get(1).get("dynamodb");
        JsonNode remove = records.get(2).get("dynamodb");

        assertThat(insert.has("NewImage")).isTrue();
        assertThat(insert.has("OldImage")).isFalse();
        assertThat(modify.has("NewImage") && modify.has("OldImage")).isTrue();
        assertThat(remove.has("NewImage")).isFalse();
        assertThat(remove.has("OldImage")).isTrue();

        JsonNode image = insert.get("NewImage");
        assertThat(image.get("text")).isEqualTo(json("{\"S\":\"" + WELSH + "\"}"));
        assertThat(image.get("number")).isEqualTo(json("{\"N\":\"1.5\"}"));
        assertThat(image.get("binary")).isEqualTo(json("{\"B\":\""
                + Base64.getEncoder().encodeToString("bytes".getBytes(StandardCharsets.UTF_8)) + "\"}"));
        assertThat(image.get("flag")).isEqualTo(json("{\"BOOL\":true}"));
        assertThat(image.get("nothing")).isEqualTo(json("{\"NULL\":true}"));
        assertThat(image.get("list")).isEqualTo(json("{\"L\":[{\"S\":\"a\"},{\"N\":\"2\"}]}"));
        assertThat(image.get("map")).isEqualTo(json("{\"M\":{\"inner\":{\"S\":\"x\"}}}"));
        assertThat(image.path("strings").path("SS")).containsExactlyInAnyOrder(json("\"one\""), json("\"two\""));
        assertThat(image.path("numbers").path("NS")).containsExactlyInAnyOrder(json("\"1\""), json("\"2\""));
        assertThat(image.path("binaries").path("BS")).containsExactly(
                json("\"" + Base64.getEncoder().encodeToString("b1".getBytes(StandardCharsets.UTF_8)) + "\""));
        assertThat(modify.path("NewImage").path("text").path("S").asText()).isEqualTo("changed");
        assertThat(modify.path("OldImage").path("text").path("S").asText()).isEqualTo(WELSH);
    }

    @Test
    void events_shouldHaveTheFieldNamesOfAwsSampleEvents() throws IOException {
        List<JsonNode> records = insertModifyRemove().records();

        for (String sample : List.of("aws-lambda-java-libs_ddb_dynamo_event.json",
                "aws-sam-cli_DynamoDBUpdate.rendered-defaults.json")) {
            JsonNode reference = resource(sample);
            assertThat(reference.properties()).extracting(Map.Entry::getKey).containsExactly("Records");
            for (JsonNode expected : reference.get("Records")) {
                JsonNode actual = records.stream()
                        .filter(r -> r.get("eventName").equals(expected.get("eventName"))).findFirst().orElseThrow();
                Set<String> expectedFields = fieldNames(expected);
                expectedFields.remove("userIdentity"); // only on deletions by TTL in real streams
                assertThat(fieldNames(actual)).as("%s %s record", sample, expected.get("eventName"))
                        .isEqualTo(expectedFields);
                assertThat(fieldNames(actual.get("dynamodb"))).as("%s %s dynamodb", sample, expected.get("eventName"))
                        .isEqualTo(fieldNames(expected.get("dynamodb")));
                assertThat(actual.path("dynamodb").path("ApproximateCreationDateTime").getNodeType())
                        .isEqualTo(expected.path("dynamodb").path("ApproximateCreationDateTime").getNodeType());
            }
        }
    }

    @Test
    void events_shouldDeserializeWithTheLambdaRuntimesSerializer_whichPlainJacksonCannotRead() throws IOException {
        Delivered delivered = insertModifyRemove();
        PojoSerializer<DynamodbEvent> runtime = LambdaEventSerializers.serializerFor(DynamodbEvent.class,
                getClass().getClassLoader());

        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (String event : delivered.events()) {
            records.addAll(runtime.fromJson(event).getRecords());
        }

        assertThat(records).extracting(DynamodbEvent.DynamodbStreamRecord::getEventName)
                .containsExactly("INSERT", "MODIFY", "REMOVE");
        var insert = records.get(0);
        assertThat(insert.getEventSourceARN()).isEqualTo(delivered.streamArn());
        assertThat(insert.getDynamodb().getKeys().get("sk").getS()).isEqualTo("RESP#1");
        assertThat(insert.getDynamodb().getNewImage().get("text").getS()).isEqualTo(WELSH);
        assertThat(insert.getDynamodb().getNewImage().get("number").getN()).isEqualTo("1.5");
        assertThat(insert.getDynamodb().getNewImage().get("binary").getB())
                .isEqualTo(ByteBuffer.wrap("bytes".getBytes(StandardCharsets.UTF_8)));
        assertThat(insert.getDynamodb().getNewImage().get("flag").getBOOL()).isTrue();
        assertThat(insert.getDynamodb().getNewImage().get("nothing").getNULL()).isTrue();
        assertThat(insert.getDynamodb().getNewImage().get("list").getL()).hasSize(2);
        assertThat(insert.getDynamodb().getNewImage().get("map").getM().get("inner").getS()).isEqualTo("x");
        assertThat(insert.getDynamodb().getNewImage().get("strings").getSS()).containsExactlyInAnyOrder("one", "two");
        assertThat(insert.getDynamodb().getSequenceNumber())
                .isEqualTo(delivered.records().get(0).path("dynamodb").path("SequenceNumber").asText());
        assertThat(insert.getDynamodb().getApproximateCreationDateTime().toInstant().getEpochSecond())
                .isEqualTo(delivered.records().get(0).path("dynamodb").path("ApproximateCreationDateTime").longValue());
        assertThat(records.get(1).getDynamodb().getOldImage().get("text").getS()).isEqualTo(WELSH);
        assertThat(records.get(2).getDynamodb().getNewImage()).isNull();

        // The same JSON through plain Jackson: "Records", "NewImage", "S" match no bean property; all dropped.
        DynamodbEvent plain = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(delivered.events().get(0), DynamodbEvent.class);
        assertThat(plain.getRecords()).isNull();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = resourceStream(name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static InputStream resourceStream(String name) {
        InputStream in = StreamEventShapeTest.class.getResourceAsStream("/stream/" + name);
        if (in == null) {
            throw new IllegalStateException("no test resource stream/" + name);
        }
        return in;
    }
}
