package nhssm.local.dynamodb.engine.expression;

import static nhssm.local.dynamodb.engine.expression.Values.b;
import static nhssm.local.dynamodb.engine.expression.Values.bool;
import static nhssm.local.dynamodb.engine.expression.Values.bs;
import static nhssm.local.dynamodb.engine.expression.Values.item;
import static nhssm.local.dynamodb.engine.expression.Values.l;
import static nhssm.local.dynamodb.engine.expression.Values.m;
import static nhssm.local.dynamodb.engine.expression.Values.n;
import static nhssm.local.dynamodb.engine.expression.Values.ns;
import static nhssm.local.dynamodb.engine.expression.Values.nul;
import static nhssm.local.dynamodb.engine.expression.Values.s;
import static nhssm.local.dynamodb.engine.expression.Values.ss;
import static nhssm.local.dynamodb.engine.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nhssm.local.dynamodb.engine.value.AttributeValue;

/** Condition expressions evaluated on items, with the results the Developer Guide's semantics give. */
class ConditionEvaluationTest {

    private static final Map<String, AttributeValue> ITEM = item(
            "id", s("p1"),
            "price", n("10.50"),
            "title", s("Bicycle 123"),
            "colors", ss("Red", "Black"),
            "sizes", ns("1", "2.5"),
            "blobs", bs("ab", "cd"),
            "photo", b("hello"),
            "inStock", bool(true),
            "gone", nul(),
            "tags", l(s("new"), n("7"), m("k", s("v"))),
            "info", m("dims", m("w", n("3"), "h", n("4")), "nums", l(n("1"), n("2"), n("3"))));

    private static boolean test(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        return Expressions.condition("ConditionExpression", expression, new ExpressionInputs(names, values)).test(ITEM);
    }

    private static boolean test(String expression, Map<String, AttributeValue> values) {
        return test(expression, null, values);
    }

    @Test
    void comparatorsOnNumbersCompareByValueNotText() {
        assertThat(test("price = :v", values(":v", n("10.5")))).isTrue();
        assertThat(test("price <> :v", values(":v", n("10.5")))).isFalse();
        assertThat(test("price < :v", values(":v", n("9")))).isFalse();
        assertThat(test("price <= :v", values(":v", n("10.500")))).isTrue();
        assertThat(test("price > :v", values(":v", n("9")))).isTrue();
        assertThat(test("price >= :v", values(":v", n("11")))).isFalse();
    }

    @Test
    void stringsCompareByUtf8Bytes() {
        assertThat(test("title < :v", values(":v", s("Bicycle 2")))).isTrue();
        assertThat(test("title > :v", values(":v", s("Bicycle")))).isTrue();
        assertThat(test(":a < :b", values(":a", s("\uFFFF"), ":b", s("\uD83D\uDE00")))).isTrue();
    }

    @Test
    void binariesCompareUnsigned() {
        assertThat(test("photo > :v", values(":v", b("Hello")))).isTrue();
    }

    @Test
    void mismatchedTypesAreFalseButNotEqual() {
        assertThat(test("price = :v", values(":v", s("10.5")))).isFalse();
        assertThat(test("price < :v", values(":v", s("99")))).isFalse();
        assertThat(test("price > :v", values(":v", s("1")))).isFalse();
        assertThat(test("price <> :v", values(":v", s("10.5")))).isTrue();
    }

    @Test
    void aMissingAttributeComparesFalseExceptNotEqual() {
        assertThat(test("nothing = :v", values(":v", n("1")))).isFalse();
        assertThat(test("nothing < :v", values(":v", n("1")))).isFalse();
        assertThat(test("nothing <> :v", values(":v", n("1")))).isTrue();
        assertThat(test("NOT nothing = :v", values(":v", n("1")))).isTrue();
    }

    @Test
    void equalityCoversSetsListsAndMaps() {
        assertThat(test("colors = :v", values(":v", ss("Black", "Red")))).isTrue();
        assertThat(test("sizes = :v", values(":v", ns("2.50", "1.0")))).isTrue();
        assertThat(test("info.dims = :v", values(":v", m("h", n("4"), "w", n("3"))))).isTrue();
        assertThat(test("tags = :v", values(":v", l(s("new"), n("7"), m("k", s("v")))))).isTrue();
        assertThat(test("tags = :v", values(":v", l(n("7"), s("new"), m("k", s("v")))))).isFalse();
        assertThat(test("inStock = :v", values(":v", bool(true)))).isTrue();
        assertThat(test("gone = :v", values(":v", nul()))).isTrue();
    }

