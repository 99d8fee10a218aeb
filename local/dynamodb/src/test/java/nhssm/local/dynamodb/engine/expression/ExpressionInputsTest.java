package nhssm.local.dynamodb.engine.expression;

import static nhssm.local.dynamodb.engine.expression.Values.n;
import static nhssm.local.dynamodb.engine.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nhssm.local.dynamodb.engine.error.DynamoDbError;

/** ExpressionAttributeNames and ExpressionAttributeValues: their checks and the unused ones. */
class ExpressionInputsTest {

    @Test
    void emptyMapsAreRefused() {
        assertThatThrownBy(() -> new ExpressionInputs(Map.of(), null)).isInstanceOf(DynamoDbError.class)
                .hasMessage("ExpressionAttributeNames must not be empty");
        assertThatThrownBy(() -> new ExpressionInputs(null, Map.of())).isInstanceOf(DynamoDbError.class)
                .hasMessage("ExpressionAttributeValues must not be empty");
    }

    @Test
    void keysNeedTheirPrefix() {
        assertThatThrownBy(() -> new ExpressionInputs(Map.of("n", "a"), null))
                .hasMessage("ExpressionAttributeNames contains invalid key: Syntax error; key: \"n\"");
        assertThatThrownBy(() -> new ExpressionInputs(Map.of("#a", ""), null))
                .hasMessage("ExpressionAttributeNames contains invalid value: Empty attribute name for key #a");
        assertThatThrownBy(() -> new ExpressionInputs(null, values("v", n("1"))))
                .hasMessage("ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"");
        assertThatThrownBy(() -> new ExpressionInputs(null, values(":", n("1"))))
                .hasMessage("ExpressionAttributeValues contains invalid key: Syntax error; key: \":\"");
    }

    @Test
    void unusedNamesAndValuesAreRefusedAfterAllExpressions() {
        ExpressionInputs inputs = new ExpressionInputs(Map.of("#a", "a", "#b", "b", "#c", "c"),
                values(":x", n("1"), ":y", n("2")));
        Expressions.condition("ConditionExpression", "#a = :x", inputs);
        Expressions.projection("#b", inputs);
        assertThatThrownBy(inputs::requireAllUsed).isInstanceOf(DynamoDbError.class)
                .hasMessage("Value provided in ExpressionAttributeNames unused in expressions: keys: {#c}");

        ExpressionInputs values = new ExpressionInputs(null, values(":x", n("1"), ":y", n("2"), ":z", n("3")));
        Expressions.update("SET a = :x", values);
        assertThatThrownBy(values::requireAllUsed)
                .hasMessage("Value provided in ExpressionAttributeValues unused in expressions: keys: {:y, :z}");
    }

    @Test
    void everythingUsedAcrossExpressionsPasses() {
        ExpressionInputs inputs = new ExpressionInputs(Map.of("#a", "a"), values(":x", n("1"), ":y", n("2")));
        Expressions.update("SET #a = :x", inputs);
        Expressions.condition("ConditionExpression", "#a <> :y", inputs);
        assertThatCode(inputs::requireAllUsed).doesNotThrowAnyException();
        assertThatCode(ExpressionInputs.none()::requireAllUsed).doesNotThrowAnyException();
    }

    @Test
    void inputsWithoutAnyExpressionAreRefused() {
        assertThatThrownBy(new ExpressionInputs(Map.of("#a", "a"), null)::requireAllUsed)
                .hasMessage("1 validation error detected: ExpressionAttributeNames can only be specified when using expressions");
        assertThatThrownBy(new ExpressionInputs(null, values(":x", n("1")))::requireAllUsed)
                .hasMessage("1 validation error detected: ExpressionAttributeValues can only be specified when using expressions");
    }

    @Test
    void theSingleItemWritesRefusalsComeInTheServicesEnvelope() {
        assertThatThrownBy(() -> Expressions.condition("ConditionExpression", "", ExpressionInputs.none()))
                .hasMessage("1 validation error detected: Invalid ConditionExpression: The expression can not be empty;");
        assertThatThrownBy(() -> Expressions.condition("ConditionExpression", "a = :v", ExpressionInputs.none()))
                .hasMessage("1 validation error detected: Invalid ConditionExpression: An expression attribute value used"
                        + " in expression is not defined; attribute value: :v");
        assertThatThrownBy(() -> Expressions.update("SET", ExpressionInputs.none()))
                .hasMessage("1 validation error detected: Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"SET\"");
        assertThatThrownBy(() -> Expressions.keyCondition("pk = :v", ExpressionInputs.none(), "pk", java.util.Optional.empty()))
                .hasMessage("Invalid KeyConditionExpression: An expression attribute value used in expression is not defined;"
                        + " attribute value: :v");
        assertThatThrownBy(() -> Expressions.condition("FilterExpression", "a = :v", ExpressionInputs.none()))
                .hasMessage("Invalid FilterExpression: An expression attribute value used in expression is not defined;"
                        + " attribute value: :v");
    }
}
