package nhssm.local.dynamodb.engine.value;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * How DynamoDB orders scalar values of one type: strings by their UTF-8 bytes (unsigned), numbers by
 * value, binaries by their bytes (unsigned). Used for sort keys and for the comparison operators.
 */
public final class ValueOrder {

    private ValueOrder() {
    }

    /** The order of two values of the same scalar type (S, N or B); empty if they cannot be compared. */
    public static Optional<Integer> compare(AttributeValue a, AttributeValue b) {
        return switch (a) {
            case AttributeValue.S s when b instanceof AttributeValue.S t -> Optional.of(compareStrings(s.value(), t.value()));
            case AttributeValue.N n when b instanceof AttributeValue.N m -> Optional.of(n.value().compareTo(m.value()));
            case AttributeValue.B x when b instanceof AttributeValue.B y -> Optional.of(x.value().compareTo(y.value()));
            default -> Optional.empty();
        };
    }

    /** Strings as DynamoDB orders them: by UTF-8 bytes, unsigned (not by UTF-16 code units). */
    public static int compareStrings(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** A comparator for key values of one scalar type; fails on values that cannot be compared. */
    public static final Comparator<AttributeValue> KEYS = (a, b) -> compare(a, b)
            .orElseThrow(() -> new IllegalArgumentException("cannot order " + a.type() + " against " + b.type()));
}