    @Test
    void betweenIsInclusiveAndTyped() {
        assertThat(test("price BETWEEN :a AND :b", values(":a", n("10.5"), ":b", n("11")))).isTrue();
        assertThat(test("price between :a and :b", values(":a", n("1"), ":b", n("10.5")))).isTrue();
        assertThat(test("price BETWEEN :a AND :b", values(":a", n("11"), ":b", n("12")))).isFalse();
        assertThat(test("title BETWEEN :a AND :b", values(":a", s("A"), ":b", s("C")))).isTrue();
        assertThat(test("price BETWEEN :a AND :b", values(":a", s("1"), ":b", s("9")))).isFalse();
    }

    @Test
    void inMatchesAnyOperand() {
        assertThat(test("price IN (:a, :b)", values(":a", n("1"), ":b", n("10.5")))).isTrue();
        assertThat(test("price in (:a)", values(":a", n("1")))).isFalse();
        assertThat(test("nothing IN (:a)", values(":a", n("1")))).isFalse();
        assertThat(test("title IN (info.dims.w, :a)", values(":a", s("Bicycle 123")))).isTrue();
    }

    @Test
    void attributeExistsAndNotExistsFollowPaths() {
        assertThat(test("attribute_exists(price)", null)).isTrue();
        assertThat(test("attribute_exists(gone)", null)).isTrue();
        assertThat(test("attribute_exists(info.dims.w)", null)).isTrue();
        assertThat(test("attribute_exists(info.dims.d)", null)).isFalse();
        assertThat(test("attribute_exists(info.nums[2])", null)).isTrue();
        assertThat(test("attribute_exists(info.nums[3])", null)).isFalse();
        assertThat(test("attribute_exists(price.x)", null)).isFalse();
        assertThat(test("attribute_exists(info[0])", null)).isFalse();
        assertThat(test("attribute_not_exists(nothing)", null)).isTrue();
        assertThat(test("attribute_not_exists(price)", null)).isFalse();
    }

    @Test
    void attributeTypeNamesEveryType() {
        String[][] cases = {{"id", "S"}, {"price", "N"}, {"photo", "B"}, {"colors", "SS"}, {"sizes", "NS"},
                {"blobs", "BS"}, {"inStock", "BOOL"}, {"gone", "NULL"}, {"tags", "L"}, {"info", "M"}};
        for (String[] c : cases) {
            assertThat(test("attribute_type(" + c[0] + ", :t)", values(":t", s(c[1])))).as(c[0]).isTrue();
            assertThat(test("attribute_type(" + c[0] + ", :t)", values(":t", s(c[1].equals("S") ? "N" : "S"))))
                    .as(c[0]).isFalse();
        }
        assertThat(test("attribute_type(nothing, :t)", values(":t", s("S")))).isFalse();
        // The first operand may be any operand, not only a path.
        assertThat(test("attribute_type(:v, :t)", values(":v", n("0"), ":t", s("N")))).isTrue();
    }

    @Test
    void beginsWithOnStringsAndBinaries() {
        assertThat(test("begins_with(title, :p)", values(":p", s("Bicy")))).isTrue();
        assertThat(test("begins_with(title, :p)", values(":p", s("bicy")))).isFalse();
        assertThat(test("begins_with(title, :p)", values(":p", s("")))).isTrue();
        assertThat(test("begins_with(photo, :p)", values(":p", b("he")))).isTrue();
        assertThat(test("begins_with(photo, :p)", values(":p", b("hex")))).isFalse();
        assertThat(test("begins_with(photo, :p)", values(":p", s("he")))).isFalse();
        assertThat(test("begins_with(nothing, :p)", values(":p", s("he")))).isFalse();
    }

    @Test
    void containsOnStringsSetsAndLists() {
        assertThat(test("contains(title, :v)", values(":v", s("cle 1")))).isTrue();
        assertThat(test("contains(title, :v)", values(":v", s("car")))).isFalse();
        assertThat(test("contains(colors, :v)", values(":v", s("Red")))).isTrue();
        assertThat(test("contains(colors, :v)", values(":v", s("Re")))).isFalse();
        assertThat(test("contains(sizes, :v)", values(":v", n("2.50")))).isTrue();
        assertThat(test("contains(sizes, :v)", values(":v", s("1")))).isFalse();
        assertThat(test("contains(blobs, :v)", values(":v", b("cd")))).isTrue();
        assertThat(test("contains(photo, :v)", values(":v", b("ell")))).isTrue();
        assertThat(test("contains(photo, :v)", values(":v", b("hex")))).isFalse();
        assertThat(test("contains(photo, :v)", values(":v", b("")))).isTrue();
        assertThat(test("contains(photo, :v)", values(":v", s("ell")))).isFalse();
        assertThat(test("contains(tags, :v)", values(":v", n("7")))).isTrue();
        assertThat(test("contains(tags, :v)", values(":v", m("k", s("v"))))).isTrue();
        assertThat(test("contains(tags, :v)", values(":v", s("ne")))).isFalse();
        assertThat(test("contains(price, :v)", values(":v", n("10.5")))).isFalse();
        assertThat(test("contains(title, id)", null)).isFalse();
    }

