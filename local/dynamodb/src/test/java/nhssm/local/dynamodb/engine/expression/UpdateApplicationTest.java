package nhssm.local.dynamodb.engine.expression;

import static nhssm.local.dynamodb.engine.expression.Values.bs;
import static nhssm.local.dynamodb.engine.expression.Values.item;
import static nhssm.local.dynamodb.engine.expression.Values.l;
import static nhssm.local.dynamodb.engine.expression.Values.m;
import static nhssm.local.dynamodb.engine.expression.Values.n;
import static nhssm.local.dynamodb.engine.expression.Values.ns;
import static nhssm.local.dynamodb.engine.expression.Values.s;
import static nhssm.local.dynamodb.engine.expression.Values.ss;
import static nhssm.local.dynamodb.engine.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.value.AttributeValue;

/** Update expressions applied to items, with the results and errors the API reference describes. */
class UpdateApplicationTest {

    private static final Map<String, AttributeValue> ITEM = item(
            "id", s("p1"),
            "qty", n("5"),
            "title", s("Bike"),
            "colors", ss("Red", "Black"),
            "sizes", ns("1", "2"),
            "tags", l(s("a"), s("b"), s("c"), s("d")),
            "info", m("dims", m("w", n("3")), "nums", l(n("1"), n("2"))));

    private static Map<String, AttributeValue> apply(String expression, Map<String, String> names,
            Map<String, AttributeValue> values, Map<String, AttributeValue> item) {
        return Expressions.update(expression, new ExpressionInputs(names, values)).apply(item, Set.of("id"));
    }

    private static Map<String, AttributeValue> apply(String expression, Map<String, AttributeValue> values) {
        return apply(expression, null, values, ITEM);
    }

    private static void refused(String expression, Map<String, AttributeValue> values, String message) {
        assertThatThrownBy(() -> apply(expression, values))
                .isInstanceOf(DynamoDbError.class).hasMessage(message);
    }

    @Test
    void setReplacesAndAddsTopLevelAttributes() {
        Map<String, AttributeValue> result = apply("SET title = :t, price = :p", values(":t", s("Trike"), ":p", n("9")));
        assertThat(result).containsEntry("title", s("Trike")).containsEntry("price", n("9"))
                .containsEntry("qty", n("5")).hasSize(ITEM.size() + 1);
    }

    @Test
    void setArithmeticAddsAndSubtractsNumbersInCanonicalForm() {
        assertThat(apply("SET qty = qty + :d", values(":d", n("1.50")))).containsEntry("qty", n("6.5"));
        assertThat(apply("SET qty = qty - :d", values(":d", n("5")))).containsEntry("qty", n("0"));
        assertThat(apply("set qty = :a - qty", values(":a", n("2")))).containsEntry("qty", n("-3"));
        assertThat(apply("SET amount = qty + qty", null)).containsEntry("amount", n("10"));
        assertThat(apply("SET amount = (qty) + :d", values(":d", n("0.1")))).containsEntry("amount", n("5.1"));
        assertThat(apply("SET amount = (qty + :d)", values(":d", n("0.1")))).containsEntry("amount", n("5.1"));
    }

    @Test
    void valuesAreComputedFromTheItemBeforeTheUpdate() {
        Map<String, AttributeValue> result = apply("SET title = qty, qty = title", null);
        assertThat(result).containsEntry("title", n("5")).containsEntry("qty", s("Bike"));
    }

    @Test
    void ifNotExistsKeepsAnExistingValue() {
        assertThat(apply("SET qty = if_not_exists(qty, :z)", values(":z", n("0")))).containsEntry("qty", n("5"));
        assertThat(apply("SET hits = if_not_exists(hits, :z) + :one", values(":z", n("0"), ":one", n("1"))))
                .containsEntry("hits", n("1"));
        assertThat(apply("SET info.dims.d = if_not_exists(info.dims.d, :z)", values(":z", n("7"))))
                .containsEntry("info", m("dims", m("w", n("3"), "d", n("7")), "nums", l(n("1"), n("2"))));
    }

    @Test
    void listAppendJoinsListsEitherWay() {
        assertThat(apply("SET tags = list_append(tags, :x)", values(":x", l(s("e")))))
                .containsEntry("tags", l(s("a"), s("b"), s("c"), s("d"), s("e")));
        assertThat(apply("SET tags = list_append(:x, tags)", values(":x", l(s("z")))))
                .containsEntry("tags", l(s("z"), s("a"), s("b"), s("c"), s("d")));
        assertThat(apply("SET fresh = list_append(if_not_exists(fresh, :empty), :x)",
                values(":empty", l(), ":x", l(n("1"))))).containsEntry("fresh", l(n("1")));
    }

