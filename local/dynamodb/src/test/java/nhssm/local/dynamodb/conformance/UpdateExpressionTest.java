package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.list;
import static nhssm.local.dynamodb.conformance.Values.map;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.ns;
import static nhssm.local.dynamodb.conformance.Values.s;
import static nhssm.local.dynamodb.conformance.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** UpdateExpression: SET (with + -, if_not_exists, list_append), REMOVE, ADD and DELETE. */
class UpdateExpressionTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();
    private String table;

    @BeforeEach
    void storeAnItem() {
        table = Tables.hashKeyTable(dynamo);
        dynamo.putItem(r -> r.tableName(table).item(item(
                "pk", s("a"),
                "num", n(10),
                "str", s("text"),
                "colours", ss("red", "green"),
                "primes", ns("2", "3"),
                "letters", list(s("x"), s("y"), s("z")),
                "doc", map("b", list(n(0), n(1), map("c", s("old")))))));
    }

    @Test
    void set_shouldAssignValuesToTopLevelAndNestedPaths() {
        Map<String, AttributeValue> after = update("SET str = :v, doc.b[2].c = :w, doc.added = :v",
                ":v", s("new"), ":w", s("deep"));

        assertThat(after.get("str")).isEqualTo(s("new"));
        assertThat(after.get("doc")).isEqualTo(map("b", list(n(0), n(1), map("c", s("deep"))), "added", s("new")));
    }

    @Test
    void set_shouldAddAndSubtractNumbers() {
        Map<String, AttributeValue> after = update("SET more = num + :three, diff = num - :three, twice = num + num",
                ":three", n(3));

        assertThat(after.get("more")).isEqualTo(n(13));
        assertThat(after.get("diff")).isEqualTo(n(7));
        assertThat(after.get("twice")).isEqualTo(n(20));
    }

    @Test
    void set_shouldKeepDecimalPrecision_whenAddingNumbers() {
        Map<String, AttributeValue> after = update("SET added_up = :a + :b", ":a", n("0.1"), ":b", n("0.2"));

        assertThat(after.get("added_up")).isEqualTo(n("0.3"));
    }

    @Test
    void ifNotExists_shouldUseTheValueOnlyWhenTheAttributeIsAbsent() {
        Map<String, AttributeValue> after = update("SET num = if_not_exists(num, :zero), fresh = if_not_exists(fresh, :zero)",
                ":zero", n(0));

        assertThat(after.get("num")).isEqualTo(n(10));
        assertThat(after.get("fresh")).isEqualTo(n(0));
    }

    @Test
    void listAppend_shouldAppendOrPrependLists() {
        Map<String, AttributeValue> after = update("SET letters = list_append(letters, :end), front = list_append(:start, letters)",
                ":end", list(s("end")), ":start", list(s("start")));

        // Every operand of one update expression reads the item as it was before the update.
        assertThat(after.get("letters")).isEqualTo(list(s("x"), s("y"), s("z"), s("end")));
        assertThat(after.get("front")).isEqualTo(list(s("start"), s("x"), s("y"), s("z")));
    }

    @Test
    void set_shouldAddAListElementPastTheEnd_atTheEnd() {
        Map<String, AttributeValue> after = update("SET letters[10] = :v", ":v", s("last"));

        assertThat(after.get("letters")).isEqualTo(list(s("x"), s("y"), s("z"), s("last")));
    }

    @Test
    void remove_shouldDeleteAttributesAndListElements_shiftingTheRest() {
        Map<String, AttributeValue> after = update("REMOVE str, letters[0], doc.b[2], absent");

        assertThat(after).doesNotContainKey("str");
        assertThat(after.get("letters")).isEqualTo(list(s("y"), s("z")));
        assertThat(after.get("doc")).isEqualTo(map("b", list(n(0), n(1))));
    }

    @Test
    void add_shouldAddToNumbersAndSets_creatingAbsentOnes() {
        Map<String, AttributeValue> after = update("ADD num :five, tally :five, colours :blue, primes :five_set",
                ":five", n(5), ":blue", ss("blue"), ":five_set", ns("5"));

        assertThat(after.get("num")).isEqualTo(n(15));
        assertThat(after.get("tally")).isEqualTo(n(5));
        assertThat(after.get("colours").ss()).containsExactlyInAnyOrder("red", "green", "blue");
        assertThat(after.get("primes").ns()).containsExactlyInAnyOrder("2", "3", "5");
    }

    @Test
    void add_shouldRefuse_attributesThatAreNeitherNumbersNorSets() {
        invalid(() -> update("ADD str :v", ":v", s("more")));
        invalid(() -> update("ADD letters :v", ":v", list(s("more"))));
    }

    @Test
    void delete_shouldRemoveSetMembers_andTheAttributeWhenTheSetEmpties() {
        Map<String, AttributeValue> after = update("DELETE colours :red, primes :both", ":red", ss("red", "absent"),
                ":both", ns("2", "3"));

        assertThat(after.get("colours").ss()).containsExactly("green");
        assertThat(after).doesNotContainKey("primes");
    }

    @Test
    void add_shouldRefuse_aSetOfAnotherType() {
        invalid(() -> update("ADD colours :numbers", ":numbers", ns("1")));
    }

    @Test
    void set_shouldRefuse_anEmptySetValue() {
        invalid(() -> update("SET colours = :none", ":none", AttributeValue.fromSs(List.of())));
    }

    @Test
    void delete_shouldRefuse_aValueThatIsNotASet() {
        invalid(() -> update("DELETE colours :v", ":v", s("red")));
    }

    @Test
    void updates_shouldApplyEveryClause_ofOneExpression() {
        Map<String, AttributeValue> after = update("SET str = :v REMOVE letters ADD num :one DELETE colours :red",
                ":v", s("all"), ":one", n(1), ":red", ss("red"));

        assertThat(after.get("str")).isEqualTo(s("all"));
        assertThat(after).doesNotContainKey("letters");
        assertThat(after.get("num")).isEqualTo(n(11));
        assertThat(after.get("colours").ss()).containsExactly("green");
    }

    @Test
    void set_shouldRefuse_arithmeticOnANonNumber() {
        invalid(() -> update("SET str = str + :one", ":one", n(1)));
    }

    @Test
    void set_shouldRefuse_aPathWhoseParentDoesNotExist() {
        invalid(() -> update("SET absent.child = :v", ":v", s("x")));
    }

    @Test
    void updates_shouldRefuse_overlappingPaths() {
        invalid(() -> update("SET str = :v REMOVE str", ":v", s("x")));
        invalid(() -> update("SET doc.b = :v, doc.b[0] = :v", ":v", s("x")));
    }

    @Test
    void updates_shouldRefuse_aClauseGivenTwice() {
        invalid(() -> update("SET str = :v SET num = :v", ":v", s("x")));
    }

    @Test
    void listAppend_shouldRefuse_anOperandThatIsNotAList() {
        invalid(() -> update("SET letters = list_append(letters, :v)", ":v", s("x")));
    }

    /** Applies {@code expression} to item "a" and returns the item after it. */
    private Map<String, AttributeValue> update(String expression, Object... placeholdersAndValues) {
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < placeholdersAndValues.length; i += 2) {
            values.put((String) placeholdersAndValues[i], (AttributeValue) placeholdersAndValues[i + 1]);
        }
        dynamo.updateItem(r -> r.tableName(table).key(key("a")).updateExpression(expression)
                .expressionAttributeValues(values.isEmpty() ? null : values));
        return dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).item();
    }
}
