package nhssm.local.dynamodb.engine.stream;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.Bytes;

/**
 * A stream record's {@code SizeBytes}: its keys and images measured as the Developer Guide measures items
 * (attribute names and values in UTF-8; a number about one byte per two significant digits plus one; a
 * list or map three bytes plus its contents). The item-size limit belongs to the tables, not to this.
 */
final class RecordSize {

    private RecordSize() {
    }

    static long of(Map<String, AttributeValue> image) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : image.entrySet()) {
            size += utf8(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    private static long of(AttributeValue value) {
        return switch (value) {
            case AttributeValue.S s -> utf8(s.value());
            case AttributeValue.N n -> number(n.value());
            case AttributeValue.B b -> b.value().length();
            case AttributeValue.SS ss -> ss.values().stream().mapToLong(RecordSize::utf8).sum();
            case AttributeValue.NS ns -> ns.values().stream().mapToLong(RecordSize::number).sum();
            case AttributeValue.BS bs -> bs.values().stream().mapToLong(Bytes::length).sum();
            case AttributeValue.M m -> 3 + of(m.values());
            case AttributeValue.L l -> 3 + l.values().stream().mapToLong(RecordSize::of).sum();
            case AttributeValue.Bool bool -> 1;
            case AttributeValue.Null nul -> 1;
        };
    }

    private static long number(BigDecimal number) {
        int digits = number.signum() == 0 ? 1 : number.stripTrailingZeros().precision();
        return (digits + 1) / 2 + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
