package nhssm.local.dynamodb.engine.expression;

import static nhssm.local.dynamodb.engine.expression.Values.b;
import static nhssm.local.dynamodb.engine.expression.Values.n;
import static nhssm.local.dynamodb.engine.expression.Values.s;
import static nhssm.local.dynamodb.engine.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/** Key conditions of a Query on a table or index with key schema pk (and sk). */
class KeyConditionTest {

    private static final Map<String, AttributeValue> V = values(":p", s("P"), ":a", n("10"), ":b", n("20"),
            ":s", s("ab"), ":bin", b("ab"));

    private static KeyCondition parse(String expression, Optional<String> sortKey) {
        return Expressions.keyCondition(expression, new ExpressionInputs(Map.of("#p", "pk", "#s", "sk"), V), "pk", sortKey);
    }

    private static KeyCondition parse(String expression) {
        return parse(expression, Optional.of("sk"));
    }

    private static SortKeyCondition sort(String expression) {
        return parse(expression).sortKey().orElseThrow();
    }

    private static void refused(String expression, Optional<String> sortKey, String message) {
        assertThatThrownBy(() -> parse(expression, sortKey)).isInstanceOf(DynamoDbError.class).hasMessage(message);
    }

    @Test
    void partitionKeyAlone() {
        KeyCondition condition = parse("pk = :p");
        assertThat(condition.partitionKey()).isEqualTo(s("P"));
        assertThat(condition.sortKey()).isEmpty();
        assertThat(parse("#p = :p", Optional.empty()).partitionKey()).isEqualTo(s("P"));
    }

    @Test
    void everySortKeyOperator() {
        assertThat(sort("pk = :p AND sk = :a").test(n("10"))).isTrue();
        assertThat(sort("pk = :p AND sk = :a").test(n("11"))).isFalse();
        assertThat(sort("pk = :p AND sk < :a").test(n("9.99"))).isTrue();
        assertThat(sort("pk = :p AND sk < :a").test(n("10"))).isFalse();
        assertThat(sort("pk = :p AND sk <= :a").test(n("10"))).isTrue();
        assertThat(sort("pk = :p AND sk > :a").test(n("10"))).isFalse();
        assertThat(sort("pk = :p AND sk >= :a").test(n("10"))).isTrue();
        assertThat(sort("pk = :p AND sk BETWEEN :a AND :b").test(n("20"))).isTrue();
        assertThat(sort("pk = :p AND sk BETWEEN :a AND :b").test(n("21"))).isFalse();
        assertThat(sort("pk = :p AND begins_with(sk, :s)").test(s("abc"))).isTrue();
        assertThat(sort("pk = :p AND begins_with(sk, :s)").test(s("b"))).isFalse();
        assertThat(sort("pk = :p AND begins_with(sk, :bin)").test(b("abc"))).isTrue();
        assertThat(sort("pk = :p AND sk BETWEEN :a AND :b").operands()).isEqualTo(List.of(n("10"), n("20")));
    }

    @Test
    void orderAndParenthesesDoNotMatter() {
        assertThat(parse("(#s > :a) AND (#p = :p)").partitionKey()).isEqualTo(s("P"));
        assertThat(sort("sk > :a and pk = :p").test(n("11"))).isTrue();
        // A value on the left is the same condition with the operator turned round.
        assertThat(sort("pk = :p AND :a <= sk").test(n("10"))).isTrue();
        assertThat(sort("pk = :p AND :a <= sk").test(n("9"))).isFalse();
        assertThat(sort(":p = pk AND :a > sk").test(n("9"))).isTrue();
        assertThat(parse(":p = #p").partitionKey()).isEqualTo(s("P"));
    }

    @Test
    void operandsOfTypesNoKeyHasAreRefusedAsWritten() {
        Map<String, AttributeValue> bools = values(":p", s("P"), ":v", Values.bool(true), ":w", Values.bool(false));
        for (String[] c : new String[][] {{"pk = :p AND sk < :v", "<"}, {"pk = :p AND :v >= sk", ">="},
                {"pk = :p AND sk BETWEEN :w AND :v", "BETWEEN"}, {"pk = :p AND begins_with(sk, :v)", "begins_with"}}) {
            assertThatThrownBy(() -> Expressions.keyCondition(c[0], new ExpressionInputs(null, bools), "pk", Optional.of("sk")))
                    .hasMessage("Invalid KeyConditionExpression: Incorrect operand type for operator or function;"
                            + " operator or function: " + c[1] + ", operand type: BOOL");
        }
    }

