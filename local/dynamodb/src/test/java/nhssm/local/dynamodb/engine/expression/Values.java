package nhssm.local.dynamodb.engine.expression;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.Bytes;

/** Short constructors of attribute values and items for the expression tests. */
final class Values {

    private Values() {
    }

    static AttributeValue s(String value) {
        return new AttributeValue.S(value);
    }

    static AttributeValue n(String value) {
        return new AttributeValue.N(new BigDecimal(value));
    }

    static AttributeValue b(String utf8) {
        return new AttributeValue.B(Bytes.of(utf8.getBytes(StandardCharsets.UTF_8)));
    }

    static AttributeValue ss(String... values) {
        return new AttributeValue.SS(Set.of(values));
    }

    static AttributeValue ns(String... values) {
        return new AttributeValue.NS(Arrays.stream(values).map(BigDecimal::new).collect(Collectors.toSet()));
    }

    static AttributeValue bs(String... utf8) {
        return new AttributeValue.BS(Arrays.stream(utf8).map(v -> Bytes.of(v.getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.toSet()));
    }

    static AttributeValue l(AttributeValue... values) {
        return new AttributeValue.L(List.of(values));
    }

    static AttributeValue m(Object... keysAndValues) {
        return new AttributeValue.M(item(keysAndValues));
    }

    static AttributeValue bool(boolean value) {
        return new AttributeValue.Bool(value);
    }

    static AttributeValue nul() {
        return new AttributeValue.Null();
    }

    /** An item from alternating names and values. */
    static Map<String, AttributeValue> item(Object... keysAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            item.put((String) keysAndValues[i], (AttributeValue) keysAndValues[i + 1]);
        }
        return item;
    }

    /** Expression attribute values from alternating placeholders and values. */
    static Map<String, AttributeValue> values(Object... keysAndValues) {
        return item(keysAndValues);
    }
}