    @Test
    void sizeIsAnOperand() {
        assertThat(test("size(title) = :v", values(":v", n("11")))).isTrue();
        assertThat(test("size(colors) = :v", values(":v", n("2")))).isTrue();
        assertThat(test("size(sizes) < :v", values(":v", n("3")))).isTrue();
        assertThat(test("size(blobs) = :v", values(":v", n("2")))).isTrue();
        assertThat(test("size(photo) = :v", values(":v", n("5")))).isTrue();
        assertThat(test("size(tags) = :v", values(":v", n("3")))).isTrue();
        assertThat(test("size(info) = :v", values(":v", n("2")))).isTrue();
        assertThat(test("size(info.nums) BETWEEN :a AND :b", values(":a", n("3"), ":b", n("3")))).isTrue();
        assertThat(test(":v > size(info.nums)", values(":v", n("2")))).isFalse();
        assertThat(test("size(price) = :v", values(":v", n("5")))).isFalse();
        assertThat(test("size(nothing) <> :v", values(":v", n("0")))).isTrue();
        assertThat(test("size(title) = :v", values(":v", n("11"))))
                .isEqualTo(test("size(title) IN (:v)", values(":v", n("11"))));
        // The service counts a string's UTF-16 code units: one for \u00e9, two for a character beyond the BMP.
        assertThat(Expressions.condition("ConditionExpression", "size(u) = :v",
                new ExpressionInputs(null, values(":v", n("3")))).test(item("u", s("\u00e9\uD834\uDD1E")))).isTrue();
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        Map<String, AttributeValue> v = values(":t", bool(true), ":f", bool(false));
        // a OR b AND c is a OR (b AND c)
        assertThat(test(":t = :t OR :t = :f AND :t = :f", v)).isTrue();
        assertThat(test("(:t = :t OR :t = :f) AND :t = :f", v)).isFalse();
        // NOT binds tighter than AND
        assertThat(test("NOT :t = :f AND :t = :t", v)).isTrue();
        assertThat(test("NOT (:t = :t AND :t = :f)", v)).isTrue();
        assertThat(test("NOT :t = :t OR :t = :t", v)).isTrue();
        assertThat(test("NOT (:t = :t OR :t = :t)", v)).isFalse();
        assertThat(test("not not :t = :t", v)).isTrue();
        assertThat(test(":t = :f OR :t = :f OR :t = :t", v)).isTrue();
        assertThat(test(":t = :t AND :t = :t AND :t = :f", v)).isFalse();
        // BETWEEN's AND is not the logical AND
        assertThat(test("price BETWEEN :a AND :b AND :t = :t", values(":a", n("1"), ":b", n("20"), ":t", bool(true))))
                .isTrue();
    }

    @Test
    void placeholdersStandForNamesAndPathPieces() {
        assertThat(test("#s = :v", Map.of("#s", "title"), values(":v", s("Bicycle 123")))).isTrue();
        assertThat(test("#i.#d.w = :v", Map.of("#i", "info", "#d", "dims"), values(":v", n("3")))).isTrue();
        assertThat(test("attribute_exists(#d)", Map.of("#d", "info.dims"), null)).isFalse();
        assertThat(test("#t[1] = :v", Map.of("#t", "tags"), values(":v", n("7")))).isTrue();
        assertThat(test("tags[2].k = :v", values(":v", s("v")))).isTrue();
        assertThat(test("info . nums [ 0 ] = :v", values(":v", n("1")))).isTrue();
    }

    @Test
    void parenthesesAroundOperandsAreAllowed() {
        assertThat(test("(price) = (:v)", values(":v", n("10.5")))).isTrue();
        assertThat(test("(price = :v)", values(":v", n("10.5")))).isTrue();
        assertThat(test("((price = :v) AND (price = :v))", values(":v", n("10.5")))).isTrue();
    }

    @Test
    void theAttributesAConditionReadsAreKnown() {
        Condition condition = Expressions.condition("FilterExpression",
                "(a.b = :v OR NOT size(c[1]) < :v) AND d BETWEEN e AND :v AND f IN (:v, g) AND attribute_exists(h)"
                        + " AND attribute_not_exists(i) AND attribute_type(j, :t) AND begins_with(k, :s) AND contains(:s, l)",
                new ExpressionInputs(null, values(":v", n("1"), ":t", s("S"), ":s", s("x"))));
        assertThat(Expressions.attributesRead(condition))
                .containsExactly("a", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
    }

    @Test
    void anAbsentItemIsAnEmptyMap() {
        Condition condition = Expressions.condition("ConditionExpression", "attribute_not_exists(id)",
                ExpressionInputs.none());
        assertThat(condition.test(Map.of())).isTrue();
    }
}
