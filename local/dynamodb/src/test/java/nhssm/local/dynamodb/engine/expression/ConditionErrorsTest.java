package nhssm.local.dynamodb.engine.expression;

import static nhssm.local.dynamodb.engine.expression.Values.l;
import static nhssm.local.dynamodb.engine.expression.Values.n;
import static nhssm.local.dynamodb.engine.expression.Values.s;
import static nhssm.local.dynamodb.engine.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/** Condition and filter expressions the service refuses, with its ValidationException messages. */
class ConditionErrorsTest {

    private static final Map<String, AttributeValue> V = values(":v", n("1"), ":w", n("2"), ":s", s("x"));

    private static void refused(String expression, Map<String, String> names, Map<String, AttributeValue> values,
            String message) {
        assertThatThrownBy(() -> Expressions.condition("ConditionExpression", expression,
                new ExpressionInputs(names, values)))
                .isInstanceOfSatisfying(DynamoDbError.class, e -> assertThat(e.type()).isEqualTo(ErrorType.VALIDATION))
                .hasMessage("1 validation error detected: Invalid ConditionExpression: " + message);
    }

    private static void refused(String expression, String message) {
        refused(expression, null, V, message);
    }

    @Test
    void syntaxErrorsNameTheTokenAndItsNeighbours() {
        refused("a = ", "Syntax error; token: \"<EOF>\", near: \"= \"");
        refused("a == :v", "Syntax error; token: \"=\", near: \"== :v\"");
        refused("a = :v :w", "Syntax error; token: \":w\", near: \":v :w\"");
        refused("a", "Syntax error; token: \"<EOF>\", near: \"a\"");
        refused("= :v", "Syntax error; token: \"=\", near: \"= :v\"");
        refused("a @ :v", "Syntax error; token: \"@\", near: \"a @ :v\"");
        refused("a = :v AND", "Syntax error; token: \"<EOF>\", near: \"AND\"");
        refused("a BETWEEN :v", "Syntax error; token: \"<EOF>\", near: \":v\"");
        refused("a BETWEEN :v OR :w", "Syntax error; token: \"OR\", near: \":v OR :w\"");
        refused("a IN ()", "Syntax error; token: \")\", near: \"()\"");
        refused("a = :v = :w", "Syntax error; token: \"=\", near: \":v = :w\"");
        refused("(a = :v", "Syntax error; token: \"<EOF>\", near: \":v\"");
        refused("a = :v)", "Syntax error; token: \")\", near: \":v)\"");
        refused("a.[1] = :v", "Syntax error; token: \"[\", near: \".[1\"");
        refused("a[x] = :v", "Syntax error; token: \"x\", near: \"[x]\"");
        refused("_a = :v", "Syntax error; token: \"_\", near: \"_a\"");
        refused("a = :", "Syntax error; token: \":\", near: \"= :\"");
        refused("# = :v", "Syntax error; token: \"#\", near: \"# =\"");
        refused("a = :v!w", "Syntax error; token: \"!\", near: \":v!w\"");
        refused("(a = :v) = :w", "Syntax error; token: \"=\", near: \") = :w\"");
        refused("a AND b = :v", "Syntax error; token: \"AND\", near: \"a AND b\"");
        refused("NOT a", "Syntax error; token: \"<EOF>\", near: \"a\"");
        refused("a = and", "Syntax error; token: \"and\", near: \"= and\"");
    }

    @Test
    void keywordsAreCaseInsensitive() {
        Condition condition = Expressions.condition("ConditionExpression",
                "a BeTwEeN :v aNd :w Or NoT a iN (:v)", new ExpressionInputs(null, values(":v", n("1"), ":w", n("2"))));
        assertThat(condition.test(Map.of("a", n("2")))).isTrue();
    }

    @Test
    void reservedWordsAreRefusedAsBareNamesOnly() {
        refused("status = :v", "Attribute name is a reserved keyword; reserved keyword: status");
        refused("a.Name = :v", "Attribute name is a reserved keyword; reserved keyword: Name");
        refused("attribute_exists(size)", "Attribute name is a reserved keyword; reserved keyword: size");
        assertThat(Expressions.condition("ConditionExpression", "#s = :v",
                new ExpressionInputs(Map.of("#s", "status"), values(":v", n("1")))).test(Map.of("status", n("1"))))
                .isTrue();
    }

    @Test
    void undefinedPlaceholdersAreNamed() {
        refused("#n = :v", "An expression attribute name used in the document path is not defined; attribute name: #n");
        refused("a = :nope", "An expression attribute value used in expression is not defined; attribute value: :nope");
        refused("a = :nope", null, null,
                "An expression attribute value used in expression is not defined; attribute value: :nope");
    }

    @Test
    void redundantParenthesesAreRefused() {
        refused("((a = :v))", "The expression has redundant parentheses;");
        refused("((a = :v AND a = :w))", "The expression has redundant parentheses;");
        refused("NOT ((a = :v))", "The expression has redundant parentheses;");
        refused("((a)) = :v", "The expression has redundant parentheses;");
        refused("a = ((:v))", "The expression has redundant parentheses;");
        Expressions.condition("ConditionExpression", "((a = :v) AND (a = :w)) OR (a = :v)",
                new ExpressionInputs(null, values(":v", n("1"), ":w", n("2"))));
    }

