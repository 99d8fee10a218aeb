package nhssm.local.dynamodb.engine.expression;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.ValueOrder;

/**
 * A parsed condition, evaluated directly on an item: the parse is done once and each item costs only a walk
 * of this small tree. AND and OR hold their operands flat, so a long chain does not make the tree deep.
 */
sealed interface ConditionNode extends Condition {

    record And(List<ConditionNode> operands) implements ConditionNode {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            for (ConditionNode operand : operands) {
                if (!operand.test(item)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(List<ConditionNode> operands) implements ConditionNode {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            for (ConditionNode operand : operands) {
                if (operand.test(item)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(ConditionNode operand) implements ConditionNode {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return !operand.test(item);
        }
    }

    record Comparison(Comparator comparator, Operand left, Operand right) implements ConditionNode {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return comparator.test(left.evaluate(item), right.evaluate(item));
        }
    }

    record Between(Operand value, Operand lower, Operand upper) implements ConditionNode {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = value.evaluate(item);
            AttributeValue lo = lower.evaluate(item);
            AttributeValue hi = upper.evaluate(item);
            if (v == null || lo == null || hi == null) {
                return false;
            }
            Optional<Integer> low = ValueOrder.compare(v, lo);
            Optional<Integer> high = ValueOrder.compare(v, hi);
            return low.isPresent() && high.isPresent() && low.get() >= 0 && high.get() <= 0;
        }
    }

    record In(Operand value, List<Operand> candidates) implements ConditionNode {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = value.evaluate(item);
            if (v == null) {
                return false;
            }
            for (Operand candidate : candidates) {
                if (v.equals(candidate.evaluate(item))) {
                    return true;
                }
            }
            return false;
        }
    }

    record AttributeExists(Path path) implements ConditionNode {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return path.find(item) != null;
        }
    }

    record AttributeNotExists(Path path) implements ConditionNode {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return path.find(item) == null;
        }
    }

    /** attribute_type: its first operand is usually a path, but the service takes any operand. */
    record AttributeType(Operand operand, String type) implements ConditionNode {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = operand.evaluate(item);
            return v != null && v.type().equals(type);
        }
    }

    record BeginsWith(Operand target, Operand prefix) implements ConditionNode {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return ValueFunctions.beginsWith(target.evaluate(item), prefix.evaluate(item));
        }
    }

    record Contains(Operand target, Operand operand) implements ConditionNode {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return ValueFunctions.contains(target.evaluate(item), operand.evaluate(item));
        }
    }
}
