package nhssm.local.dynamodb.engine.expression;

import static nhssm.local.dynamodb.engine.expression.Values.n;
import static nhssm.local.dynamodb.engine.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/** The service's limits on expressions, and hostile input refused with a ValidationException. */
class ExpressionLimitsTest {

    private static ExpressionInputs inputs() {
        return new ExpressionInputs(null, values(":v", n("1")));
    }

    private static Condition condition(String expression) {
        return Expressions.condition("ConditionExpression", expression, inputs());
    }

    @Test
    void anEmptyExpressionIsRefused() {
        assertThatThrownBy(() -> condition("")).isInstanceOf(DynamoDbError.class)
                .hasMessage("1 validation error detected: Invalid ConditionExpression: The expression can not be empty;");
        assertThatThrownBy(() -> Expressions.update("", inputs()))
                .hasMessage("1 validation error detected: Invalid UpdateExpression: The expression can not be empty;");
        assertThatThrownBy(() -> Expressions.projection("", inputs()))
                .hasMessage("Invalid ProjectionExpression: The expression can not be empty;");
        assertThatThrownBy(() -> Expressions.keyCondition("", inputs(), "pk", Optional.empty()))
                .hasMessage("Invalid KeyConditionExpression: The expression can not be empty;");
    }

    @Test
    void expressionsOverFourKilobytesAreRefused() {
        String padded = "a = :v" + " ".repeat(4090);
        assertThat(padded.length()).isEqualTo(4096);
        assertThat(condition(padded).test(Map.of("a", n("1")))).isTrue();
        assertThatThrownBy(() -> condition(padded + " ")).isInstanceOf(DynamoDbError.class)
                .hasMessage("1 validation error detected: Invalid ConditionExpression: Expression size has exceeded the maximum allowed size;"
                        + " expression size: 4097");
        // Bytes, not characters: 1366 three-byte characters are 4098 bytes.
        String wide = "a = :v" + "\u20ac".repeat(1366);
        assertThatThrownBy(() -> condition(wide)).hasMessageContaining("expression size: 4104");
        assertThatThrownBy(() -> Expressions.update("SET a = :v" + " ".repeat(4090), inputs()))
                .hasMessageStartingWith("1 validation error detected: Invalid UpdateExpression: Expression size has exceeded");
        assertThatThrownBy(() -> Expressions.projection("a" + " ".repeat(4096), inputs()))
                .hasMessageStartingWith("Invalid ProjectionExpression: Expression size has exceeded");
    }

    @Test
    void threeHundredOperatorsAtMost() {
        // Comparisons, AND, OR and NOT count; parentheses and function calls do not: 150 "<" and 149 AND.
        String ok = "a < :v" + " AND size(a) < :v".repeat(149);
        assertThat(condition(ok).test(Map.of("a", n("0")))).isFalse();
        String tooMany = ok + " OR NOT a < :v";
        assertThatThrownBy(() -> condition(tooMany)).isInstanceOf(DynamoDbError.class)
                .hasMessage("1 validation error detected: Invalid ConditionExpression: The expression contains too many operators; operator count: 301");
        assertThatThrownBy(() -> condition("NOT ".repeat(1000) + "a = :v"))
                .hasMessage("1 validation error detected: Invalid ConditionExpression: The expression contains too many operators; operator count: 301");
        String sums = "SET a=:v+:v" + ",a=:v+:v".repeat(300);
        assertThatThrownBy(() -> Expressions.update(sums, inputs()))
                .hasMessage("1 validation error detected: Invalid UpdateExpression: The expression contains too many operators; operator count: 301");
    }

