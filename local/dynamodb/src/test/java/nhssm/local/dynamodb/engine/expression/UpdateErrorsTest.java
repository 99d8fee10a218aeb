package nhssm.local.dynamodb.engine.expression;

import static nhssm.local.dynamodb.engine.expression.Values.l;
import static nhssm.local.dynamodb.engine.expression.Values.m;
import static nhssm.local.dynamodb.engine.expression.Values.n;
import static nhssm.local.dynamodb.engine.expression.Values.s;
import static nhssm.local.dynamodb.engine.expression.Values.ss;
import static nhssm.local.dynamodb.engine.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/** Update expressions the service refuses before looking at any item. */
class UpdateErrorsTest {

    private static final Map<String, AttributeValue> V = values(":n", n("1"), ":s", s("x"), ":ss", ss("a"),
            ":l", l(), ":m", m());

    private static void refused(String expression, String message) {
        assertThatThrownBy(() -> Expressions.update(expression, new ExpressionInputs(Map.of("#a", "a"), V)))
                .isInstanceOf(DynamoDbError.class).hasMessage("1 validation error detected: Invalid UpdateExpression: " + message);
    }

    @Test
    void syntaxErrors() {
        refused("a = :n", "Syntax error; token: \"a\", near: \"a =\"");
        refused("INVALID SYNTAX HERE", "Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
        refused("SET", "Syntax error; token: \"<EOF>\", near: \"SET\"");
        refused("SET a :n", "Syntax error; token: \":n\", near: \"a :n\"");
        refused("SET a = :n b = :n", "Syntax error; token: \"b\", near: \":n b =\"");
        refused("SET a = :n + :n + :n", "Syntax error; token: \"+\", near: \":n + :n\"");
        refused("SET a = :n,", "Syntax error; token: \"<EOF>\", near: \",\"");
        refused("REMOVE a = :n", "Syntax error; token: \"=\", near: \"a = :n\"");
        refused("ADD a b", "Syntax error; token: \"b\", near: \"a b\"");
        refused("DELETE a", "Syntax error; token: \"<EOF>\", near: \"a\"");
        refused("SET a = :n SET", "Syntax error; token: \"<EOF>\", near: \"SET\"");
        refused("SET remove = :n", "Syntax error; token: \"remove\", near: \"SET remove =\"");
        refused("SET a = :n * :n", "Syntax error; token: \"*\", near: \":n * :n\"");
        // As the service's lexer: a name starts with a letter; "_" on its own is no token.
        refused("SET _123 = :n", "Syntax error; token: \"_\", near: \"SET _123\"");
        refused("SET 123a = :n", "Syntax error; token: \"123\", near: \"SET 123a\"");
        refused("SET hi-there = :n", "Syntax error; token: \"-\", near: \"hi-there\"");
    }

    @Test
    void eachSectionAtMostOnce() {
        refused("SET a = :n SET b = :n", "The \"SET\" section can only be used once in an update expression;");
        refused("REMOVE a remove b", "The \"REMOVE\" section can only be used once in an update expression;");
        refused("ADD a :n ADD b :n", "The \"ADD\" section can only be used once in an update expression;");
        refused("DELETE a :ss DELETE b :ss", "The \"DELETE\" section can only be used once in an update expression;");
    }

    @Test
    void pathsMayNeitherOverlapNorConflict() {
        refused("SET a = :n REMOVE a",
                "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]");
        refused("SET a.b = :n, a = :n", "Two document paths overlap with each other; must remove or rewrite one of"
                + " these paths; path one: [a, b], path two: [a]");
        refused("SET #a[1] = :n REMOVE a[1].c", "Two document paths overlap with each other; must remove or rewrite"
                + " one of these paths; path one: [a, [1]], path two: [a, [1], c]");
        refused("SET a[1] = :n, a.b = :n", "Two document paths conflict with each other; must remove or rewrite one"
                + " of these paths; path one: [a, [1]], path two: [a, b]");
        Expressions.update("SET a.b = :n, a.c = :n REMOVE a.d, l[0], l[1]", new ExpressionInputs(null, values(":n", n("1"))));
    }

    @Test
    void operandTypesKnownAtParseTimeAreChecked() {
        refused("ADD a :s", "Incorrect operand type for operator or function; operator: ADD, operand type: STRING");
        refused("ADD a :l", "Incorrect operand type for operator or function; operator: ADD, operand type: LIST");
        refused("DELETE a :n", "Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER");
        refused("DELETE a :m", "Incorrect operand type for operator or function; operator: DELETE, operand type: MAP");
        refused("SET a = :s + :n", "Incorrect operand type for operator or function; operator or function: +, operand type: S");
        refused("SET a = b - :l", "Incorrect operand type for operator or function; operator or function: -, operand type: L");
        refused("SET a = list_append(:n, b)",
                "Incorrect operand type for operator or function; operator or function: list_append, operand type: N");
        refused("SET a = if_not_exists(b, :s) + :n",
                "Incorrect operand type for operator or function; operator or function: +, operand type: S");
    }

    @Test
    void functionsAreCheckedByNameArityAndOperands() {
        refused("SET a = size(b)", "Invalid function name; function: size");
        refused("SET a = if_not_exists(b)",
                "Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1");
        refused("SET a = list_append(b, c, d)",
                "Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 3");
        refused("SET a = if_not_exists(:n, b)",
                "Operator or function requires a document path; operator or function: if_not_exists");
        refused("SET a = LIST_APPEND(b, c)", "Invalid function name; function: LIST_APPEND");
        refused("SET a = list_append(list_append(:l, :l), :l)",
                "The function is not allowed to be used this way in an expression; function: list_append");
        refused("SET a = if_not_exists(b, :n + :n)", "Syntax error; token: \"+\", near: \":n + :n\"");
        refused("SET a = _f(b)", "Syntax error; token: \"_\", near: \"= _f\"");
        refused("SET a[:n] = :n", "Syntax error; token: \":n\", near: \"[:n]\"");
        refused("SET :n = :n", "Syntax error; token: \":n\", near: \"SET :n =\"");
    }

    @Test
    void reservedWordsAndUndefinedPlaceholders() {
        refused("SET status = :n", "Attribute name is a reserved keyword; reserved keyword: status");
        refused("SET a = :nope", "An expression attribute value used in expression is not defined; attribute value: :nope");
        refused("SET #b = :n", "An expression attribute name used in the document path is not defined; attribute name: #b");
        // The service puts a reserved word first, then a repeated section, then an undefined placeholder.
        refused("SET a = :nope SET status = :n", "Attribute name is a reserved keyword; reserved keyword: status");
        refused("SET a = :nope SET b = :n", "The \"SET\" section can only be used once in an update expression;");
    }
}
