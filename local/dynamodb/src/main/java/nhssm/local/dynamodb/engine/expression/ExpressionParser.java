package nhssm.local.dynamodb.engine.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/**
 * What the parsers of the four kinds of expression share: the token cursor, the service's syntax error,
 * document paths, placeholders, and the explicit bounds that keep hostile input from exhausting the stack.
 */
abstract class ExpressionParser {

    /** The service's limit on operators and functions in one expression (any kind, not only updates). */
    static final int MAX_OPERATORS = 300;
    /** Documents nest at most 32 levels, so no useful path is longer. */
    static final int MAX_PATH_DEPTH = 32;
    /**
     * How deep parentheses and function calls may nest (NOTs are bounded by the operator limit). The service
     * states no number; its operator limit bounds useful nesting (the service accepts 149 levels of
     * {@code a OR (…)}), so this bound sits above that and only keeps a hostile expression from exhausting the
     * stack: the deepest nesting it allows parses in a 1 MB thread stack, the JVM's default.
     */
    static final int MAX_NESTING = 200;

    final String parameter;
    final String text;
    final ExpressionInputs inputs;
    final Issues issues;
    private final List<Token> tokens;
    private final Set<String> grammarKeywords;
    private int position;
    private int nesting;
    private int operators;

    ExpressionParser(String parameter, String text, ExpressionInputs inputs, List<Issues.Kind> issueOrder,
            Set<Issues.Kind> clauseIssueKinds, Set<String> grammarKeywords) {
        this.parameter = parameter;
        this.text = text;
        this.inputs = inputs;
        this.issues = new Issues(parameter, issueOrder, clauseIssueKinds);
        this.tokens = Lexer.tokens(text);
        this.grammarKeywords = grammarKeywords;
    }

    Token peek() {
        return tokens.get(position);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.EOF) {
            position++;
        }
        return token;
    }

    boolean at(Token.Kind kind) {
        return peek().kind() == kind;
    }

    boolean accept(Token.Kind kind) {
        if (at(kind)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(Token.Kind kind) {
        if (!at(kind)) {
            throw syntaxError(peek());
        }
        return next();
    }

    boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    /** The end of the expression, or a syntax error at what follows. */
    void expectEnd() {
        if (!at(Token.Kind.EOF)) {
            throw syntaxError(peek());
        }
    }

    /** The service's syntax error: the offending token, and the text from the token before it to the one after. */
    DynamoDbError syntaxError(Token token) {
        int index = tokens.indexOf(token);
        int from = index > 0 ? tokens.get(index - 1).start() : token.start();
        Token after = index + 1 < tokens.size() ? tokens.get(index + 1) : token;
        int to = after.kind() == Token.Kind.EOF ? text.length() : after.end();
        return InvalidExpression.of(parameter, "Syntax error; token: \"" + token.shown()
                + "\", near: \"" + text.substring(from, Math.max(from, to)) + "\"");
    }

    DynamoDbError invalid(String message) {
        return InvalidExpression.of(parameter, message);
    }

    /**
     * Entering one more level of nesting; refused past the bound. Parentheses that deep within the operator
     * limit must be mostly redundant, which is what the service reports for them.
     */
    void enter(boolean parenthesis) {
        if (++nesting > MAX_NESTING) {
            throw invalid(parenthesis ? "The expression has redundant parentheses;"
                    : "The expression is nested too deeply; maximum nesting depth: " + MAX_NESTING);
        }
    }

    void leave() {
        nesting--;
    }

    /** One more operator (conditions: comparisons, BETWEEN, IN, AND, OR, NOT; updates: + - and functions). */
    void countOperator() {
        if (++operators > MAX_OPERATORS) {
            throw invalid("The expression contains too many operators; operator count: " + operators);
        }
    }

    /** Whether the next token can start a document path. */
    boolean atPath() {
        Token token = peek();
        return token.kind() == Token.Kind.NAME_PLACEHOLDER
                || (token.kind() == Token.Kind.WORD && !isGrammarKeyword(token));
    }

    boolean isGrammarKeyword(Token token) {
        return token.kind() == Token.Kind.WORD && grammarKeywords.contains(token.text().toUpperCase(java.util.Locale.ROOT));
    }

    /** path ::= name ( '.' name | '[' digits ']' )*, a name being a bare word or a {@code #placeholder}. */
    Path parsePath() {
        List<Path.Element> elements = new ArrayList<>();
        elements.add(new Path.Name(parseName()));
        while (true) {
            if (accept(Token.Kind.DOT)) {
                elements.add(new Path.Name(parseName()));
            } else if (accept(Token.Kind.LEFT_BRACKET)) {
                Token digits = expect(Token.Kind.INTEGER);
                expect(Token.Kind.RIGHT_BRACKET);
                elements.add(new Path.Index(index(digits)));
            } else {
                break;
            }
            if (elements.size() > MAX_PATH_DEPTH) {
                throw invalid("The document path has too many nesting levels; nesting levels: " + elements.size());
            }
        }
        return new Path(elements);
    }

    private int index(Token digits) {
        try {
            return Integer.parseInt(digits.text());
        } catch (NumberFormatException e) {
            throw invalid("List index is not within the allowable range; index: [" + digits.text() + "]");
        }
    }

    private String parseName() {
        Token token = peek();
        if (token.kind() == Token.Kind.NAME_PLACEHOLDER) {
            next();
            String name = inputs.name(token.text());
            if (name == null) {
                issues.add(Issues.Kind.UNDEFINED_PLACEHOLDER,
                        "An expression attribute name used in the document path is not defined; attribute name: "
                                + token.text());
                return token.text();
            }
            return name;
        }
        if (token.kind() != Token.Kind.WORD || isGrammarKeyword(token)) {
            throw syntaxError(token);
        }
        next();
        if (ReservedWords.contains(token.text())) {
            issues.add(Issues.Kind.RESERVED_WORD, "Attribute name is a reserved keyword; reserved keyword: " + token.text());
        }
        return token.text();
    }

    /** The value a {@code :placeholder} token stands for; an undefined one is recorded and stands for NULL. */
    AttributeValue value(Token placeholder) {
        AttributeValue value = inputs.value(placeholder.text());
        if (value == null) {
            issues.add(Issues.Kind.UNDEFINED_PLACEHOLDER,
                    "An expression attribute value used in expression is not defined; attribute value: "
                            + placeholder.text());
            return new AttributeValue.Null();
        }
        return value;
    }

    /** Checks that {@code path} neither overlaps nor conflicts with any of {@code earlier}, then adds it. */
    void checkDistinctPath(List<Path> earlier, Path path) {
        for (Path other : earlier) {
            List<Path.Element> a = other.elements();
            List<Path.Element> b = path.elements();
            boolean diverged = false;
            for (int i = 0; i < Math.min(a.size(), b.size()) && !diverged; i++) {
                if (a.get(i).getClass() != b.get(i).getClass()) {
                    issues.add(Issues.Kind.PATH_CONFLICT, "Two document paths conflict with each other; must remove or"
                            + " rewrite one of these paths; path one: " + other + ", path two: " + path);
                    diverged = true;
                } else if (!a.get(i).equals(b.get(i))) {
                    diverged = true;
                }
            }
            if (!diverged) {
                issues.add(Issues.Kind.PATH_OVERLAP, "Two document paths overlap with each other; must remove or"
                        + " rewrite one of these paths; path one: " + other + ", path two: " + path);
            }
        }
        earlier.add(path);
    }
}