    @Test
    void setWritesIntoNestedMapsAndLists() {
        assertThat(apply("SET info.dims.w = :v", values(":v", n("4"))))
                .containsEntry("info", m("dims", m("w", n("4")), "nums", l(n("1"), n("2"))));
        assertThat(apply("SET tags[1] = :v", values(":v", s("B"))))
                .containsEntry("tags", l(s("a"), s("B"), s("c"), s("d")));
        assertThat(apply("SET info.nums[9] = :v", values(":v", n("3"))))
                .containsEntry("info", m("dims", m("w", n("3")), "nums", l(n("1"), n("2"), n("3"))));
        assertThat(apply("SET #a.#b = :v", Map.of("#a", "info", "#b", "new.key"), values(":v", n("1")), ITEM))
                .containsEntry("info", m("dims", m("w", n("3")), "nums", l(n("1"), n("2")), "new.key", n("1")));
    }

    @Test
    void setsPastAListsEndAppendInIndexOrder() {
        assertThat(apply("SET tags[84] = :a, tags[37] = :b, tags[17] = :c, tags[50] = :d",
                values(":a", s("a1"), ":b", s("a2"), ":c", s("a3"), ":d", s("a4"))))
                .containsEntry("tags", l(s("a"), s("b"), s("c"), s("d"), s("a3"), s("a2"), s("a4"), s("a1")));
        assertThat(apply("SET tags[9] = :a, tags[0] = :b", values(":a", s("z"), ":b", s("A"))))
                .containsEntry("tags", l(s("A"), s("b"), s("c"), s("d"), s("z")));
    }

    @Test
    void removeOfAnyPathOnAnAbsentItemDoesNothing() {
        Update update = Expressions.update("REMOVE x.y, z[0]", ExpressionInputs.none());
        assertThat(update.apply(Map.of(), Set.of("id"))).isEmpty();
        assertThatThrownBy(() -> update.apply(item("id", s("p")), Set.of("id"))).isInstanceOf(DynamoDbError.class)
                .hasMessage("The document path provided in the update expression is invalid for update");
    }

    @Test
    void removeDeletesAttributesAndShiftsListElements() {
        assertThat(apply("REMOVE title, colors", null)).doesNotContainKeys("title", "colors").containsKey("qty");
        assertThat(apply("REMOVE tags[1]", null)).containsEntry("tags", l(s("a"), s("c"), s("d")));
        assertThat(apply("REMOVE tags[0], tags[2]", null)).containsEntry("tags", l(s("b"), s("d")));
        assertThat(apply("REMOVE tags[2], tags[0]", null)).containsEntry("tags", l(s("b"), s("d")));
        assertThat(apply("REMOVE tags[9], nothing", null)).isEqualTo(ITEM);
        assertThat(apply("REMOVE info.dims.w", null)).containsEntry("info", m("dims", m(), "nums", l(n("1"), n("2"))));
        assertThat(apply("SET tags[3] = :v REMOVE tags[0]", values(":v", s("D"))))
                .containsEntry("tags", l(s("b"), s("c"), s("D")));
        // Indexes refer to the list before the update, whatever the order of the actions.
        Map<String, AttributeValue> numbers = item("a", l(n("2"), n("3"), n("4"), n("5"), n("6"), n("7")));
        for (String expression : new String[] {"REMOVE a[1] SET a[3] = :v", "SET a[3] = :v REMOVE a[1]"}) {
            assertThat(apply(expression, null, values(":v", n("17")), numbers))
                    .containsEntry("a", l(n("2"), n("4"), n("17"), n("6"), n("7")));
        }
    }

    @Test
    void addSumsNumbersAndUnitesSetsCreatingMissingAttributes() {
        assertThat(apply("ADD qty :d", values(":d", n("-7")))).containsEntry("qty", n("-2"));
        assertThat(apply("ADD visits :d", values(":d", n("3")))).containsEntry("visits", n("3"));
        assertThat(apply("ADD colors :c", values(":c", ss("Blue", "Red"))))
                .containsEntry("colors", ss("Red", "Black", "Blue"));
        assertThat(apply("ADD sizes :c", values(":c", ns("3.0")))).containsEntry("sizes", ns("1", "2", "3"));
        assertThat(apply("ADD blobs :c", values(":c", bs("x")))).containsEntry("blobs", bs("x"));
        assertThat(apply("ADD info.dims.h :d", values(":d", n("2"))))
                .containsEntry("info", m("dims", m("w", n("3"), "h", n("2")), "nums", l(n("1"), n("2"))));
    }

    @Test
    void deleteRemovesSetElementsAndAnEmptiedSet() {
        assertThat(apply("DELETE colors :c", values(":c", ss("Red", "Green")))).containsEntry("colors", ss("Black"));
        assertThat(apply("DELETE colors :c", values(":c", ss("Red", "Black")))).doesNotContainKey("colors");
        assertThat(apply("DELETE sizes :c", values(":c", ns("2.00")))).containsEntry("sizes", ns("1"));
        assertThat(apply("DELETE nothing :c", values(":c", ss("x")))).isEqualTo(ITEM);
    }

    @Test
    void allFourSectionsInAnyOrder() {
        Map<String, AttributeValue> result = apply(
                "delete colors :c add qty :one remove title set price = :p",
                values(":c", ss("Red"), ":one", n("1"), ":p", n("2")));
        assertThat(result).containsEntry("colors", ss("Black")).containsEntry("qty", n("6"))
                .doesNotContainKey("title").containsEntry("price", n("2"));
    }

