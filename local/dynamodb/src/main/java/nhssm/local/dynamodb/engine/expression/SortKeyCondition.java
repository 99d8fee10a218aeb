package nhssm.local.dynamodb.engine.expression;

import java.util.List;

import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.ValueOrder;

/** The sort-key part of a KeyConditionExpression: = < <= > >= BETWEEN or begins_with. */
public interface SortKeyCondition {

    boolean test(AttributeValue sortKeyValue);

    /**
     * The values the condition compares with, so the caller can check them against the key's schema type.
     * A default, so that other implementations (a test's lambda) need not provide it.
     */
    default List<AttributeValue> operands() {
        return List.of();
    }

    /** {@code sk = :v}, {@code sk < :v}, … */
    record Compare(String operator, AttributeValue value) implements SortKeyCondition {
        @Override
        public boolean test(AttributeValue sortKeyValue) {
            return ValueOrder.compare(sortKeyValue, value).map(c -> switch (operator) {
                case "=" -> c == 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> throw new IllegalStateException(operator);
            }).orElse(false);
        }

        @Override
        public List<AttributeValue> operands() {
            return List.of(value);
        }
    }

    record Between(AttributeValue lower, AttributeValue upper) implements SortKeyCondition {
        @Override
        public boolean test(AttributeValue sortKeyValue) {
            return ValueOrder.compare(sortKeyValue, lower).map(c -> c >= 0).orElse(false)
                    && ValueOrder.compare(sortKeyValue, upper).map(c -> c <= 0).orElse(false);
        }

        @Override
        public List<AttributeValue> operands() {
            return List.of(lower, upper);
        }
    }

    record BeginsWith(AttributeValue prefix) implements SortKeyCondition {
        @Override
        public boolean test(AttributeValue sortKeyValue) {
            return ValueFunctions.beginsWith(sortKeyValue, prefix);
        }

        @Override
        public List<AttributeValue> operands() {
            return List.of(prefix);
        }
    }
}
