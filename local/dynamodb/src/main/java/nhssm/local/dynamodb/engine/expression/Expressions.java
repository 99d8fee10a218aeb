package nhssm.local.dynamodb.engine.expression;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Parses the four kinds of expression, refusing bad ones with the service's ValidationException
 * ("Invalid ConditionExpression: …"). Each result is parsed once and cheap to evaluate on many items.
 */
public final class Expressions {

    /** The service's limit on any expression string, in bytes. */
    static final int MAX_EXPRESSION_BYTES = 4096;

    private Expressions() {
    }

    /** A ConditionExpression ({@code parameter} "ConditionExpression") or FilterExpression ("FilterExpression"). */
    public static Condition condition(String parameter, String expression, ExpressionInputs inputs) {
        check(parameter, expression, inputs);
        return bounded(parameter, () -> new ConditionParser(parameter, expression, inputs).parse());
    }

    public static Update update(String expression, ExpressionInputs inputs) {
        check("UpdateExpression", expression, inputs);
        return bounded("UpdateExpression", () -> new UpdateParser(expression, inputs).parse());
    }

    public static Projection projection(String expression, ExpressionInputs inputs) {
        check("ProjectionExpression", expression, inputs);
        return PathTree.of(new ProjectionParser("ProjectionExpression", expression, inputs).parse());
    }

    /** A KeyConditionExpression against the key schema of the table or index queried. */
    public static KeyCondition keyCondition(String expression, ExpressionInputs inputs,
            String partitionKeyName, Optional<String> sortKeyName) {
        check("KeyConditionExpression", expression, inputs);
        ConditionNode node = bounded("KeyConditionExpression",
                () -> new ConditionParser("KeyConditionExpression", expression, inputs).parse());
        return KeyConditions.of(node, partitionKeyName, sortKeyName);
    }

    /**
     * A parse, with a safety net under the explicit nesting bound: should a caller's thread have a much
     * smaller stack than the JVM's default, a deep expression is still refused rather than crashing the request
     * (the parser holds no state beyond the one expression, so nothing is left half-done).
     */
    private static <T> T bounded(String parameter, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (StackOverflowError e) {
            throw InvalidExpression.of(parameter, "The expression is nested too deeply");
        }
    }

    /**
     * The top-level attributes a condition from {@link #condition} reads (a Query refuses a FilterExpression
     * on a key attribute: "Filter Expression can only contain non-primary key attributes: …").
     */
    public static Set<String> attributesRead(Condition condition) {
        Set<String> attributes = new LinkedHashSet<>();
        if (condition instanceof ConditionNode node) {
            ConditionAttributes.collect(node, attributes);
        }
        return attributes;
    }

    private static void check(String parameter, String expression, ExpressionInputs inputs) {
        inputs.countParsed();
        if (expression.isEmpty()) {
            throw InvalidExpression.of(parameter, "The expression can not be empty;");
        }
        int bytes = expression.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EXPRESSION_BYTES) {
            throw InvalidExpression.of(parameter,
                    "Expression size has exceeded the maximum allowed size; expression size: " + bytes);
        }
    }
}
