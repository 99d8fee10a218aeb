package nhssm.local.dynamodb.engine.expression;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * Parses an UpdateExpression: SET, REMOVE, ADD and DELETE sections, each at most once, in any order. A SET
 * value is an operand, a function (if_not_exists, list_append) or one {@code +}/{@code -} between two operands.
 * No two actions may touch overlapping paths.
 */
final class UpdateParser extends ExpressionParser {

    private static final Set<String> SECTIONS = Set.of("SET", "REMOVE", "ADD", "DELETE");
    private static final Map<String, String> LONG_TYPE_NAMES = Map.of("S", "STRING", "N", "NUMBER", "B", "BINARY",
            "NULL", "NULL", "BOOL", "BOOLEAN", "L", "LIST", "M", "MAP");

    private final List<Path> paths = new ArrayList<>();

    UpdateParser(String text, ExpressionInputs inputs) {
        super("UpdateExpression", text, inputs, Issues.UPDATE_ORDER, Set.of(), SECTIONS);
    }

    ParsedUpdate parse() {
        List<UpdateAction> actions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        do {
            Token keyword = peek();
            if (!isGrammarKeyword(keyword)) {
                throw syntaxError(keyword);
            }
            next();
            String section = keyword.text().toUpperCase(Locale.ROOT);
            if (!seen.add(section)) {
                issues.add(Issues.Kind.SECTION_REPEATED,
                        "The \"" + section + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(action(section));
            } while (accept(Token.Kind.COMMA));
        } while (!at(Token.Kind.EOF));
        issues.throwIfAny();
        return new ParsedUpdate(actions, paths);
    }

    private UpdateAction action(String section) {
        if (!atPath()) {
            throw syntaxError(peek());
        }
        Path path = parsePath();
        checkDistinctPath(paths, path);
        return switch (section) {
            case "SET" -> {
                expect(Token.Kind.EQ);
                yield new UpdateAction.Set(path, setValue());
            }
            case "REMOVE" -> new UpdateAction.Remove(path);
            case "ADD" -> new UpdateAction.Add(path, operatorValue(section));
            default -> new UpdateAction.Delete(path, operatorValue(section));
        };
    }

    /** ADD and DELETE take an expression attribute value: a number (ADD only) or a set. */
    private AttributeValue operatorValue(String section) {
        Token token = expect(Token.Kind.VALUE_PLACEHOLDER);
        AttributeValue value = value(token);
        String longName = LONG_TYPE_NAMES.get(value.type());
        if (longName != null && !(section.equals("ADD") && value.type().equals("N"))) {
            issues.add(Issues.Kind.OPERAND_TYPE, "Incorrect operand type for operator or function; operator: "
                    + section + ", operand type: " + longName);
        }
        return value;
    }

    /** value ::= '(' value ')' | operand [ ('+' | '-') operand ] */
    private UpdateValue setValue() {
        if (at(Token.Kind.LEFT_PAREN) && !startsParenthesizedOperand()) {
            next();
            enter(true);
            UpdateValue value = setValue();
            expect(Token.Kind.RIGHT_PAREN);
            leave();
            return value;
        }
        UpdateValue left = operand();
        if (at(Token.Kind.PLUS) || at(Token.Kind.MINUS)) {
            boolean plus = next().kind() == Token.Kind.PLUS;
            countOperator();
            UpdateValue right = operand();
            requireStatic(plus ? "+" : "-", "N", left, right);
            return new UpdateValue.Arithmetic(plus, left, right);
        }
        return left;
    }

    /**
     * Whether the parenthesis opens an operand that an operator follows, as in {@code (a) + :b}, rather than
     * a whole value, as in {@code (a + :b)}: scan to its matching parenthesis and look at what comes next.
     */
    private boolean startsParenthesizedOperand() {
        int depth = 0;
        for (int ahead = 0; ; ahead++) {
            Token token = peek(ahead);
            switch (token.kind()) {
                case LEFT_PAREN -> depth++;
                case RIGHT_PAREN -> depth--;
                case EOF -> {
                    return false;
                }
                default -> {
                }
            }
            if (depth == 0) {
                Token after = peek(ahead + 1);
                return after.kind() == Token.Kind.PLUS || after.kind() == Token.Kind.MINUS;
            }
        }
    }

    /** operand ::= '(' operand ')' | function '(' operand, … ')' | :value | path */
    private UpdateValue operand() {
        Token token = peek();
        if (token.kind() == Token.Kind.LEFT_PAREN) {
            next();
            enter(true);
            UpdateValue value = operand();
            expect(Token.Kind.RIGHT_PAREN);
            leave();
            return value;
        }
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            next();
            return new UpdateValue.Of(new Operand.Literal(value(token)));
        }
        if (token.kind() == Token.Kind.WORD && !isGrammarKeyword(token) && peek(1).kind() == Token.Kind.LEFT_PAREN) {
            return function();
        }
        if (atPath()) {
            return new UpdateValue.Of(new Operand.PathOperand(parsePath()));
        }
        throw syntaxError(token);
    }

    private UpdateValue function() {
        String name = next().text();
        expect(Token.Kind.LEFT_PAREN);
        enter(false);
        List<UpdateValue> args = new ArrayList<>();
        do {
            args.add(operand());
        } while (accept(Token.Kind.COMMA));
        expect(Token.Kind.RIGHT_PAREN);
        leave();
        countOperator();
        // The service refuses list_append as another function's operand (it may only be the whole value).
        if (args.stream().anyMatch(arg -> arg instanceof UpdateValue.ListAppend)) {
            issues.add(Issues.Kind.MISUSED_FUNCTION,
                    "The function is not allowed to be used this way in an expression; function: list_append");
        }
        UpdateValue placeholder = new UpdateValue.Of(new Operand.Literal(new AttributeValue.Null()));
        if (!name.equals("if_not_exists") && !name.equals("list_append")) {
            issues.add(Issues.Kind.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            return placeholder;
        }
        if (args.size() != 2) {
            issues.add(Issues.Kind.OPERAND_COUNT, "Incorrect number of operands for operator or function;"
                    + " operator or function: " + name + ", number of operands: " + args.size());
            return placeholder;
        }
        if (name.equals("list_append")) {
            requireStatic(name, "L", args.get(0), args.get(1));
            return new UpdateValue.ListAppend(args.get(0), args.get(1));
        }
        if (args.get(0) instanceof UpdateValue.Of of && of.operand() instanceof Operand.PathOperand path) {
            return new UpdateValue.IfNotExists(path.path(), args.get(1));
        }
        issues.add(Issues.Kind.OPERAND_TYPE,
                "Operator or function requires a document path; operator or function: " + name);
        return placeholder;
    }

    private void requireStatic(String operator, String type, UpdateValue... operands) {
        for (UpdateValue operand : operands) {
            String known = operand.staticType();
            if (known != null && !known.equals(type)) {
                issues.add(Issues.Kind.OPERAND_TYPE, "Incorrect operand type for operator or function;"
                        + " operator or function: " + operator + ", operand type: " + known);
                return;
            }
        }
    }
}
