package nhssm.local.dynamodb.engine.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One DynamoDB attribute value, as the engine holds it: the ten types of the data model. Values are
 * immutable; collections are copied on construction. Numbers are held in canonical form (trailing zeros
 * stripped), so two numbers that DynamoDB treats as equal are {@code equals} here.
 */
public sealed interface AttributeValue {

    /** The type's name on the wire: {@code S}, {@code N}, {@code B}, {@code SS}, … {@code NULL}. */
    String type();

    record S(String value) implements AttributeValue {
        public S {
            Objects.requireNonNull(value);
        }

        @Override
        public String type() {
            return "S";
        }
    }

    record N(BigDecimal value) implements AttributeValue {
        public N {
            value = Numbers.canonical(value);
        }

        @Override
        public String type() {
            return "N";
        }

        /** The number as DynamoDB returns it. */
        public String text() {
            return Numbers.text(value);
        }
    }

    record B(Bytes value) implements AttributeValue {
        public B {
            Objects.requireNonNull(value);
        }

        @Override
        public String type() {
            return "B";
        }
    }

    record SS(Set<String> values) implements AttributeValue {
        public SS {
            values = Set.copyOf(values);
        }

        @Override
        public String type() {
            return "SS";
        }
    }

    record NS(Set<BigDecimal> values) implements AttributeValue {
        public NS {
            values = Set.copyOf(values.stream().map(Numbers::canonical).toList());
        }

        @Override
        public String type() {
            return "NS";
        }
    }

    record BS(Set<Bytes> values) implements AttributeValue {
        public BS {
            values = Set.copyOf(values);
        }

        @Override
        public String type() {
            return "BS";
        }
    }

    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M {
            values = Map.copyOf(values);
        }

        @Override
        public String type() {
            return "M";
        }
    }

    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "L";
        }
    }

    record Bool(boolean value) implements AttributeValue {
        @Override
        public String type() {
            return "BOOL";
        }
    }

    record Null() implements AttributeValue {
        @Override
        public String type() {
            return "NULL";
        }
    }
}
