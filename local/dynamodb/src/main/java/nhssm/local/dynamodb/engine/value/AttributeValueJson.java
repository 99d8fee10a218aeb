package nhssm.local.dynamodb.engine.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;

/**
 * DynamoDB JSON ({@code {"S":"x"}}, {@code {"N":"1"}}, …) to and from {@link AttributeValue}, refusing
 * what the service refuses with its messages: no type or two types, empty or duplicated sets, bad
 * numbers, bad base64, a NULL that is not true, documents nested deeper than 32 levels.
 */
public final class AttributeValueJson {

    /** The deepest a document may nest, as the Developer Guide gives it. */
    public static final int MAX_DEPTH = 32;
    /** The longest attribute name: 64 KB less one byte, as the Developer Guide's limits give it. */
    public static final int MAX_NAME_BYTES = 65535;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> TYPES = Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "BOOL", "NULL");

    private AttributeValueJson() {
    }

    /** An item or key: a JSON object of attribute names (not empty, under 64 KB) to values. */
    public static Map<String, AttributeValue> item(JsonNode node, String parameter) {
        if (!node.isObject()) {
            throw serialization(parameter + " must be a map of attribute names to attribute values");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            checkName(field.getKey());
            item.put(field.getKey(), value(field.getValue(), 1));
        }
        return item;
    }

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw DynamoDbError.validation("One or more parameter values were invalid: An attribute name cannot be empty");
        }
        if (ItemSize.utf8Length(name) > MAX_NAME_BYTES) {
            throw DynamoDbError.validation("One or more parameter values were invalid: An attribute name is longer than "
                    + MAX_NAME_BYTES + " bytes");
        }
    }

    /** One attribute value. */
    public static AttributeValue value(JsonNode node) {
        return value(node, 1);
    }

    private static AttributeValue value(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw DynamoDbError.validation("Nesting Levels have exceeded supported limits");
        }
        if (!node.isObject()) {
            throw serialization("An AttributeValue must be a JSON object such as {\"S\": \"text\"}");
        }
        if (node.isEmpty()) {
            throw DynamoDbError.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (node.size() > 1) {
            throw DynamoDbError.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        Map.Entry<String, JsonNode> only = node.fields().next();
        String type = only.getKey();
        JsonNode content = only.getValue();
        if (!TYPES.contains(type)) {
            throw DynamoDbError.validation("Supplied AttributeValue has the unsupported datatype " + type
                    + ", must contain exactly one of the supported datatypes " + List.of("S", "N", "B", "SS", "NS",
                            "BS", "M", "L", "BOOL", "NULL"));
        }
        return switch (type) {
            case "S" -> new AttributeValue.S(text(content, type));
            case "N" -> new AttributeValue.N(Numbers.parse(text(content, type)));
            case "B" -> new AttributeValue.B(bytes(text(content, type)));
            case "SS" -> new AttributeValue.SS(set(content, type, "An string set  may not be empty", n -> text(n, type)));
            case "NS" -> new AttributeValue.NS(numberSet(content));
            case "BS" -> new AttributeValue.BS(set(content, type, "Binary sets should not be empty",
                    n -> bytes(text(n, type))));
            case "M" -> new AttributeValue.M(map(content, depth));
            case "L" -> new AttributeValue.L(list(content, depth));
            case "BOOL" -> new AttributeValue.Bool(bool(content, type));
            default -> nullValue(content);
        };
    }

    private static AttributeValue nullValue(JsonNode content) {
        if (!bool(content, "NULL")) {
            throw DynamoDbError.validation(
                    "One or more parameter values were invalid: Null attribute value types must have the value of true");
        }
        return new AttributeValue.Null();
    }

    private static Map<String, AttributeValue> map(JsonNode content, int depth) {
        if (!content.isObject()) {
            throw serialization("M must be a map of attribute names to attribute values");
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = content.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            values.put(field.getKey(), value(field.getValue(), depth + 1));
        }
        return values;
    }

    private static List<AttributeValue> list(JsonNode content, int depth) {
        if (!content.isArray()) {
            throw serialization("L must be a list of attribute values");
        }
        List<AttributeValue> values = new ArrayList<>(content.size());
        for (JsonNode element : content) {
            values.add(value(element, depth + 1));
        }
        return values;
    }

    private static Set<BigDecimal> numberSet(JsonNode content) {
        Set<BigDecimal> values = set(content, "NS", "An number set  may not be empty",
                n -> Numbers.parse(text(n, "NS")));
        return values;
    }

    private static <T> Set<T> set(JsonNode content, String type, String emptyMessage, Function<JsonNode, T> element) {
        if (!content.isArray()) {
            throw serialization(type + " must be a list");
        }
        if (content.isEmpty()) {
            throw DynamoDbError.validation("One or more parameter values were invalid: " + emptyMessage);
        }
        Set<T> values = new HashSet<>();
        List<String> sent = new ArrayList<>();
        boolean duplicated = false;
        for (JsonNode member : content) {
            sent.add(member.asText());
            duplicated |= !values.add(element.apply(member));
        }
        if (duplicated) {
            throw DynamoDbError.validation(
                    "One or more parameter values were invalid: Input collection " + sent + " contains duplicates.");
        }
        return values;
    }

    private static String text(JsonNode node, String type) {
        if (!node.isTextual()) {
            throw serialization("The value of " + type + " must be a JSON string, not " + node.getNodeType());
        }
        return node.textValue();
    }

    private static boolean bool(JsonNode node, String type) {
        if (!node.isBoolean()) {
            throw serialization("The value of " + type + " must be a JSON boolean, not " + node.getNodeType());
        }
        return node.booleanValue();
    }

    private static Bytes bytes(String base64) {
        try {
            return Bytes.fromBase64(base64);
        } catch (IllegalArgumentException e) {
            throw serialization("Binary values must be base64 encoded: " + e.getMessage());
        }
    }

    private static DynamoDbError serialization(String message) {
        return new DynamoDbError(ErrorType.SERIALIZATION, message);
    }

    /** An item as DynamoDB JSON. */
    public static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode node = JSON.objectNode();
        item.forEach((name, value) -> node.set(name, toJson(value)));
        return node;
    }

    /** One value as DynamoDB JSON, numbers in canonical form. */
    public static ObjectNode toJson(AttributeValue value) {
        ObjectNode node = JSON.objectNode();
        switch (value) {
            case AttributeValue.S s -> node.put("S", s.value());
            case AttributeValue.N n -> node.put("N", n.text());
            case AttributeValue.B b -> node.put("B", b.value().base64());
            case AttributeValue.SS ss -> ss.values().forEach(node.putArray("SS")::add);
            case AttributeValue.NS ns -> {
                ArrayNode array = node.putArray("NS");
                ns.values().forEach(v -> array.add(Numbers.text(v)));
            }
            case AttributeValue.BS bs -> {
                ArrayNode array = node.putArray("BS");
                bs.values().forEach(v -> array.add(v.base64()));
            }
            case AttributeValue.M m -> node.set("M", toJson(m.values()));
            case AttributeValue.L l -> {
                ArrayNode array = node.putArray("L");
                l.values().forEach(v -> array.add(toJson(v)));
            }
            case AttributeValue.Bool bool -> node.put("BOOL", bool.value());
            case AttributeValue.Null nul -> node.put("NULL", true);
        }
        return node;
    }
}
