package nhssm.local.dynamodb.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * The logic of conditions and the effect of updates hold for any values: NOT, AND and OR combine as boolean
 * logic does, a value SET is the value read back, ADD sums exactly, a projection of every attribute is the item.
 */
class ExpressionSemanticsProperties {

    private static final List<String> COMPARISONS = List.of("a = :v", "a <> :v", "a < :v", "a <= :v", "a > :v",
            "a >= :v", "a BETWEEN :v AND :w", "a IN (:v, :w)", "begins_with(a, :v)", "contains(a, :v)",
            "attribute_exists(a)", "attribute_not_exists(a)", "size(a) < :n", "attribute_type(a, :t)");

    @Provide
    Arbitrary<AttributeValue> values() {
        Arbitrary<AttributeValue> strings = Arbitraries.strings().withChars("abAB\u00e9\uD83D\uDE00").ofMaxLength(3)
                .map(AttributeValue.S::new);
        Arbitrary<AttributeValue> numbers = Arbitraries.integers().between(-5, 5)
                .map(i -> new AttributeValue.N(BigDecimal.valueOf(i)));
        Arbitrary<AttributeValue> sets = Arbitraries.of("a", "b", "ab").set().ofMinSize(1).ofMaxSize(2)
                .map(AttributeValue.SS::new);
        Arbitrary<AttributeValue> lists = numbers.list().ofMaxSize(2).map(AttributeValue.L::new);
        return Arbitraries.oneOf(strings, numbers, sets, lists, Arbitraries.of(new AttributeValue.Bool(true),
                new AttributeValue.Null()));
    }

    @Provide
    Arbitrary<String> comparisons() {
        return Arbitraries.of(COMPARISONS);
    }

    private static ExpressionInputs inputs(AttributeValue v, AttributeValue w) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":v", v);
        values.put(":w", w);
        values.put(":n", new AttributeValue.N(BigDecimal.valueOf(2)));
        values.put(":t", new AttributeValue.S("S"));
        return new ExpressionInputs(null, values);
    }

    /** The condition's result, or null when the service would refuse it for its literal values. */
    private static Boolean test(String expression, AttributeValue v, AttributeValue w, Map<String, AttributeValue> item) {
        try {
            return Expressions.condition("FilterExpression", expression, inputs(v, w)).test(item);
        } catch (nhssm.local.dynamodb.engine.error.DynamoDbError refused) {
            return null;
        }
    }

    @Property(tries = 500)
    void notAndOrAreBooleanLogic(@ForAll("comparisons") String p, @ForAll("comparisons") String q,
            @ForAll("values") AttributeValue a, @ForAll("values") AttributeValue v, @ForAll("values") AttributeValue w,
            @ForAll boolean present) {
        Map<String, AttributeValue> item = present ? Map.of("a", a) : Map.of();
        Boolean x = test(p, v, w, item);
        Boolean y = test(q, v, w, item);
        if (x == null || y == null) {
            return;
        }
        assertThat(test("NOT " + p, v, w, item)).isEqualTo(!x);
        assertThat(test(p + " AND " + q, v, w, item)).isEqualTo(x && y);
        assertThat(test(p + " OR " + q, v, w, item)).isEqualTo(x || y);
        assertThat(test("NOT (" + p + " OR " + q + ")", v, w, item)).isEqualTo(test("NOT " + p + " AND NOT " + q, v, w, item));
        assertThat(test("a = :v", v, w, item)).isEqualTo(!test("a <> :v", v, w, item));
    }

    @Property(tries = 300)
    void aValueSetIsTheValueReadBack(@ForAll("values") AttributeValue v, @ForAll("values") AttributeValue old) {
        Map<String, AttributeValue> item = Map.of("id", new AttributeValue.S("k"), "x", old, "m", new AttributeValue.M(Map.of()));
        Map<String, AttributeValue> after = Expressions.update("SET x = :v, m.y = :v",
                new ExpressionInputs(null, Map.of(":v", v))).apply(item, Set.of("id"));
        assertThat(after.get("x")).isEqualTo(v);
        assertThat(Expressions.condition("ConditionExpression", "x = :v AND m.y = :v AND id = :k",
                new ExpressionInputs(null, Map.of(":v", v, ":k", new AttributeValue.S("k")))).test(after)).isTrue();
    }

    @Property(tries = 300)
    void addSumsExactly(@ForAll("decimals") BigDecimal start, @ForAll("decimals") BigDecimal delta) {
        Map<String, AttributeValue> after = Expressions.update("ADD n :d",
                new ExpressionInputs(null, Map.of(":d", new AttributeValue.N(delta))))
                .apply(Map.of("n", new AttributeValue.N(start)), Set.of());
        assertThat(((AttributeValue.N) after.get("n")).value().compareTo(start.add(delta))).isZero();
    }

    /** Numbers whose sums stay within 38 significant digits (beyond that the range error is the result). */
    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Combinators.combine(Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
                Arbitraries.integers().between(-10, 10)).as((digits, exponent) -> new BigDecimal(digits).scaleByPowerOfTen(exponent));
    }

    @Property(tries = 200)
    void projectingEveryAttributeIsTheItem(@ForAll("values") AttributeValue a, @ForAll("values") AttributeValue b) {
        Map<String, AttributeValue> item = Map.of("a", a, "b", b, "c", new AttributeValue.M(Map.of("d", a)));
        assertThat(Expressions.projection("a, b, c", ExpressionInputs.none()).apply(item)).isEqualTo(item);
        assertThat(Expressions.projection("c.d, b", ExpressionInputs.none()).apply(item)).isEqualTo(item.entrySet().stream()
                .filter(e -> !e.getKey().equals("a")).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