    @Test
    void functionsAreCheckedByNameArityAndOperands() {
        refused("nope(a)", "Invalid function name; function: nope");
        refused("if_not_exists(a, a) = :v",
                "The function is not allowed to be used this way in an expression; function: if_not_exists");
        refused("list_append(a, a) = :v",
                "The function is not allowed to be used this way in an expression; function: list_append");
        refused("SIZE(a) = :v", "Invalid function name; function: SIZE");
        refused("attribute_exists(a, b)",
                "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2");
        refused("begins_with(a)",
                "Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1");
        refused("size(a, b) = :v",
                "Incorrect number of operands for operator or function; operator or function: size, number of operands: 2");
        refused("attribute_exists(:v)",
                "Operator or function requires a document path; operator or function: attribute_exists");
        refused("attribute_not_exists(:v)",
                "Operator or function requires a document path; operator or function: attribute_not_exists");
        refused("attribute_type(a, b)", "Incorrect operand type for operator or function; operator or function:"
                + " attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
        refused("begins_with(a, :v)",
                "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        refused("begins_with(a, size(b))",
                "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        refused("size(:v) = :w", "Incorrect operand type for operator or function; operator or function: size, operand type: N");
        refused("attribute_type(a, :v)",
                "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N");
        refused("attribute_type(a, :s)", "Invalid attribute type name found; type: x, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
    }

    @Test
    void functionsMayOnlyBeUsedWhereTheirResultBelongs() {
        refused("attribute_exists(a) = :v",
                "The function is not allowed to be used this way in an expression; function: attribute_exists");
        refused(":v = contains(a, :s)", "The function is not allowed to be used this way in an expression; function: contains");
        refused("size(a)", "The function is not allowed to be used this way in an expression; function: size");
        refused("size(a) AND a = :v", "The function is not allowed to be used this way in an expression; function: size");
        refused("contains(begins_with(a, :s), :s)",
                "The function is not allowed to be used this way in an expression; function: begins_with");
    }

    @Test
    void operandsOfOneOperatorMustBeDistinctPaths() {
        refused("a = a", "The first operand must be distinct from the remaining operands for this operator or function;"
                + " operator: =, first operand: [a]");
        refused("contains(a.b[1], a.b[1])", "The first operand must be distinct from the remaining operands for this"
                + " operator or function; operator: contains, first operand: [a, b, [1]]");
        Expressions.condition("ConditionExpression", "a = b", ExpressionInputs.none());
    }

    @Test
    void orderingAValueOfAnUnorderedTypeIsRefused() {
        Map<String, AttributeValue> list = values(":l", l(n("1")), ":v", n("1"));
        refused("a < :l", null, list, "Incorrect operand type for operator or function; operator or function: <, operand type: L");
        refused(":l >= a", null, list, "Incorrect operand type for operator or function; operator or function: >=, operand type: L");
        refused("a BETWEEN :l AND :l", null, list,
                "Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: L");
        // Equality takes any type, and an attribute of an unordered type just compares false.
        Expressions.condition("ConditionExpression", "a = :l AND a <> :l", new ExpressionInputs(null, values(":l", l())));
        assertThat(Expressions.condition("ConditionExpression", "a < :v", new ExpressionInputs(null, values(":v", n("1"))))
                .test(Map.of("a", l(n("0"))))).isFalse();
    }

    @Test
    void betweenBoundsMustBeOrderedAndOfOneType() {
        refused("a BETWEEN :w AND :v", "The BETWEEN operator requires upper bound to be greater than or equal to lower"
                + " bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}");
        refused("a BETWEEN :v AND :s", "The BETWEEN operator requires same data type for lower and upper bounds;"
                + " lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}");
    }

    @Test
    void theMostImportantFaultIsReported() {
        // A syntax error comes before everything; then redundant parentheses, function names, reserved words.
        refused("((status = :nope)) AND", "Syntax error; token: \"<EOF>\", near: \"AND\"");
        refused("((status = :nope))", "The expression has redundant parentheses;");
        refused("status = :nope", "Attribute name is a reserved keyword; reserved keyword: status");
        refused("a = :nope AND a = a", "An expression attribute value used in expression is not defined; attribute value: :nope");
    }

    @Test
    void aFilterExpressionIsNamedAsSuch() {
        assertThatThrownBy(() -> Expressions.condition("FilterExpression", "a =", ExpressionInputs.none()))
                .hasMessage("Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
    }

    @Test
    void inAcceptsAHundredOperandsAtMost() {
        // The hundred include the left operand.
        StringBuilder ok = new StringBuilder("a IN (:v");
        ok.append(", :v".repeat(98)).append(")");
        assertThat(Expressions.condition("ConditionExpression", ok.toString(),
                new ExpressionInputs(null, values(":v", n("1")))).test(Map.of("a", n("1")))).isTrue();
        String tooMany = "a IN (:v" + ", :v".repeat(99) + ")";
        assertThatThrownBy(() -> Expressions.condition("ConditionExpression", tooMany,
                new ExpressionInputs(null, values(":v", n("1")))))
                .isInstanceOf(DynamoDbError.class)
                .hasMessage("1 validation error detected: Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101");
    }

    @Test
    void listValuesCanBeCompared() {
        assertThat(Expressions.condition("ConditionExpression", "a = :l",
                new ExpressionInputs(null, values(":l", l(n("1"))))).test(Map.of("a", l(n("1"))))).isTrue();
    }
}