    @Test
    void theFirstClauseWithAFaultIsTheOneReported() {
        Map<String, AttributeValue> v = values(":p", s("P"), ":n", n("1"));
        assertThatThrownBy(() -> Expressions.keyCondition("pk = :missing AND begins_with(sk, :n)",
                new ExpressionInputs(null, v), "pk", Optional.of("sk")))
                .hasMessageContaining("attribute value: :missing");
        assertThatThrownBy(() -> Expressions.keyCondition("begins_with(sk, :n) AND pk = :missing",
                new ExpressionInputs(null, v), "pk", Optional.of("sk")))
                .hasMessageContaining("operator or function: begins_with, operand type: N");
        assertThatThrownBy(() -> Expressions.keyCondition("pk = :p AND begins_with(sk, :n) AND sk = :missing",
                new ExpressionInputs(null, v), "pk", Optional.of("sk")))
                .hasMessageContaining("operator or function: begins_with, operand type: N");
    }

    @Test
    void theServiceErrors() {
        refused("sk = :a", Optional.of("sk"), "Query condition missed key schema element: pk");
        refused("pk < :p", Optional.of("sk"), "Query key condition not supported");
        refused("pk = :p AND extra = :a", Optional.of("sk"), "Query condition missed key schema element: sk");
        refused("pk = :p AND extra = :a", Optional.empty(),
                "The number of query conditions (2) exceeds the number of key attributes defined in the schema (1)");
        refused("extra = :a AND pk = :p", Optional.of("sk"), "Query condition missed key schema element: sk");
        refused("extra = :a AND sk = :a", Optional.of("sk"), "Query condition missed key schema element: pk");
        refused("pk = :p AND sk = :a", Optional.empty(),
                "The number of query conditions (2) exceeds the number of key attributes defined in the schema (1)");
        refused("pk = :p AND pk = :p", Optional.of("sk"),
                "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
        refused("pk = :p AND sk > :a AND sk < :b", Optional.of("sk"),
                "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
        refused("pk = :p AND sk > :a AND extra < :b", Optional.of("sk"),
                "The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)");
        refused("((sk = :a) AND ((pk = :p)))", Optional.of("sk"),
                "Invalid KeyConditionExpression: The expression has redundant parentheses;");
        refused("pk = :p OR sk = :a", Optional.of("sk"),
                "Invalid operator used in KeyConditionExpression: OR");
        refused("pk = :p AND sk <> :a", Optional.of("sk"),
                "Invalid operator used in KeyConditionExpression: <>");
        refused("pk = :p AND sk IN (:a)", Optional.of("sk"),
                "Invalid operator used in KeyConditionExpression: IN");
        refused("pk = :p AND NOT sk = :a", Optional.of("sk"),
                "Invalid operator used in KeyConditionExpression: NOT");
        refused("pk = :p AND attribute_exists(sk)", Optional.of("sk"),
                "Invalid operator used in KeyConditionExpression: attribute_exists");
        refused("pk = :p AND contains(sk, :s)", Optional.of("sk"), "Invalid operator used in KeyConditionExpression: contains");
        refused("pk = :p AND nope(sk)", Optional.of("sk"), "Invalid KeyConditionExpression: Invalid function name; function: nope");
        refused("pk = :p AND begins_with(sk, :a)", Optional.of("sk"), "Invalid KeyConditionExpression: Incorrect operand"
                + " type for operator or function; operator or function: begins_with, operand type: N");
        refused("pk = :p AND sk = pk", Optional.of("sk"), "Query key condition not supported");
        refused("pk = :p AND sk.x = :a", Optional.of("sk"), "KeyConditionExpressions cannot have conditions on nested attributes");
        refused(":p = :a", Optional.of("sk"), "Query key condition not supported");
        refused("pk", Optional.of("sk"), "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"pk\"");
        refused("pk = ", Optional.of("sk"), "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \"");
        refused("pk = :nope", Optional.of("sk"), "Invalid KeyConditionExpression: An expression attribute value used in"
                + " expression is not defined; attribute value: :nope");
    }
}
