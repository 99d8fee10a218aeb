package nhssm.local.dynamodb.engine.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;

class AttributeValueJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static AttributeValue decode(String text) {
        return AttributeValueJson.value(json(text));
    }

    private static DynamoDbError refusal(String text) {
        try {
            decode(text);
        } catch (DynamoDbError e) {
            return e;
        }
        throw new AssertionError("accepted " + text);
    }

    @Test
    void everyType_shouldRoundTrip_throughDynamoDbJson() {
        String item = """
                {"s":{"S":"text"},"n":{"N":"1.50"},"b":{"B":"AAEC"},"ss":{"SS":["a","b"]},"ns":{"NS":["1","2.0"]},
                 "bs":{"BS":["AA=="]},"m":{"M":{"x":{"NULL":true}}},"l":{"L":[{"BOOL":false},{"S":""}]}}""";

        Map<String, AttributeValue> decoded = AttributeValueJson.item(json(item), "Item");

        assertThat(decoded.get("n")).isEqualTo(new AttributeValue.N(new BigDecimal("1.5")));
        assertThat(decoded.get("b")).isEqualTo(new AttributeValue.B(Bytes.of(new byte[] {0, 1, 2})));
        assertThat(decoded.get("ns")).isEqualTo(new AttributeValue.NS(Set.of(BigDecimal.ONE, new BigDecimal(2))));
        assertThat(decoded.get("l")).isEqualTo(new AttributeValue.L(List.of(new AttributeValue.Bool(false), new AttributeValue.S(""))));
        assertThat(AttributeValueJson.item(AttributeValueJson.toJson(decoded), "Item")).isEqualTo(decoded);
    }

    @Test
    void numbers_shouldBeReturnedInCanonicalForm() {
        assertThat(AttributeValueJson.toJson(decode("{\"N\":\"1.50\"}")).get("N").asText()).isEqualTo("1.5");
        assertThat(AttributeValueJson.toJson(decode("{\"N\":\"1e3\"}")).get("N").asText()).isEqualTo("1000");
        assertThat(AttributeValueJson.toJson(decode("{\"N\":\"-0.000\"}")).get("N").asText()).isEqualTo("0");
        assertThat(AttributeValueJson.toJson(decode("{\"NS\":[\"10\",\"2E1\"]}")).get("NS"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("10", "20");
    }

    @Test
    void aValue_shouldHaveExactlyOneType() {
        assertThat(refusal("{}").getMessage())
                .isEqualTo("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertThat(refusal("{\"S\":\"a\",\"N\":\"1\"}").getMessage()).isEqualTo(
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        assertThat(refusal("{\"X\":\"a\"}").getMessage()).contains("X");
    }

    @Test
    void sets_shouldBeRefused_whenEmptyOrDuplicated() {
        assertThat(refusal("{\"SS\":[]}").getMessage()).contains("string set").contains("empty");
        assertThat(refusal("{\"NS\":[]}").getMessage()).contains("number set").contains("empty");
        assertThat(refusal("{\"BS\":[]}").getMessage()).contains("Binary sets should not be empty");
        assertThat(refusal("{\"SS\":[\"a\",\"a\"]}").getMessage()).contains("contains duplicates");
        // 1 and 1.0 are one number.
        assertThat(refusal("{\"NS\":[\"1\",\"1.0\"]}").getMessage()).contains("contains duplicates");
    }

    @Test
    void wrongJsonTypes_shouldBeSerializationErrors() {
        assertThat(refusal("{\"S\":5}").type()).isEqualTo(ErrorType.SERIALIZATION);
        assertThat(refusal("{\"BOOL\":\"true\"}").type()).isEqualTo(ErrorType.SERIALIZATION);
        assertThat(refusal("{\"B\":\"not base64!\"}").type()).isEqualTo(ErrorType.SERIALIZATION);
        assertThat(refusal("{\"L\":{}}").type()).isEqualTo(ErrorType.SERIALIZATION);
        assertThat(refusal("\"text\"").type()).isEqualTo(ErrorType.SERIALIZATION);
    }

    @Test
    void null_shouldBeTrue() {
        assertThat(refusal("{\"NULL\":false}").getMessage()).contains("Null attribute value types must have the value of true");
    }

    @Test
    void documents_shouldNestAtMost32Levels() {
        assertThat(decode(nested(32))).isInstanceOf(AttributeValue.L.class);
        assertThat(refusal(nested(33)).getMessage()).isEqualTo("Nesting Levels have exceeded supported limits");
    }

    private static String nested(int levels) {
        return "{\"L\":[".repeat(levels - 1) + "{\"L\":[]}" + "]}".repeat(levels - 1);
    }
}
