package nhssm.local.dynamodb.engine.expression;

import java.math.BigDecimal;
import java.util.Map;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/** An operand of a condition: a document path, an expression attribute value, or {@code size(operand)}. */
sealed interface Operand {

    /** The operand's value for the item; null when it has none (a missing attribute, a size of a number). */
    AttributeValue evaluate(Map<String, AttributeValue> item);

    /** The type the operand is known to have before any item is seen, or null (a path's type is not known). */
    String staticType();

    record PathOperand(Path path) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            return path.find(item);
        }

        @Override
        public String staticType() {
            return null;
        }
    }

    record Literal(AttributeValue value) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            return value;
        }

        @Override
        public String staticType() {
            return value.type();
        }
    }

    /** {@code size}: a string's length in UTF-16 code units (as the service counts it), a binary's in bytes, the element count of a set, list or map. */
    record Size(Operand argument) implements Operand {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            AttributeValue value = argument.evaluate(item);
            Integer size = value == null ? null : switch (value) {
                case AttributeValue.S s -> s.value().length();
                case AttributeValue.B b -> b.value().length();
                case AttributeValue.SS ss -> ss.values().size();
                case AttributeValue.NS ns -> ns.values().size();
                case AttributeValue.BS bs -> bs.values().size();
                case AttributeValue.L list -> list.values().size();
                case AttributeValue.M map -> map.values().size();
                case AttributeValue.N n -> null;
                case AttributeValue.Bool bool -> null;
                case AttributeValue.Null nul -> null;
            };
            return size == null ? null : new AttributeValue.N(BigDecimal.valueOf(size));
        }

        @Override
        public String staticType() {
            return "N";
        }
    }
}
