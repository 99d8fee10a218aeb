package nhssm.local.dynamodb.engine.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nhssm.local.dynamodb.engine.value.AttributeValue;
import nhssm.local.dynamodb.engine.value.ValueOrder;

/**
 * Parses a condition (ConditionExpression, FilterExpression, and the shape of a KeyConditionExpression), by
 * the Developer Guide's precedence, lowest first: OR, AND, NOT, parentheses, functions, BETWEEN, IN,
 * comparisons. Parentheses may enclose an operand as well as a condition, so a parenthesised part is parsed
 * first and only then known to be one or the other ({@link Term}).
 */
final class ConditionParser extends ExpressionParser {

    static final int MAX_IN_OPERANDS = 100;
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
    /** The types the ordering operators compare; a value of another type in the expression itself is refused. */
    private static final Set<String> ORDERED = Set.of("S", "N", "B");
    private static final Set<String> TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");
    /** Stands in for a faulty part, so parsing can go on to find the fault the service reports first. */
    private static final ConditionNode PLACEHOLDER = new ConditionNode.And(List.of());

    /** A parsed part: a condition or an operand, whether it was in parentheses, and the function it calls if any. */
    private sealed interface Term {
        boolean parenthesized();

        String function();

        Term parenthesize();
    }

    private record Cond(ConditionNode node, boolean parenthesized, String function) implements Term {
        @Override
        public Term parenthesize() {
            return new Cond(node, true, function);
        }
    }

    private record Opnd(Operand operand, boolean parenthesized, String function) implements Term {
        @Override
        public Term parenthesize() {
            return new Opnd(operand, true, function);
        }
    }

    ConditionParser(String parameter, String text, ExpressionInputs inputs) {
        super(parameter, text, inputs, Issues.CONDITION_ORDER, Issues.CONDITION_CLAUSE_KINDS, KEYWORDS);
    }

    ConditionNode parse() {
        Term term = parseOr();
        ConditionNode node = condition(term, peek());
        expectEnd();
        issues.throwIfAny();
        return node;
    }

    private Term parseOr() {
        Term first = parseAnd();
        if (!atKeyword("OR")) {
            return first;
        }
        List<ConditionNode> operands = new ArrayList<>();
        operands.add(condition(first, peek()));
        while (atKeyword("OR")) {
            next();
            countOperator();
            Term term = parseAnd();
            operands.add(condition(term, peek()));
        }
        return new Cond(new ConditionNode.Or(operands), false, null);
    }

    private Term parseAnd() {
        Term first = parseNot();
        if (!atKeyword("AND")) {
            return first;
        }
        List<ConditionNode> operands = new ArrayList<>();
        operands.add(condition(first, peek()));
        while (atKeyword("AND")) {
            next();
            countOperator();
            Term term = parseNot();
            operands.add(condition(term, peek()));
        }
        return new Cond(new ConditionNode.And(operands), false, null);
    }

    private Term parseNot() {
        if (!atKeyword("NOT")) {
            return parsePrimary();
        }
        next();
        // NOTs need no nesting bound: the operator limit stops a chain of them at 300.
        countOperator();
        Term term = parseNot();
        return new Cond(new ConditionNode.Not(condition(term, peek())), false, null);
    }

    private Term parsePrimary() {
        Term term;
        if (at(Token.Kind.LEFT_PAREN)) {
            next();
            enter(true);
            Term inner = parseOr();
            expect(Token.Kind.RIGHT_PAREN);
            leave();
            if (inner.parenthesized()) {
                issues.add(Issues.Kind.REDUNDANT_PARENTHESES, "The expression has redundant parentheses;");
            }
            term = comparisonAfter(inner.parenthesize());
        } else {
            term = comparisonAfter(parseOperandTerm());
        }
        issues.endClause();
        return term;
    }

