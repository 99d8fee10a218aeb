package nhssm.local.dynamodb.engine.expression;

import java.util.Set;

/** TEMPORARY until the update parser lands. */
final class UpdateParser extends ExpressionParser {

    UpdateParser(String text, ExpressionInputs inputs) {
        super("UpdateExpression", text, inputs, Issues.UPDATE_ORDER, Set.of("SET", "REMOVE", "ADD", "DELETE"));
    }

    Update parse() {
        throw new UnsupportedOperationException("update expressions are not implemented yet");
    }
}
