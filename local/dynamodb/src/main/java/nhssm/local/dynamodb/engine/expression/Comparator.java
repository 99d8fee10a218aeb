package nhssm.local.dynamodb.engine.expression;

import java.util.Optional;

import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.ValueOrder;

/** The comparison operators. Values of different types, or a missing value, never compare as ordered. */
enum Comparator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    static Comparator of(Token token) {
        return switch (token.kind()) {
            case EQ -> EQ;
            case NE -> NE;
            case LT -> LT;
            case LE -> LE;
            case GT -> GT;
            case GE -> GE;
            default -> null;
        };
    }

    /** The operator with its operands swapped: {@code :v <= x} is {@code x >= :v}. */
    Comparator flipped() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> this;
        };
    }

    /** Whether {@code a op b}; either may be null (no value). {@code <>} holds when the values are not equal. */
    boolean test(AttributeValue a, AttributeValue b) {
        if (this == EQ) {
            return a != null && a.equals(b);
        }
        if (this == NE) {
            return a == null || !a.equals(b);
        }
        if (a == null || b == null) {
            return false;
        }
        Optional<Integer> order = ValueOrder.compare(a, b);
        if (order.isEmpty()) {
            return false;
        }
        int c = order.get();
        return switch (this) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> throw new IllegalStateException(name());
        };
    }
}
