package nhssm.local.dynamodb.engine.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/** The value a SET action stores: an operand, {@code if_not_exists}, {@code list_append}, or {@code a + b} / {@code a - b}. */
sealed interface UpdateValue {

    /** The value for the item as it was before the update; refuses a missing attribute or a wrong type. */
    AttributeValue evaluate(Map<String, AttributeValue> item);

    /** The type known before any item is seen, or null. */
    String staticType();

    static DynamoDbError incorrectType() {
        return DynamoDbError.validation("An operand in the update expression has an incorrect data type");
    }

    /** A path or an expression attribute value. */
    record Of(Operand operand) implements UpdateValue {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            AttributeValue value = operand.evaluate(item);
            if (value == null) {
                throw DynamoDbError.validation("The provided expression refers to an attribute that does not exist in the item");
            }
            return value;
        }

        @Override
        public String staticType() {
            return operand.staticType();
        }
    }

    record IfNotExists(Path path, UpdateValue fallback) implements UpdateValue {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            AttributeValue value = path.find(item);
            return value != null ? value : fallback.evaluate(item);
        }

        @Override
        public String staticType() {
            return fallback.staticType();
        }
    }

    record ListAppend(UpdateValue first, UpdateValue second) implements UpdateValue {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            if (first.evaluate(item) instanceof AttributeValue.L a && second.evaluate(item) instanceof AttributeValue.L b) {
                List<AttributeValue> joined = new ArrayList<>(a.values());
                joined.addAll(b.values());
                return new AttributeValue.L(joined);
            }
            throw incorrectType();
        }

        @Override
        public String staticType() {
            return "L";
        }
    }

    record Arithmetic(boolean plus, UpdateValue left, UpdateValue right) implements UpdateValue {
        @Override
        public AttributeValue evaluate(Map<String, AttributeValue> item) {
            if (left.evaluate(item) instanceof AttributeValue.N a && right.evaluate(item) instanceof AttributeValue.N b) {
                BigDecimal result = plus ? a.value().add(b.value()) : a.value().subtract(b.value());
                return new AttributeValue.N(NumberLimits.check(result));
            }
            throw incorrectType();
        }

        @Override
        public String staticType() {
            return "N";
        }
    }
}
