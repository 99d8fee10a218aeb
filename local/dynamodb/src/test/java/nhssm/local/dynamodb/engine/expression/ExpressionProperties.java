package nhssm.local.dynamodb.engine.expression;

import static nhssm.local.dynamodb.engine.expression.Values.item;
import static nhssm.local.dynamodb.engine.expression.Values.l;
import static nhssm.local.dynamodb.engine.expression.Values.m;
import static nhssm.local.dynamodb.engine.expression.Values.n;
import static nhssm.local.dynamodb.engine.expression.Values.s;
import static nhssm.local.dynamodb.engine.expression.Values.ss;
import static nhssm.local.dynamodb.engine.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * Whatever the expression text, parsing and evaluating it ends in a result or the service's error: never
 * another exception, a stack overflow or a hang.
 */
class ExpressionProperties {

    private static final List<String> TOKENS = List.of("a", "b", "c.d", "l[0]", "l[1].x", "#n", "#m", "#undefined",
            ":v", ":w", ":l", ":ss", ":undefined", "(", ")", "(", ")", ",", ".", "[", "]", "[2]", "=", "<>", "<", "<=",
            ">", ">=", "+", "-", "AND", "or", "NOT", "BETWEEN", "IN", "SET", "REMOVE", "ADD", "DELETE", "size",
            "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "if_not_exists",
            "list_append", "status", "nope", "pk", "sk", "@", "\"", "'", "7", "_x", "\u00e9", "\uD83D\uDE00", "\t");

    private static final Map<String, AttributeValue> ITEM = item("a", n("1"), "b", s("x"), "c", m("d", l(n("2"))),
            "l", l(m("x", n("3")), s("y")), "pk", s("p"), "sk", n("5"));

    private static ExpressionInputs inputs() {
        return new ExpressionInputs(Map.of("#n", "a", "#m", "c"),
                values(":v", n("1"), ":w", s("x"), ":l", l(n("1")), ":ss", ss("x")));
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(40).map(tokens -> String.join(" ", tokens));
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.strings().ofMaxLength(200);
    }

    @Property(tries = 2000)
    void tokenSoupGivesAResultOrTheServiceError(@ForAll("tokenSoup") String expression) {
        everyKind(expression);
    }

    @Property(tries = 1000)
    void arbitraryTextGivesAResultOrTheServiceError(@ForAll("garbage") String expression) {
        everyKind(expression);
    }

    @Property(tries = 200)
    void deepNestingGivesAResultOrTheServiceError(@ForAll @IntRange(min = 0, max = 3000) int depth,
            @ForAll("nestings") String opener) {
        String closer = opener.startsWith("(") ? ")" : opener.endsWith("(") ? ")" : "";
        everyKind(opener.repeat(depth) + "a = :v" + closer.repeat(depth));
        everyKind("SET a = " + opener.repeat(depth) + ":v" + closer.repeat(depth));
    }

    @Provide
    Arbitrary<String> nestings() {
        return Arbitraries.of("(", "NOT ", "size(", "(a = :v AND ", "begins_with(", "if_not_exists(a, ", "list_append(");
    }

    @Property(tries = 1000)
    void arithmeticGivesTheExactCanonicalSumOrTheRangeError(@ForAll("numbers") BigDecimal a,
            @ForAll("numbers") BigDecimal b, @ForAll boolean plus) {
        Update update = Expressions.update("SET r = :a " + (plus ? "+" : "-") + " :b",
                new ExpressionInputs(null, values(":a", new AttributeValue.N(a), ":b", new AttributeValue.N(b))));
        BigDecimal exact = plus ? a.add(b) : a.subtract(b);
        boolean representable = exact.signum() == 0 || (exact.abs().compareTo(new BigDecimal("1E+126")) < 0
                && exact.abs().compareTo(new BigDecimal("1E-130")) >= 0 && exact.stripTrailingZeros().precision() <= 38);
        try {
            AttributeValue result = update.apply(Map.of(), Set.of()).get("r");
            assertThat(representable).isTrue();
            assertThat(((AttributeValue.N) result).value().compareTo(exact)).isZero();
            assertThat(((AttributeValue.N) result).text()).doesNotContain("E").doesNotEndWith(".0");
        } catch (DynamoDbError e) {
            assertThat(representable).as(e.getMessage()).isFalse();
        }
    }

    @Provide
    Arbitrary<BigDecimal> numbers() {
        Arbitrary<BigDecimal> small = Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("1000"))
                .ofScale(3);
        Arbitrary<BigDecimal> extreme = Arbitraries.integers().between(-129, 125).flatMap(exponent ->
                Arbitraries.longs().between(1, 9_999_999_999L).map(digits -> new BigDecimal(digits).scaleByPowerOfTen(exponent)));
        return Arbitraries.oneOf(small, extreme, Arbitraries.of(new BigDecimal("9.9999999999999999999999999999999999999E+125"),
                new BigDecimal("1E-130"), BigDecimal.ZERO));
    }

    private static void everyKind(String expression) {
        survives(() -> Expressions.condition("ConditionExpression", expression, inputs()).test(ITEM));
        survives(() -> Expressions.condition("FilterExpression", expression, inputs()).test(Map.of()));
        survives(() -> Expressions.update(expression, inputs()).apply(ITEM, Set.of("pk")));
        survives(() -> {
            Update update = Expressions.update(expression, inputs());
            return update.updatedPartOf(update.apply(Map.of(), Set.of()));
        });
        survives(() -> Expressions.projection(expression, inputs()).apply(ITEM));
        survives(() -> Expressions.keyCondition(expression, inputs(), "pk", Optional.of("sk"))
                .sortKey().map(sort -> sort.test(n("5"))));
        survives(() -> {
            ExpressionInputs inputs = inputs();
            Expressions.condition("ConditionExpression", expression, inputs);
            inputs.requireAllUsed();
            return null;
        });
    }

    private static void survives(Supplier<Object> action) {
        try {
            action.get();
        } catch (DynamoDbError e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
