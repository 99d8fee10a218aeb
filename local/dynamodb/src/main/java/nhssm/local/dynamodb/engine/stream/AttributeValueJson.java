package nhssm.local.dynamodb.engine.stream;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.Bytes;

/**
 * Attribute values in DynamoDB JSON ({@code {"S":"x"}}, {@code {"N":"1.5"}}, …), as stream records carry
 * them and as the write-ahead log stores them. Reads only what it wrote (trusted input): the wire codec
 * that checks a client's values belongs to the request layer, and should replace this one once it exists.
 */
public final class AttributeValueJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AttributeValueJson() {
    }

    /** An item or a key: each attribute's name to its value. */
    public static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode node = JSON.objectNode();
        item.forEach((name, value) -> node.set(name, value(value)));
        return node;
    }

    public static ObjectNode value(AttributeValue value) {
        ObjectNode node = JSON.objectNode();
        switch (value) {
            case AttributeValue.S s -> node.put("S", s.value());
            case AttributeValue.N n -> node.put("N", n.text());
            case AttributeValue.B b -> node.put("B", b.value().base64());
            case AttributeValue.SS ss -> {
                ArrayNode array = node.putArray("SS");
                ss.values().forEach(array::add);
            }
            case AttributeValue.NS ns -> {
                ArrayNode array = node.putArray("NS");
                ns.values().forEach(number -> array.add(new AttributeValue.N(number).text()));
            }
            case AttributeValue.BS bs -> {
                ArrayNode array = node.putArray("BS");
                bs.values().forEach(bytes -> array.add(bytes.base64()));
            }
            case AttributeValue.M m -> node.set("M", item(m.values()));
            case AttributeValue.L l -> {
                ArrayNode array = node.putArray("L");
                l.values().forEach(element -> array.add(value(element)));
            }
            case AttributeValue.Bool bool -> node.put("BOOL", bool.value());
            case AttributeValue.Null nul -> node.put("NULL", true);
        }
        return node;
    }

    /** The inverse of {@link #item}; fails with IllegalArgumentException on anything it would not write. */
    public static Map<String, AttributeValue> readItem(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an item is a JSON object");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            item.put(field.getKey(), readValue(field.getValue()));
        }
        return item;
    }

    public static AttributeValue readValue(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new IllegalArgumentException("an attribute value is an object with one type");
        }
        Map.Entry<String, JsonNode> typed = node.fields().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> new AttributeValue.S(text(v));
            case "N" -> new AttributeValue.N(new BigDecimal(text(v)));
            case "B" -> new AttributeValue.B(Bytes.fromBase64(text(v)));
            case "SS" -> new AttributeValue.SS(texts(v));
            case "NS" -> {
                Set<BigDecimal> numbers = new HashSet<>();
                texts(v).forEach(t -> numbers.add(new BigDecimal(t)));
                yield new AttributeValue.NS(numbers);
            }
            case "BS" -> {
                Set<Bytes> binaries = new HashSet<>();
                texts(v).forEach(t -> binaries.add(Bytes.fromBase64(t)));
                yield new AttributeValue.BS(binaries);
            }
            case "M" -> new AttributeValue.M(readItem(v));
            case "L" -> {
                if (!v.isArray()) {
                    throw new IllegalArgumentException("L holds an array");
                }
                List<AttributeValue> elements = new ArrayList<>();
                v.forEach(element -> elements.add(readValue(element)));
                yield new AttributeValue.L(elements);
            }
            case "BOOL" -> {
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException("BOOL holds true or false");
                }
                yield new AttributeValue.Bool(v.booleanValue());
            }
            case "NULL" -> new AttributeValue.Null();
            default -> throw new IllegalArgumentException("unknown attribute type " + typed.getKey());
        };
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("expected a string");
        }
        return node.textValue();
    }

    private static Set<String> texts(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("a set holds an array");
        }
        Set<String> values = new HashSet<>();
        node.forEach(element -> values.add(text(element)));
        return values;
    }
}