    @Test
    void anAbsentItemIsAnEmptyMap() {
        Map<String, AttributeValue> result = Expressions.update("SET a = :v ADD c :n",
                new ExpressionInputs(null, values(":v", s("x"), ":n", n("1")))).apply(Map.of(), Set.of("id"));
        assertThat(result).isEqualTo(item("a", s("x"), "c", n("1")));
    }

    @Test
    void keyAttributesCannotBeUpdated() {
        refused("SET id = :v", values(":v", s("x")),
                "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key");
        refused("REMOVE id", null,
                "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key");
    }

    @Test
    void pathsIntoMissingOrWrongTypedParentsAreInvalid() {
        String invalid = "The document path provided in the update expression is invalid for update";
        refused("SET nothing.a = :v", values(":v", n("1")), invalid);
        refused("SET info.absent.a = :v", values(":v", n("1")), invalid);
        refused("SET title.a = :v", values(":v", n("1")), invalid);
        refused("SET title[0] = :v", values(":v", n("1")), invalid);
        refused("SET info[0] = :v", values(":v", n("1")), invalid);
        refused("SET tags[7].a = :v", values(":v", n("1")), invalid);
        refused("ADD nothing.a :v", values(":v", n("1")), invalid);
    }

    @Test
    void wrongTypedOperandsAreRefusedWhenApplied() {
        String wrong = "An operand in the update expression has an incorrect data type";
        refused("SET x = title + :n", values(":n", n("1")), wrong);
        refused("SET x = list_append(title, :l)", values(":l", l()), wrong);
        refused("ADD title :n", values(":n", n("1")), wrong);
        refused("ADD qty :s", values(":s", ss("a")), wrong);
        refused("ADD colors :s", values(":s", ns("1")), wrong);
        refused("DELETE title :s", values(":s", ss("a")), wrong);
        refused("DELETE sizes :s", values(":s", ss("a")), wrong);
    }

    @Test
    void aMissingOperandAttributeIsRefused() {
        refused("SET x = nothing + :n", values(":n", n("1")),
                "The provided expression refers to an attribute that does not exist in the item");
        refused("SET x = nothing", null, "The provided expression refers to an attribute that does not exist in the item");
    }

    @Test
    void arithmeticResultsMustFitTheNumberRange() {
        refused("SET x = :a + :a", values(":a", n("9.9999999999999999999999999999999999999E+125")),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
        refused("SET x = :a - :b", values(":a", n("1E-130"), ":b", n("0.9E-130")),
                "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        refused("SET x = :a + :b", values(":a", n("1E+20"), ":b", n("1E-20")),
                "Attempting to store more than 38 significant digits in a Number");
        refused("ADD qty :b", values(":b", n("0.00000000000000000000000000000000000001")),
                "Attempting to store more than 38 significant digits in a Number");
        assertThat(apply("SET x = :a + :b", values(":a", n("1E+125"), ":b", n("-1E+125")))).containsEntry("x", n("0"));
    }

    @Test
    void updatedPartOfListsAndRemovalsIsTheExactPaths() {
        Map<String, AttributeValue> before = item("id", s("p"),
                "l", l(m("a", s("old0"), "b", s("b0")), m("a", s("old1"), "b", s("b1"))),
                "root", l(s("x"), s("y")));
        Update child = Expressions.update("SET l[1].a = :v", new ExpressionInputs(null, values(":v", s("new1"))));
        assertThat(child.updatedPartOf(child.apply(before, Set.of("id")))).isEqualTo(item("l", l(m("a", s("new1")))));
        assertThat(child.updatedPartOf(before)).isEqualTo(item("l", l(m("a", s("old1")))));
        // An append past the end has no value at the exact path.
        Update append = Expressions.update("SET root[99] = :v", new ExpressionInputs(null, values(":v", s("z"))));
        assertThat(append.updatedPartOf(append.apply(before, Set.of("id")))).isEmpty();
        // After REMOVE l[0], the element that shifted into index 0 is what the path holds.
        Update remove = Expressions.update("REMOVE l[0]", ExpressionInputs.none());
        assertThat(remove.updatedPartOf(remove.apply(before, Set.of("id"))))
                .isEqualTo(item("l", l(m("a", s("old1"), "b", s("b1")))));
        assertThat(remove.updatedPartOf(before)).isEqualTo(item("l", l(m("a", s("old0"), "b", s("b0")))));
    }

    @Test
    void updatedPartIsTheTouchedPaths() {
        Update update = Expressions.update("SET info.dims.w = :v, title = :t REMOVE colors",
                new ExpressionInputs(null, values(":v", n("9"), ":t", s("T"))));
        Map<String, AttributeValue> after = update.apply(ITEM, Set.of("id"));
        assertThat(update.updatedPartOf(ITEM)).isEqualTo(item("info", m("dims", m("w", n("3"))), "title", s("Bike"),
                "colors", ss("Red", "Black")));
        assertThat(update.updatedPartOf(after)).isEqualTo(item("info", m("dims", m("w", n("9"))), "title", s("T")));
    }
}
