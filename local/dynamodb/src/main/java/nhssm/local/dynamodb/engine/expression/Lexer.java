package nhssm.local.dynamodb.engine.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens. Never fails: a character no expression may contain becomes an ILLEGAL token. */
final class Lexer {

    private Lexer() {
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            int start = i;
            Token.Kind kind;
            if (isLetter(c)) {
                i = endOfWord(text, i + 1);
                kind = Token.Kind.WORD;
            } else if ((c == '#' || c == ':') && endOfWord(text, i + 1) > i + 1) {
                // A placeholder's name may start with a digit or underscore, but must not be empty.
                i = endOfWord(text, i + 1);
                kind = c == '#' ? Token.Kind.NAME_PLACEHOLDER : Token.Kind.VALUE_PLACEHOLDER;
            } else if (c >= '0' && c <= '9') {
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                kind = Token.Kind.INTEGER;
            } else {
                String two = i + 1 < n ? text.substring(i, i + 2) : "";
                switch (two) {
                    case "<>" -> kind = Token.Kind.NE;
                    case "<=" -> kind = Token.Kind.LE;
                    case ">=" -> kind = Token.Kind.GE;
                    default -> kind = single(c);
                }
                i += kind == Token.Kind.NE || kind == Token.Kind.LE || kind == Token.Kind.GE ? 2
                        : Character.charCount(text.codePointAt(i));
            }
            tokens.add(new Token(kind, text.substring(start, i), start, i));
        }
        tokens.add(new Token(Token.Kind.EOF, "", n, n));
        return tokens;
    }

    private static Token.Kind single(char c) {
        return switch (c) {
            case '(' -> Token.Kind.LEFT_PAREN;
            case ')' -> Token.Kind.RIGHT_PAREN;
            case '[' -> Token.Kind.LEFT_BRACKET;
            case ']' -> Token.Kind.RIGHT_BRACKET;
            case '.' -> Token.Kind.DOT;
            case ',' -> Token.Kind.COMMA;
            case '=' -> Token.Kind.EQ;
            case '<' -> Token.Kind.LT;
            case '>' -> Token.Kind.GT;
            case '+' -> Token.Kind.PLUS;
            case '-' -> Token.Kind.MINUS;
            default -> Token.Kind.ILLEGAL;
        };
    }

    /** A bare word starts with a letter; an underscore or digit first is not a word (the service's lexer agrees). */
    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int endOfWord(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isLetter(c) && c != '_' && !(c >= '0' && c <= '9')) {
                break;
            }
            i++;
        }
        return i;
    }
}
