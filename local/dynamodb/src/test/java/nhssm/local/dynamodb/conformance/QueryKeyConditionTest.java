package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Values.b;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** KeyConditionExpression: every operator on string, number and binary sort keys, in DynamoDB's order. */
class QueryKeyConditionTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void query_shouldOrderStringSortKeys_byTheirUtf8Bytes() {
        // UTF-8 order differs from UTF-16 order: U+FF5E (EF BD 9E) comes before U+1D11E (F0 9D 84 9E).
        List<AttributeValue> ascending = List.of(s("A"), s("Z"), s("a"), s("ab"), s("b"), s("\u00e9"),
                s("\u20ac"), s("\uff5e"), s("\ud834\udd1e"));
        String table = tableWith(ScalarAttributeType.S, ascending);

        assertThat(sortKeys(table, "pk = :p", Map.of(), true)).containsExactlyElementsOf(ascending);
        assertThat(sortKeys(table, "pk = :p", Map.of(), false)).containsExactlyElementsOf(reversed(ascending));
    }

    @Test
    void query_shouldOrderNumberSortKeys_numerically() {
        List<AttributeValue> ascending = List.of(n("-10"), n("-2.5"), n("0"), n("1.5"), n("2"), n("10"), n("100"));
        String table = tableWith(ScalarAttributeType.N, ascending);

        assertThat(sortKeys(table, "pk = :p", Map.of(), true)).containsExactlyElementsOf(ascending);
    }

    @Test
    void query_shouldOrderBinarySortKeys_asUnsignedBytes() {
        List<AttributeValue> ascending = List.of(b(0x00), b(0x01), b(0x01, 0x00), b(0x7f), b(0x80), b(0xff));
        String table = tableWith(ScalarAttributeType.B, ascending);

        assertThat(sortKeys(table, "pk = :p", Map.of(), true)).containsExactlyElementsOf(ascending);
    }

    @Test
    void query_shouldApplyEachComparison_onNumberSortKeys() {
        String table = tableWith(ScalarAttributeType.N, List.of(n(1), n(2), n(3), n(4), n(5)));

        assertThat(sortKeys(table, "pk = :p AND sk = :v", Map.of(":v", n(3)), true)).containsExactly(n(3));
        assertThat(sortKeys(table, "pk = :p AND sk < :v", Map.of(":v", n(3)), true)).containsExactly(n(1), n(2));
        assertThat(sortKeys(table, "pk = :p AND sk <= :v", Map.of(":v", n(3)), true)).containsExactly(n(1), n(2), n(3));
        assertThat(sortKeys(table, "pk = :p AND sk > :v", Map.of(":v", n(3)), true)).containsExactly(n(4), n(5));
        assertThat(sortKeys(table, "pk = :p AND sk >= :v", Map.of(":v", n(3)), true)).containsExactly(n(3), n(4), n(5));
        assertThat(sortKeys(table, "pk = :p AND sk BETWEEN :lo AND :hi", Map.of(":lo", n(2), ":hi", n(4)), true))
                .containsExactly(n(2), n(3), n(4));
    }

    @Test
    void query_shouldApplyEachComparisonAndBeginsWith_onStringSortKeys() {
        String table = tableWith(ScalarAttributeType.S, List.of(s("a"), s("ab"), s("abc"), s("b"), s("c")));

        assertThat(sortKeys(table, "pk = :p AND sk = :v", Map.of(":v", s("ab")), true)).containsExactly(s("ab"));
        assertThat(sortKeys(table, "pk = :p AND sk < :v", Map.of(":v", s("b")), true))
                .containsExactly(s("a"), s("ab"), s("abc"));
        assertThat(sortKeys(table, "pk = :p AND sk <= :v", Map.of(":v", s("b")), true))
                .containsExactly(s("a"), s("ab"), s("abc"), s("b"));
        assertThat(sortKeys(table, "pk = :p AND sk > :v", Map.of(":v", s("ab")), true))
                .containsExactly(s("abc"), s("b"), s("c"));
        assertThat(sortKeys(table, "pk = :p AND sk >= :v", Map.of(":v", s("ab")), true))
                .containsExactly(s("ab"), s("abc"), s("b"), s("c"));
        assertThat(sortKeys(table, "pk = :p AND sk BETWEEN :lo AND :hi", Map.of(":lo", s("ab"), ":hi", s("b")), true))
                .containsExactly(s("ab"), s("abc"), s("b"));
        assertThat(sortKeys(table, "pk = :p AND begins_with(sk, :v)", Map.of(":v", s("ab")), true))
                .containsExactly(s("ab"), s("abc"));
    }

    @Test
    void query_shouldApplyEachComparisonAndBeginsWith_onBinarySortKeys() {
        String table = tableWith(ScalarAttributeType.B, List.of(b(0x01), b(0x01, 0x02), b(0x02), b(0x80), b(0xff)));

        assertThat(sortKeys(table, "pk = :p AND sk = :v", Map.of(":v", b(0x02)), true)).containsExactly(b(0x02));
        assertThat(sortKeys(table, "pk = :p AND sk < :v", Map.of(":v", b(0x02)), true))
                .containsExactly(b(0x01), b(0x01, 0x02));
        assertThat(sortKeys(table, "pk = :p AND sk <= :v", Map.of(":v", b(0x02)), true))
                .containsExactly(b(0x01), b(0x01, 0x02), b(0x02));
        assertThat(sortKeys(table, "pk = :p AND sk > :v", Map.of(":v", b(0x7f)), true)).containsExactly(b(0x80), b(0xff));
        assertThat(sortKeys(table, "pk = :p AND sk >= :v", Map.of(":v", b(0x80)), true)).containsExactly(b(0x80), b(0xff));
        assertThat(sortKeys(table, "pk = :p AND sk BETWEEN :lo AND :hi", Map.of(":lo", b(0x01, 0x02), ":hi", b(0x80)), true))
                .containsExactly(b(0x01, 0x02), b(0x02), b(0x80));
        assertThat(sortKeys(table, "pk = :p AND begins_with(sk, :v)", Map.of(":v", b(0x01)), true))
                .containsExactly(b(0x01), b(0x01, 0x02));
    }

    @Test
    void query_shouldAcceptAttributeNamesForTheKeys() {
        String table = tableWith(ScalarAttributeType.N, List.of(n(1), n(2), n(3)));

        QueryResponse response = dynamo.query(r -> r.tableName(table).keyConditionExpression("#p = :p AND #s > :one")
                .expressionAttributeNames(Map.of("#p", "pk", "#s", "sk"))
                .expressionAttributeValues(Map.of(":p", s("p"), ":one", n(1))).consistentRead(true));

        assertThat(response.items()).extracting(i -> i.get("sk")).containsExactly(n(2), n(3));
    }

    @Test
    void query_shouldOnlyReturnItemsOfTheGivenPartition() {
        String table = tableWith(ScalarAttributeType.N, List.of(n(1), n(2)));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("attr"), "sk", n(1))));

        assertThat(sortKeys(table, "pk = :p", Map.of(), true)).containsExactly(n(1), n(2));
    }

    @Test
    void query_shouldReturnNothing_forAPartitionWithNoItems() {
        String table = tableWith(ScalarAttributeType.N, List.of(n(1)));

        QueryResponse response = dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("nobody"))));

        assertThat(response.items()).isEmpty();
        assertThat(response.count()).isZero();
        assertThat(response.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void query_shouldRefuse_beginsWithOnANumberSortKey() {
        String table = tableWith(ScalarAttributeType.N, List.of(n(1)));

        invalid(() -> query(table, "pk = :p AND begins_with(sk, :v)", Map.of(":v", n(1)), true));
    }

    @Test
    void query_shouldRefuse_aPartitionKeyConditionOtherThanEquality() {
        String table = tableWith(ScalarAttributeType.N, List.of(n(1)));

        invalid(() -> query(table, "pk > :p", Map.of(), true));
    }

    @Test
    void query_shouldRefuse_aConditionOnTheSortKeyAlone() {
        String table = tableWith(ScalarAttributeType.N, List.of(n(1)));

        invalid(() -> dynamo.query(r -> r.tableName(table).keyConditionExpression("sk = :v")
                .expressionAttributeValues(Map.of(":v", n(1)))));
    }

    @Test
    void query_shouldRefuse_aConditionOnANonKeyAttribute() {
        String table = tableWith(ScalarAttributeType.N, List.of(n(1)));

        invalid(() -> query(table, "pk = :p AND attr = :v", Map.of(":v", n(1)), true));
    }

    @Test
    void query_shouldRefuse_twoConditionsOnTheSortKey() {
        String table = tableWith(ScalarAttributeType.N, List.of(n(1)));

        invalid(() -> query(table, "pk = :p AND sk > :v AND sk < :w", Map.of(":v", n(1), ":w", n(5)), true));
    }

    @Test
    void query_shouldRefuse_orBetweenKeyConditions() {
        String table = tableWith(ScalarAttributeType.N, List.of(n(1)));

        invalid(() -> query(table, "pk = :p OR sk = :v", Map.of(":v", n(1)), true));
    }

    @Test
    void query_shouldRefuse_aBetweenWhoseLowerBoundIsAboveItsUpperBound() {
        String table = tableWith(ScalarAttributeType.N, List.of(n(1)));

        invalid(() -> query(table, "pk = :p AND sk BETWEEN :lo AND :hi", Map.of(":lo", n(5), ":hi", n(1)), true));
    }

    @Test
    void query_shouldRefuse_aSortKeyValueOfTheWrongType() {
        String table = tableWith(ScalarAttributeType.N, List.of(n(1)));

        invalid(() -> query(table, "pk = :p AND sk = :v", Map.of(":v", s("1")), true));
    }

    @Test
    void query_shouldRefuse_aMissingKeyCondition() {
        String table = tableWith(ScalarAttributeType.N, List.of(n(1)));

        invalid(() -> dynamo.query(r -> r.tableName(table)));
    }

    /** A table whose partition "p" holds one item per sort key, written in shuffled order. */
    private String tableWith(ScalarAttributeType sortKeyType, List<AttributeValue> sortKeys) {
        String table = Tables.hashAndSortKeyTable(dynamo, sortKeyType);
        List<AttributeValue> shuffled = new ArrayList<>(sortKeys);
        Collections.shuffle(shuffled, new Random(14));
        for (AttributeValue sk : shuffled) {
            dynamo.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", sk)));
        }
        return table;
    }

    private List<AttributeValue> sortKeys(String table, String condition, Map<String, AttributeValue> values, boolean forward) {
        return query(table, condition, values, forward).items().stream().map(i -> i.get("sk")).toList();
    }

    private QueryResponse query(String table, String condition, Map<String, AttributeValue> values, boolean forward) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":p", s("p"));
        return dynamo.query(QueryRequest.builder().tableName(table).keyConditionExpression(condition)
                .expressionAttributeValues(all).scanIndexForward(forward).consistentRead(true).build());
    }

    private static List<AttributeValue> reversed(List<AttributeValue> values) {
        List<AttributeValue> copy = new ArrayList<>(values);
        Collections.reverse(copy);
        return copy;
    }
}
