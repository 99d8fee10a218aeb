package nhssm.local.dynamodb.engine.value;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An item's size as the Developer Guide computes it: the UTF-8 length of each attribute name plus its
 * value's size; a number is about 1 byte per two significant digits plus 1; a list or map 3 bytes plus
 * 1 byte per element plus its elements (and a map's names); BOOL and NULL 1 byte.
 */
public final class ItemSize {

    /** The largest item DynamoDB stores: 400 KB. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    public static int of(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8Length(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    public static int of(AttributeValue value) {
        return switch (value) {
            case AttributeValue.S s -> utf8Length(s.value());
            case AttributeValue.N n -> number(n.value());
            case AttributeValue.B b -> b.value().length();
            case AttributeValue.SS ss -> ss.values().stream().mapToInt(ItemSize::utf8Length).sum();
            case AttributeValue.NS ns -> ns.values().stream().mapToInt(ItemSize::number).sum();
            case AttributeValue.BS bs -> bs.values().stream().mapToInt(Bytes::length).sum();
            case AttributeValue.M m -> {
                int size = 3;
                for (Map.Entry<String, AttributeValue> e : m.values().entrySet()) {
                    size += 1 + utf8Length(e.getKey()) + of(e.getValue());
                }
                yield size;
            }
            case AttributeValue.L l -> 3 + l.values().stream().mapToInt(v -> 1 + of(v)).sum();
            case AttributeValue.Bool bool -> 1;
            case AttributeValue.Null nul -> 1;
        };
    }

    private static int number(BigDecimal value) {
        BigDecimal canonical = Numbers.canonical(value);
        int digits = canonical.signum() == 0 ? 1 : canonical.precision();
        return (digits + 1) / 2 + 1;
    }

    /** The UTF-8 length without encoding the string. */
    public static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