    @Test
    void deepNestingIsBoundedNotAStackOverflow() {
        // As the service accepts: 149 levels of meaningful parentheses are 299 operators.
        String nested = "a < :v " + "OR (a < :v ".repeat(149) + ")".repeat(149);
        assertThat(condition(nested).test(Map.of("a", n("0")))).isTrue();
        assertThatThrownBy(() -> condition("(".repeat(2045) + "a < :v" + ")".repeat(2045)))
                .isInstanceOf(DynamoDbError.class)
                .hasMessage("1 validation error detected: Invalid ConditionExpression: The expression has redundant parentheses;");
        assertThatThrownBy(() -> condition("(".repeat(4000))).isInstanceOf(DynamoDbError.class);
        assertThatThrownBy(() -> condition("a < " + "size(".repeat(680) + "b" + ")".repeat(680)))
                .isInstanceOf(DynamoDbError.class)
                .hasMessageStartingWith("1 validation error detected: Invalid ConditionExpression: The expression is nested too deeply");
        assertThatThrownBy(() -> Expressions.update("SET a = " + "(".repeat(2000) + ":v" + ")".repeat(2000), inputs()))
                .isInstanceOf(DynamoDbError.class);
        assertThatThrownBy(() -> Expressions.update("SET a = " + "if_not_exists(a, ".repeat(250) + ":v" + ")".repeat(250),
                inputs())).isInstanceOf(DynamoDbError.class);
        assertThat(condition("NOT ".repeat(100) + "a = :v").test(Map.of("a", n("1")))).isTrue();
    }

    @Test
    void theDeepestAcceptedNestingFitsTheDefaultThreadStack() throws InterruptedException {
        // Each of these is parsed down to the deepest level allowed before it is refused for what it says.
        int depth = ExpressionParser.MAX_NESTING - 1;
        String parentheses = "(".repeat(depth) + "a = :v" + ")".repeat(depth);
        String operand = "a = " + "(".repeat(depth) + ":v" + ")".repeat(depth);
        String functions = "size(".repeat(depth) + "a" + ")".repeat(depth) + " = :v";
        String update = "SET a = " + "if_not_exists(a, ".repeat(depth) + ":v" + ")".repeat(depth);
        String negations = "NOT (".repeat(depth) + "a = :v" + ")".repeat(depth);
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            for (String expression : new String[] {parentheses, operand, functions, update, negations}) {
                try {
                    if (expression.startsWith("SET")) {
                        Expressions.update(expression, inputs());
                    } else {
                        condition(expression);
                    }
                } catch (DynamoDbError expected) {
                    // Redundant parentheses or a size of a number: refused, without exhausting the stack.
                    if (expected.getMessage().contains("nested too deeply")) {
                        failure[0] = expected;
                    }
                } catch (Throwable t) {
                    failure[0] = t;
                }
            }
        }, "default-stack", 1024 * 1024);
        thread.start();
        thread.join();
        assertThat(failure[0]).isNull();
    }

    @Test
    void pathsNestAtMostThirtyTwoLevels() {
        String ok = "a" + ".b".repeat(31);
        assertThat(Expressions.projection(ok, ExpressionInputs.none()).apply(Map.of())).isEmpty();
        assertThatThrownBy(() -> Expressions.projection(ok + "[0]", ExpressionInputs.none()))
                .isInstanceOf(DynamoDbError.class)
                .hasMessage("Invalid ProjectionExpression: The document path has too many nesting levels; nesting levels: 33");
    }

    @Test
    void hugeListIndexesAreRefused() {
        assertThatThrownBy(() -> condition("a[99999999999] = :v")).isInstanceOf(DynamoDbError.class)
                .hasMessage("1 validation error detected: Invalid ConditionExpression: List index is not within the allowable range; index: [99999999999]");
    }

    @Test
    void parsedOnceEvaluatedOnManyItems() {
        Condition filter = Expressions.condition("FilterExpression", "n BETWEEN :lo AND :hi AND NOT contains(s, :x)",
                new ExpressionInputs(null, values(":lo", n("100"), ":hi", n("199"), ":x", Values.s("7"))));
        int matched = 0;
        for (int i = 0; i < 10_000; i++) {
            Map<String, AttributeValue> item = Map.of("n", n(Integer.toString(i)), "s", Values.s(Integer.toString(i)));
            if (filter.test(item)) {
                matched++;
            }
        }
        // 100..199 is 100 numbers, of which 19 contain a 7 (107, 117, ..., 197 and 170..179 share 177).
        assertThat(matched).isEqualTo(81);
        Update update = Expressions.update("ADD n :one", new ExpressionInputs(null, values(":one", n("1"))));
        Map<String, AttributeValue> item = Map.of();
        for (int i = 0; i < 1000; i++) {
            item = update.apply(item, Set.of());
        }
        assertThat(item).containsEntry("n", n("1000"));
    }
}