    /** If a comparison, BETWEEN or IN follows, the term is its left operand. */
    private Term comparisonAfter(Term term) {
        Comparator comparator = Comparator.of(peek());
        boolean between = atKeyword("BETWEEN");
        boolean in = atKeyword("IN");
        if (comparator == null && !between && !in) {
            return term;
        }
        Operand left = operand(term);
        next();
        countOperator();
        ConditionNode node;
        if (comparator != null) {
            Operand right = parseOperand();
            distinct(comparator.symbol, left, right);
            if (comparator != Comparator.EQ && comparator != Comparator.NE) {
                requireType(comparator.symbol, left, ORDERED);
                requireType(comparator.symbol, right, ORDERED);
            }
            node = new ConditionNode.Comparison(comparator, left, right);
        } else if (between) {
            Operand lower = parseOperand();
            if (!atKeyword("AND")) {
                throw syntaxError(peek());
            }
            next();
            Operand upper = parseOperand();
            requireType("BETWEEN", left, ORDERED);
            requireType("BETWEEN", lower, ORDERED);
            requireType("BETWEEN", upper, ORDERED);
            checkBounds(lower, upper);
            node = new ConditionNode.Between(left, lower, upper);
        } else {
            expect(Token.Kind.LEFT_PAREN);
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(parseOperand());
            } while (accept(Token.Kind.COMMA));
            expect(Token.Kind.RIGHT_PAREN);
            // The limit of 100 counts the left operand too.
            if (candidates.size() + 1 > MAX_IN_OPERANDS) {
                throw invalid("The IN operator is provided with too many operands; number of operands: "
                        + (candidates.size() + 1));
            }
            node = new ConditionNode.In(left, candidates);
        }
        return new Cond(node, false, null);
    }

    /** An operand, possibly in parentheses. */
    private Operand parseOperand() {
        if (at(Token.Kind.LEFT_PAREN)) {
            next();
            enter(true);
            boolean innerParenthesized = at(Token.Kind.LEFT_PAREN);
            Operand operand = parseOperand();
            expect(Token.Kind.RIGHT_PAREN);
            leave();
            if (innerParenthesized) {
                issues.add(Issues.Kind.REDUNDANT_PARENTHESES, "The expression has redundant parentheses;");
            }
            return operand;
        }
        return operand(parseOperandTerm());
    }

    /** A path, a value, or a function call (a condition function, or size as an operand). */
    private Term parseOperandTerm() {
        Token token = peek();
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            next();
            return new Opnd(new Operand.Literal(value(token)), false, null);
        }
        if (token.kind() == Token.Kind.WORD && !isGrammarKeyword(token) && peek(1).kind() == Token.Kind.LEFT_PAREN) {
            return parseFunction();
        }
        if (atPath()) {
            return new Opnd(new Operand.PathOperand(parsePath()), false, null);
        }
        throw syntaxError(token);
    }

    private Term parseFunction() {
        String name = next().text();
        expect(Token.Kind.LEFT_PAREN);
        enter(false);
        List<Operand> args = new ArrayList<>();
        do {
            args.add(parseOperand());
        } while (accept(Token.Kind.COMMA));
        expect(Token.Kind.RIGHT_PAREN);
        leave();
        // Function calls are not among the operators the service counts in a condition.
        int arity = switch (name) {
            case "attribute_exists", "attribute_not_exists", "size" -> 1;
            case "attribute_type", "begins_with", "contains" -> 2;
            default -> -1;
        };
        if (name.equals("if_not_exists") || name.equals("list_append")) {
            // Known to the service, but only in update expressions.
            misused(name);
            return new Opnd(new Operand.Literal(new AttributeValue.Null()), false, null);
        }
        if (arity < 0) {
            issues.add(Issues.Kind.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            return new Cond(PLACEHOLDER, false, name);
        }
        if (args.size() != arity) {
            issues.add(Issues.Kind.OPERAND_COUNT, "Incorrect number of operands for operator or function;"
                    + " operator or function: " + name + ", number of operands: " + args.size());
            return name.equals("size") ? new Opnd(new Operand.Literal(new AttributeValue.Null()), false, name)
                    : new Cond(PLACEHOLDER, false, name);
        }
        if (arity == 2) {
            distinct(name, args.get(0), args.get(1));
        }
        return switch (name) {
            case "attribute_exists" -> new Cond(new ConditionNode.AttributeExists(path(name, args.get(0))), false, name);
            case "attribute_not_exists" ->
                    new Cond(new ConditionNode.AttributeNotExists(path(name, args.get(0))), false, name);
            case "attribute_type" -> new Cond(new ConditionNode.AttributeType(args.get(0), typeName(args.get(1))),
                    false, name);
            case "begins_with" -> {
                requireType(name, args.get(0), Set.of("S", "B"));
                requireType(name, args.get(1), Set.of("S", "B"));
                yield new Cond(new ConditionNode.BeginsWith(args.get(0), args.get(1)), false, name);
            }
            case "contains" -> new Cond(new ConditionNode.Contains(args.get(0), args.get(1)), false, name);
            default -> {
                requireNot(name, args.get(0), Set.of("N", "BOOL", "NULL"));
                yield new Opnd(new Operand.Size(args.get(0)), false, name);
            }
        };
    }

    private Path path(String function, Operand operand) {
        if (operand instanceof Operand.PathOperand p) {
            return p.path();
        }
        issues.add(Issues.Kind.OPERAND_TYPE,
                "Operator or function requires a document path; operator or function: " + function);
        return new Path(List.of(new Path.Name("")));
    }

    private String typeName(Operand operand) {
        if (!(operand instanceof Operand.Literal literal) || !(literal.value() instanceof AttributeValue.S s)) {
            String type = operand.staticType() == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : operand.staticType();
            issues.add(Issues.Kind.OPERAND_TYPE, "Incorrect operand type for operator or function;"
                    + " operator or function: attribute_type, operand type: " + type);
            return "";
        }
        if (!TYPES.contains(s.value())) {
            issues.add(Issues.Kind.OPERAND_TYPE, "Invalid attribute type name found; type: " + s.value()
                    + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        }
        return s.value();
    }

    private void requireType(String function, Operand operand, Set<String> allowed) {
        String type = operand.staticType();
        if (type != null && !allowed.contains(type)) {
            incorrectType(function, type);
        }
    }

    private void requireNot(String function, Operand operand, Set<String> refused) {
        String type = operand.staticType();
        if (type != null && refused.contains(type)) {
            incorrectType(function, type);
        }
    }

    private void incorrectType(String function, String type) {
        issues.add(Issues.Kind.OPERAND_TYPE, "Incorrect operand type for operator or function;"
                + " operator or function: " + function + ", operand type: " + type);
    }

    /** The service refuses an operator or function whose two operands are the same path. */
    private void distinct(String operator, Operand first, Operand second) {
        if (first instanceof Operand.PathOperand a && second instanceof Operand.PathOperand b && a.equals(b)) {
            issues.add(Issues.Kind.DISTINCT_OPERANDS, "The first operand must be distinct from the remaining"
                    + " operands for this operator or function; operator: " + operator + ", first operand: " + a.path());
        }
    }

    private void checkBounds(Operand lower, Operand upper) {
        if (!(lower instanceof Operand.Literal lo) || !(upper instanceof Operand.Literal hi)) {
            return;
        }
        String bounds = "lower bound operand: AttributeValue: " + ValueText.of(lo.value())
                + ", upper bound operand: AttributeValue: " + ValueText.of(hi.value());
        if (!lo.value().type().equals(hi.value().type())) {
            issues.add(Issues.Kind.OPERAND_TYPE, "The BETWEEN operator requires same data type for lower and upper"
                    + " bounds; " + bounds);
        } else if (ValueOrder.compare(lo.value(), hi.value()).map(c -> c > 0).orElse(false)) {
            issues.add(Issues.Kind.OPERAND_TYPE, "The BETWEEN operator requires upper bound to be greater than or"
                    + " equal to lower bound; " + bounds);
        }
    }

    /** The term as a condition; an operand where a condition belongs is a misused function or a syntax error. */
    private ConditionNode condition(Term term, Token following) {
        return switch (term) {
            case Cond cond -> cond.node();
            case Opnd opnd when opnd.function() != null -> {
                misused(opnd.function());
                yield PLACEHOLDER;
            }
            case Opnd opnd -> throw syntaxError(following);
        };
    }

    /** The term as an operand; a condition function where an operand belongs is misused. */
    private Operand operand(Term term) {
        return switch (term) {
            case Opnd opnd -> opnd.operand();
            case Cond cond when cond.function() != null -> {
                misused(cond.function());
                yield new Operand.Literal(new AttributeValue.Null());
            }
            case Cond cond -> throw syntaxError(peek());
        };
    }

    private void misused(String function) {
        issues.add(Issues.Kind.MISUSED_FUNCTION,
                "The function is not allowed to be used this way in an expression; function: " + function);
    }
}
