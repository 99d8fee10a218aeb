package nhssm.local.dynamodb.engine.expression;

import static nhssm.local.dynamodb.engine.expression.Values.item;
import static nhssm.local.dynamodb.engine.expression.Values.l;
import static nhssm.local.dynamodb.engine.expression.Values.m;
import static nhssm.local.dynamodb.engine.expression.Values.n;
import static nhssm.local.dynamodb.engine.expression.Values.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/** Projection expressions: only the projected parts come back, lists compacted in index order. */
class ProjectionTest {

    private static final Map<String, AttributeValue> ITEM = item(
            "id", s("p1"),
            "title", s("Bike"),
            "reviews", m("five", l(s("great"), s("fine")), "one", l(s("bad")), "stars", n("4")),
            "parts", l(m("label", s("wheel"), "qty", n("2")), m("label", s("seat")), s("bell")));

    private static Map<String, AttributeValue> project(String expression, Map<String, String> names) {
        return Expressions.projection(expression, new ExpressionInputs(names, null)).apply(ITEM);
    }

    @Test
    void topLevelAttributesAndMissingOnesOmitted() {
        assertThat(project("id, title, nothing", null)).isEqualTo(item("id", s("p1"), "title", s("Bike")));
    }

    @Test
    void nestedMapKeysKeepOnlyTheProjectedPart() {
        assertThat(project("reviews.stars, reviews.one", null))
                .isEqualTo(item("reviews", m("stars", n("4"), "one", l(s("bad")))));
        assertThat(project("reviews.absent", null)).isEmpty();
        assertThat(project("title.x", null)).isEmpty();
    }

    @Test
    void listElementsComeBackCompactedInIndexOrder() {
        assertThat(project("parts[2], parts[0].label, parts[7]", null))
                .isEqualTo(item("parts", l(m("label", s("wheel")), s("bell"))));
        assertThat(project("parts[1].qty", null)).isEmpty();
        assertThat(project("reviews.five[1]", null)).isEqualTo(item("reviews", m("five", l(s("fine")))));
    }

    @Test
    void placeholdersStandForNames() {
        assertThat(project("#n, #r.#s", Map.of("#n", "title", "#r", "reviews", "#s", "stars")))
                .isEqualTo(item("title", s("Bike"), "reviews", m("stars", n("4"))));
    }

    @Test
    void overlappingOrConflictingPathsAndBadSyntaxAreRefused() {
        assertThatThrownBy(() -> project("reviews, reviews.stars", null)).isInstanceOf(DynamoDbError.class)
                .hasMessage("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or"
                        + " rewrite one of these paths; path one: [reviews], path two: [reviews, stars]");
        assertThatThrownBy(() -> project("parts[0], parts.a", null)).isInstanceOf(DynamoDbError.class)
                .hasMessage("Invalid ProjectionExpression: Two document paths conflict with each other; must remove or"
                        + " rewrite one of these paths; path one: [parts, [0]], path two: [parts, a]");
        assertThatThrownBy(() -> project("id,", null))
                .hasMessage("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"");
        assertThatThrownBy(() -> project("!!!", null))
                .hasMessage("Invalid ProjectionExpression: Syntax error; token: \"!\", near: \"!!\"");
        assertThatThrownBy(() -> project("id title", null))
                .hasMessage("Invalid ProjectionExpression: Syntax error; token: \"title\", near: \"id title\"");
        assertThatThrownBy(() -> project("id, Name", null))
                .hasMessage("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: Name");
        assertThatThrownBy(() -> project("#x", null)).hasMessage("Invalid ProjectionExpression: An expression"
                + " attribute name used in the document path is not defined; attribute name: #x");
    }
}
