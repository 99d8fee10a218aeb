package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Values.b;
import static nhssm.local.dynamodb.conformance.Values.bool;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.list;
import static nhssm.local.dynamodb.conformance.Values.map;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.ns;
import static nhssm.local.dynamodb.conformance.Values.nul;
import static nhssm.local.dynamodb.conformance.Values.s;
import static nhssm.local.dynamodb.conformance.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** ConditionExpression: its functions, comparators, IN, BETWEEN, AND/OR/NOT precedence and document paths. */
class ConditionExpressionTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private static final Map<String, AttributeValue> DOCUMENT = item(
            "pk", s("doc"),
            "str", s("hello world"),
            "num", n(42),
            "bin", b(1, 2, 3),
            "ss", ss("red", "green"),
            "ns", ns("1", "2", "3"),
            "letters", list(s("a"), n(1), map("c", s("deep"))),
            "doc", map("b", list(n(0), n(1), map("c", s("found"))), "label", s("x")),
            "flag", bool(true),
            "nothing", nul(),
            "wide", s("\uff5e"));

    private final DynamoDbClient dynamo = ENGINE.dynamo();
    private String table;

    @BeforeEach
    void storeTheDocument() {
        table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(DOCUMENT));
    }

    @Test
    void attributeExists_shouldHold_onlyForPresentAttributesAndPaths() {
        assertThat(holds("attribute_exists(str)")).isTrue();
        assertThat(holds("attribute_exists(nothing)")).isTrue();
        assertThat(holds("attribute_exists(absent)")).isFalse();
        assertThat(holds("attribute_exists(doc.b[2].c)")).isTrue();
        assertThat(holds("attribute_exists(doc.b[5])")).isFalse();
        assertThat(holds("attribute_exists(str.leaf)")).isFalse();
    }

    @Test
    void attributeNotExists_shouldHold_onlyForAbsentAttributes() {
        assertThat(holds("attribute_not_exists(absent)")).isTrue();
        assertThat(holds("attribute_not_exists(num)")).isFalse();
        assertThat(holds("attribute_not_exists(letters[3])")).isTrue();
    }

    @Test
    void attributeType_shouldMatchEachType() {
        Map<String, String> typeOf = Map.of("str", "S", "num", "N", "bin", "B", "ss", "SS", "ns", "NS",
                "letters", "L", "doc", "M", "flag", "BOOL", "nothing", "NULL");

        typeOf.forEach((attribute, type) -> {
            assertThat(holds("attribute_type(" + attribute + ", :t)", ":t", s(type))).as(attribute).isTrue();
            assertThat(holds("attribute_type(" + attribute + ", :t)", ":t", s(type.equals("S") ? "N" : "S")))
                    .as(attribute).isFalse();
        });
    }

    @Test
    void attributeType_shouldRefuse_aTypeThatDoesNotExist() {
        invalid(() -> holds("attribute_type(str, :t)", ":t", s("STRING")));
    }

    @Test
    void beginsWith_shouldMatchStringAndBinaryPrefixes() {
        assertThat(holds("begins_with(str, :v)", ":v", s("hello"))).isTrue();
        assertThat(holds("begins_with(str, :v)", ":v", s("world"))).isFalse();
        assertThat(holds("begins_with(bin, :v)", ":v", b(1, 2))).isTrue();
        assertThat(holds("begins_with(bin, :v)", ":v", b(2))).isFalse();
    }

    @Test
    void contains_shouldFindSubstringsSetMembersAndListElements() {
        assertThat(holds("contains(str, :v)", ":v", s("lo wo"))).isTrue();
        assertThat(holds("contains(str, :v)", ":v", s("bye"))).isFalse();
        assertThat(holds("contains(ss, :v)", ":v", s("red"))).isTrue();
        assertThat(holds("contains(ss, :v)", ":v", s("blue"))).isFalse();
        assertThat(holds("contains(ns, :v)", ":v", n(2))).isTrue();
        assertThat(holds("contains(letters, :v)", ":v", s("a"))).isTrue();
        assertThat(holds("contains(letters, :v)", ":v", n(1))).isTrue();
        assertThat(holds("contains(letters, :v)", ":v", n(7))).isFalse();
    }

    @Test
    void size_shouldMeasureStringsBinariesSetsListsAndMaps() {
        assertThat(holds("size(str) = :v", ":v", n(11))).isTrue();
        assertThat(holds("size(bin) = :v", ":v", n(3))).isTrue();
        assertThat(holds("size(ss) = :v", ":v", n(2))).isTrue();
        assertThat(holds("size(ns) = :v", ":v", n(3))).isTrue();
        assertThat(holds("size(letters) = :v", ":v", n(3))).isTrue();
        assertThat(holds("size(doc) = :v", ":v", n(2))).isTrue();
        assertThat(holds("size(str) > :v", ":v", n(11))).isFalse();
    }

    @Test
    void comparators_shouldCompareNumbersNumericallyAndStringsByBytes() {
        assertThat(holds("num = :v", ":v", n("42.0"))).isTrue();
        assertThat(holds("num <> :v", ":v", n(41))).isTrue();
        assertThat(holds("num < :v", ":v", n(100))).isTrue();
        assertThat(holds("num <= :v", ":v", n(42))).isTrue();
        assertThat(holds("num > :v", ":v", n(100))).isFalse();
        assertThat(holds("num >= :v", ":v", n(42))).isTrue();
        assertThat(holds("str < :v", ":v", s("help"))).isTrue();
        assertThat(holds("doc.label = :v", ":v", s("x"))).isTrue();
    }

    @Test
    void comparators_shouldOrderStringsByUtf8Bytes_andBinariesAsUnsignedBytes() {
        // U+FF5E is EF BD 9E in UTF-8, U+1D11E is F0 9D 84 9E: UTF-16 would order them the other way.
        assertThat(holds("wide < :v", ":v", s("\ud834\udd1e"))).isTrue();
        assertThat(holds("wide > :v", ":v", s("\u00e9"))).isTrue();
        assertThat(holds("bin < :v", ":v", b(0x80))).isTrue();
        assertThat(holds("bin > :v", ":v", b(0x01, 0x02))).isTrue();
    }

    @Test
    void attributeNames_shouldNameATopLevelAttribute_evenWithADotInIt() {
        Map<String, AttributeValue> dotted = item("pk", s("dotted"), "a.b", s("top"), "a", map("b", s("nested")));
        dynamo.putItem(r -> r.tableName(table).item(dotted));

        boolean topLevel = conditionalPut(dotted, "#ab = :v", Map.of(":v", s("top")), Map.of("#ab", "a.b"));
        boolean nested = conditionalPut(dotted, "#a.#b = :v", Map.of(":v", s("nested")), Map.of("#a", "a", "#b", "b"));

        assertThat(topLevel).isTrue();
        assertThat(nested).isTrue();
    }

    @Test
    void comparators_shouldBeFalse_betweenValuesOfDifferentTypes() {
        assertThat(holds("num = :v", ":v", s("42"))).isFalse();
        assertThat(holds("num < :v", ":v", s("9"))).isFalse();
    }

    @Test
    void in_shouldHold_whenTheValueIsOneOfTheList() {
        assertThat(holds("num IN (:a, :b, :c)", ":a", n(1), ":b", n(42), ":c", n(3))).isTrue();
        assertThat(holds("num IN (:a, :b)", ":a", n(1), ":b", n(2))).isFalse();
        assertThat(holds("str IN (:a)", ":a", s("hello world"))).isTrue();
    }

    @Test
    void between_shouldHold_forValuesWithinTheBoundsInclusive() {
        assertThat(holds("num BETWEEN :lo AND :hi", ":lo", n(40), ":hi", n(42))).isTrue();
        assertThat(holds("num BETWEEN :lo AND :hi", ":lo", n(43), ":hi", n(50))).isFalse();
        assertThat(holds("str BETWEEN :lo AND :hi", ":lo", s("a"), ":hi", s("z"))).isTrue();
    }

    @Test
    void between_shouldRefuse_aLowerBoundAboveTheUpperBound() {
        invalid(() -> holds("num BETWEEN :lo AND :hi", ":lo", n(50), ":hi", n(40)));
    }

    @Test
    void and_shouldBindTighterThanOr() {
        // true OR (false AND false) is true; (true OR false) AND false would be false.
        assertThat(holds("num = :yes OR num = :no AND flag = :false", ":yes", n(42), ":no", n(0), ":false", bool(false)))
                .isTrue();
    }

    @Test
    void not_shouldBindTighterThanAnd() {
        // (NOT false) AND false is false; NOT (false AND false) would be true.
        assertThat(holds("NOT num = :no AND flag = :false", ":no", n(0), ":false", bool(false))).isFalse();
    }

    @Test
    void parentheses_shouldOverridePrecedence() {
        assertThat(holds("(num = :yes OR num = :no) AND flag = :false", ":yes", n(42), ":no", n(0), ":false", bool(false)))
                .isFalse();
        assertThat(holds("NOT (num = :no AND flag = :false)", ":no", n(0), ":false", bool(false))).isTrue();
    }

    @Test
    void documentPaths_shouldReachIntoListsAndMaps() {
        assertThat(holds("doc.b[2].c = :v", ":v", s("found"))).isTrue();
        assertThat(holds("letters[2].c = :v", ":v", s("deep"))).isTrue();
        assertThat(holds("letters[0] = :v", ":v", s("a"))).isTrue();
        assertThat(holds("#m.#b[1] = :v", Map.of(":v", n(1)), Map.of("#m", "doc", "#b", "b"))).isTrue();
    }

    @Test
    void conditions_shouldRefuse_aReservedWordUsedAsAnAttributeName() {
        var error = invalid(() -> holds("status = :v", ":v", s("x")));

        assertThat(Refusals.message(error)).contains("reserved keyword").contains("status");
    }

    @Test
    void conditions_shouldAcceptAReservedWord_throughAnAttributeName() {
        assertThat(holds("attribute_not_exists(#status)", Map.of(), Map.of("#status", "status"))).isTrue();
    }

    @Test
    void conditions_shouldRefuse_anExpressionThatDoesNotParse() {
        invalid(() -> holds("num = = :v", ":v", n(1)));
        invalid(() -> holds("num = :v AND", ":v", n(1)));
        invalid(() -> holds("unknown_function(num)"));
    }

    private boolean holds(String condition, Object... placeholdersAndValues) {
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < placeholdersAndValues.length; i += 2) {
            values.put((String) placeholdersAndValues[i], (AttributeValue) placeholdersAndValues[i + 1]);
        }
        return holds(condition, values, Map.of());
    }

    /** Whether a conditional put of the same document succeeds, i.e. the condition holds on it. */
    private boolean holds(String condition, Map<String, AttributeValue> values, Map<String, String> names) {
        return conditionalPut(DOCUMENT, condition, values, names);
    }

    private boolean conditionalPut(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values,
            Map<String, String> names) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeValues(values.isEmpty() ? null : values)
                    .expressionAttributeNames(names.isEmpty() ? null : names));
            return true;
        } catch (ConditionalCheckFailedException failed) {
            return false;
        }
    }
}
