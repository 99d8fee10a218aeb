package nhssm.local.dynamodb.engine.expression;

import static nhssm.local.dynamodb.engine.expression.Values.n;
import static nhssm.local.dynamodb.engine.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;

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
                .hasMessage("ExpressionAttributeNames can only be specified when using expressions");
        assertThatThrownBy(new ExpressionInputs(null, values(":x", n("1")))::requireAllUsed)
                .hasMessage("ExpressionAttributeValues can only be specified when using expressions");
    }

    @Test
    void refusalsAreBareAndTheSingleItemWritesPutThemInTheServicesEnvelope() {
        DynamoDbError bare = catchThrowableOfType(DynamoDbError.class,
                () -> Expressions.condition("ConditionExpression", "a = = b", ExpressionInputs.none()));
        assertThat(bare).hasMessage("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = b\"");
        DynamoDbError enveloped = Expressions.enveloped(bare);
        assertThat(enveloped.type()).isEqualTo(ErrorType.VALIDATION);
        assertThat(enveloped).hasMessage(
                "1 validation error detected: Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = b\"");
        assertThat(Expressions.enveloped(enveloped)).hasMessage(enveloped.getMessage());
        DynamoDbError other = new DynamoDbError(ErrorType.CONDITIONAL_CHECK_FAILED, "The conditional request failed");
        assertThat(Expressions.enveloped(other)).isSameAs(other);
        assertThatThrownBy(() -> Expressions.update("SET", ExpressionInputs.none()))
                .hasMessage("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"SET\"");
        assertThatThrownBy(() -> Expressions.keyCondition("pk = :v", ExpressionInputs.none(), "pk", java.util.Optional.empty()))
                .hasMessage("Invalid KeyConditionExpression: An expression attribute value used in expression is not defined;"
                        + " attribute value: :v");
    }
}
