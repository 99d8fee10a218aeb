package nhssm.local.dynamodb.engine.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses a ProjectionExpression: document paths separated by commas, none overlapping another. */
final class ProjectionParser extends ExpressionParser {

    ProjectionParser(String parameter, String text, ExpressionInputs inputs) {
        super(parameter, text, inputs, Issues.UPDATE_ORDER, Set.of(), Set.of());
    }

    List<Path> parse() {
        List<Path> paths = new ArrayList<>();
        do {
            if (!atPath()) {
                throw syntaxError(peek());
            }
            checkDistinctPath(paths, parsePath());
        } while (accept(Token.Kind.COMMA));
        expectEnd();
        issues.throwIfAny();
        return paths;
    }
}
