package nhssm.local.dynamodb.engine.expression;

/** One lexical token of an expression, with where it lies in the text (for the service's "near" context). */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        /** A bare word: an attribute name, a keyword or a function name. */
        WORD,
        /** {@code #name}: an ExpressionAttributeNames placeholder. */
        NAME_PLACEHOLDER,
        /** {@code :name}: an ExpressionAttributeValues placeholder. */
        VALUE_PLACEHOLDER,
        /** Digits, as in a list index. */
        INTEGER,
        LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, DOT, COMMA,
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS,
        /** A character no expression may contain; the parser reports it as a syntax error. */
        ILLEGAL,
        EOF
    }

    /** Whether this is the bare word {@code keyword}, which the service matches case-insensitively. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** The token as the service names it in a syntax error. */
    String shown() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
