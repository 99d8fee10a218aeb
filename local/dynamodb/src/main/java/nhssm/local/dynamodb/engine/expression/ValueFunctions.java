package nhssm.local.dynamodb.engine.expression;

import java.util.Arrays;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/** begins_with and contains on values, shared by conditions and the sort-key condition. */
final class ValueFunctions {

    private ValueFunctions() {
    }

    private static boolean containsBytes(byte[] bytes, byte[] part) {
        for (int start = 0; start + part.length <= bytes.length; start++) {
            if (Arrays.equals(bytes, start, start + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    /** A string prefix of a string, or a byte prefix of a binary; false for anything else or a missing value. */
    static boolean beginsWith(AttributeValue value, AttributeValue prefix) {
        if (value instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
            return s.value().startsWith(p.value());
        }
        if (value instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
            byte[] bytes = b.value().toArray();
            byte[] start = p.value().toArray();
            return start.length <= bytes.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
        }
        return false;
    }

    /** A substring of a string or binary, a member of a set of the operand's type, or an element of a list. */
    static boolean contains(AttributeValue value, AttributeValue operand) {
        if (value == null || operand == null) {
            return false;
        }
        return switch (value) {
            case AttributeValue.S s when operand instanceof AttributeValue.S o -> s.value().contains(o.value());
            case AttributeValue.B b when operand instanceof AttributeValue.B o -> containsBytes(b.value().toArray(), o.value().toArray());
            case AttributeValue.SS ss when operand instanceof AttributeValue.S o -> ss.values().contains(o.value());
            case AttributeValue.NS ns when operand instanceof AttributeValue.N o -> ns.values().contains(o.value());
            case AttributeValue.BS bs when operand instanceof AttributeValue.B o -> bs.values().contains(o.value());
            case AttributeValue.L list -> list.values().contains(operand);
            default -> false;
        };
    }
}
