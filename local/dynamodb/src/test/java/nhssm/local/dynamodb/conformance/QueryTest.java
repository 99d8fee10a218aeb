package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Tables.attribute;
import static nhssm.local.dynamodb.conformance.Values.ascii;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query beyond its key condition: paging, order, indexes, filters, projections and Select. */
class QueryTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private static final Duration INDEX_CATCH_UP = Duration.ofSeconds(60);

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void query_shouldStopAtTheLimit_andNameTheLastKeyEvaluated() {
        String table = numberedItems(5);

        QueryResponse page = query(table, b -> b.limit(2));

        assertThat(sortKeys(page)).containsExactly(n(1), n(2));
        assertThat(page.lastEvaluatedKey()).isEqualTo(item("pk", s("p"), "sk", n(2)));
    }

    @Test
    void query_shouldReturnEveryItemOnce_acrossPagesFromExclusiveStartKey() {
        String table = numberedItems(7);

        List<AttributeValue> seen = allPages(table, b -> b.limit(3));

        assertThat(seen).containsExactly(n(1), n(2), n(3), n(4), n(5), n(6), n(7));
    }

    @Test
    void query_shouldPageBackwards_whenScanIndexForwardIsFalse() {
        String table = numberedItems(5);

        List<AttributeValue> seen = allPages(table, b -> b.limit(2).scanIndexForward(false));

        assertThat(seen).containsExactly(n(5), n(4), n(3), n(2), n(1));
    }

    @Test
    void query_shouldStopAPageAtOneMegabyte_andReturnTheRestOnLaterPages() {
        String table = Tables.hashAndSortKeyTable(dynamo, ScalarAttributeType.N);
        String payload = ascii(100 * 1024);
        for (int i = 1; i <= 25; i++) {
            int sk = i;
            dynamo.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", n(sk), "data", s(payload))));
        }

        QueryResponse first = query(table, b -> { });
        List<AttributeValue> seen = allPages(table, b -> { });

        // 1 MB holds ten of these 100 KB items; the page may end with the one that crosses the limit.
        assertThat(first.hasLastEvaluatedKey()).isTrue();
        assertThat(first.count()).isBetween(1, 11);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void query_shouldCountItemsAfterTheFilter_andScannedItemsBefore() {
        String table = numberedItems(6);

        QueryResponse response = query(table, b -> b.filterExpression("sk_copy > :three")
                .expressionAttributeValues(Map.of(":p", s("p"), ":three", n(3))));

        assertThat(sortKeys(response)).containsExactly(n(4), n(5), n(6));
        assertThat(response.count()).isEqualTo(3);
        assertThat(response.scannedCount()).isEqualTo(6);
    }

    @Test
    void query_shouldApplyTheLimitBeforeTheFilter() {
        String table = numberedItems(5);

        QueryResponse response = query(table, b -> b.limit(2).filterExpression("sk_copy <> :one")
                .expressionAttributeValues(Map.of(":p", s("p"), ":one", n(1))));

        assertThat(sortKeys(response)).containsExactly(n(2));
        assertThat(response.scannedCount()).isEqualTo(2);
        assertThat(response.lastEvaluatedKey()).isEqualTo(item("pk", s("p"), "sk", n(2)));
    }

    @Test
    void query_shouldRefuse_aFilterOnAKeyAttribute() {
        String table = numberedItems(2);

        invalid(() -> query(table, b -> b.filterExpression("sk > :one")
                .expressionAttributeValues(Map.of(":p", s("p"), ":one", n(1)))));
    }

    @Test
    void query_shouldReturnOnlyTheProjectedAttributes() {
        String table = numberedItems(2);

        QueryResponse response = query(table, b -> b.projectionExpression("sk_copy"));

        assertThat(response.items()).containsExactly(item("sk_copy", n(1)), item("sk_copy", n(2)));
    }

    @Test
    void query_shouldReturnOnlyTheCount_withSelectCount() {
        String table = numberedItems(4);

        QueryResponse response = query(table, b -> b.select(Select.COUNT));

        assertThat(response.count()).isEqualTo(4);
        assertThat(response.hasItems()).isFalse();
    }

    @Test
    void query_shouldReturnTheProjection_withSelectSpecificAttributes() {
        String table = numberedItems(1);

        QueryResponse response = query(table, b -> b.select(Select.SPECIFIC_ATTRIBUTES).projectionExpression("sk"));

        assertThat(response.items()).containsExactly(item("sk", n(1)));
    }

    @Test
    void query_shouldRefuse_selectSpecificAttributesWithoutAProjection() {
        String table = numberedItems(1);

        invalid(() -> query(table, b -> b.select(Select.SPECIFIC_ATTRIBUTES)));
    }

    @Test
    void query_shouldRefuse_selectCountWithAProjection() {
        String table = numberedItems(1);

        invalid(() -> query(table, b -> b.select(Select.COUNT).projectionExpression("sk")));
    }

    @Test
    void query_shouldRefuse_selectAllAttributesWithAProjection() {
        String table = numberedItems(1);

        invalid(() -> query(table, b -> b.select(Select.ALL_ATTRIBUTES).projectionExpression("sk")));
    }

    @Test
    void query_shouldRefuse_selectAllProjectedAttributesWithoutAnIndex() {
        String table = numberedItems(1);

        invalid(() -> query(table, b -> b.select(Select.ALL_PROJECTED_ATTRIBUTES)));
    }

    @Test
    void query_shouldFindItemsThroughAGsi_inTheIndexSortKeyOrder() {
        String table = indexedTable(ProjectionType.ALL, List.of());
        putIndexed(table);

        QueryResponse response = awaitIndex(table, "byG", 3);

        assertThat(response.items()).extracting(i -> i.get("pk"))
                .containsExactly(s("c"), s("a"), s("b"));
        assertThat(response.items().get(0)).isEqualTo(item("pk", s("c"), "g", s("G"), "gs", n(1),
                "kept", s("k3"), "other", s("o3")));
    }

    @Test
    void query_shouldReturnOnlyKeys_fromAKeysOnlyGsi() {
        String table = indexedTable(ProjectionType.KEYS_ONLY, List.of());
        putIndexed(table);

        QueryResponse response = awaitIndex(table, "byG", 3);

        assertThat(response.items().get(0)).isEqualTo(item("pk", s("c"), "g", s("G"), "gs", n(1)));
    }

    @Test
    void query_shouldReturnKeysAndIncludedAttributes_fromAnIncludeGsi() {
        String table = indexedTable(ProjectionType.INCLUDE, List.of("kept"));
        putIndexed(table);

        QueryResponse response = awaitIndex(table, "byG", 3);

        assertThat(response.items().get(0)).isEqualTo(item("pk", s("c"), "g", s("G"), "gs", n(1), "kept", s("k3")));
    }

    @Test
    void query_shouldReturnTheProjectedAttributes_withSelectAllProjectedAttributesOnAGsi() {
        String table = indexedTable(ProjectionType.INCLUDE, List.of("kept"));
        putIndexed(table);
        awaitIndex(table, "byG", 3);

        QueryResponse response = dynamo.query(r -> r.tableName(table).indexName("byG").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", s("G"))).select(Select.ALL_PROJECTED_ATTRIBUTES));

        assertThat(response.items().get(0)).isEqualTo(item("pk", s("c"), "g", s("G"), "gs", n(1), "kept", s("k3")));
    }

    @Test
    void query_shouldNotIndexItems_thatLackTheIndexKey() {
        String table = indexedTable(ProjectionType.ALL, List.of());
        putIndexed(table);
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("no-index-key"), "kept", s("k"))));

        QueryResponse response = awaitIndex(table, "byG", 3);

        assertThat(response.items()).extracting(i -> i.get("pk")).doesNotContain(s("no-index-key"));
    }

    @Test
    void query_shouldPageThroughAGsi_withLastEvaluatedKeyHoldingTableAndIndexKeys() {
        String table = indexedTable(ProjectionType.ALL, List.of());
        putIndexed(table);
        awaitIndex(table, "byG", 3);

        QueryResponse first = dynamo.query(r -> r.tableName(table).indexName("byG").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", s("G"))).limit(1));
        QueryResponse second = dynamo.query(r -> r.tableName(table).indexName("byG").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", s("G"))).limit(1).exclusiveStartKey(first.lastEvaluatedKey()));

        assertThat(first.lastEvaluatedKey()).containsOnlyKeys("pk", "g", "gs");
        assertThat(second.items()).extracting(i -> i.get("pk")).containsExactly(s("a"));
    }

    @Test
    void query_shouldRefuse_consistentReadOnAGsi() {
        String table = indexedTable(ProjectionType.ALL, List.of());

        invalid(() -> dynamo.query(r -> r.tableName(table).indexName("byG").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", s("G"))).consistentRead(true)));
    }

    @Test
    void query_shouldRefuse_selectAllAttributesOnAGsiThatDoesNotProjectAll() {
        String table = indexedTable(ProjectionType.KEYS_ONLY, List.of());

        invalid(() -> dynamo.query(r -> r.tableName(table).indexName("byG").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", s("G"))).select(Select.ALL_ATTRIBUTES)));
    }

    @Test
    void query_shouldRefuse_anExclusiveStartKeyThatIsNotAKeyOfTheTable() {
        String table = numberedItems(2);

        invalid(() -> query(table, b -> b.exclusiveStartKey(item("pk", s("p")))));
        invalid(() -> query(table, b -> b.exclusiveStartKey(item("pk", s("p"), "sk", s("not a number")))));
    }

    @Test
    void query_shouldRefuse_anExclusiveStartKeyOutsideTheKeyCondition() {
        String table = numberedItems(2);

        invalid(() -> query(table, b -> b.exclusiveStartKey(item("pk", s("another partition"), "sk", n(1)))));
    }

    @Test
    void query_shouldRefuse_aLimitBelowOne() {
        String table = numberedItems(1);

        invalid(() -> query(table, b -> b.limit(0)));
    }

    @Test
    void query_shouldRefuse_anIndexTheTableDoesNotHave() {
        String table = numberedItems(1);

        invalid(() -> dynamo.query(r -> r.tableName(table).indexName("nope").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p")))));
    }

    /** Items {pk: "p", sk: i, sk_copy: i} for i in 1..count. */
    private String numberedItems(int count) {
        String table = Tables.hashAndSortKeyTable(dynamo, ScalarAttributeType.N);
        for (int i = count; i >= 1; i--) {
            int sk = i;
            dynamo.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", n(sk), "sk_copy", n(sk))));
        }
        return table;
    }

    private QueryResponse query(String table, Consumer<QueryRequest.Builder> customize) {
        QueryRequest.Builder builder = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p")))
                .consistentRead(true);
        customize.accept(builder);
        return dynamo.query(builder.build());
    }

    private List<AttributeValue> allPages(String table, Consumer<QueryRequest.Builder> customize) {
        List<AttributeValue> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        for (int pages = 0; pages < 100; pages++) {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = query(table, b -> {
                customize.accept(b);
                b.exclusiveStartKey(exclusiveStart);
            });
            seen.addAll(sortKeys(page));
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                break;
            }
            start = page.lastEvaluatedKey();
        }
        return seen;
    }

    private static List<AttributeValue> sortKeys(QueryResponse response) {
        return response.items().stream().map(i -> i.get("sk")).toList();
    }

    /** A table keyed by pk, with the GSI "byG" keyed by g and gs, projecting as asked. */
    private String indexedTable(ProjectionType projection, List<String> included) {
        return Tables.create(dynamo, b -> b
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("g", ScalarAttributeType.S),
                        attribute("gs", ScalarAttributeType.N))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
                        .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH),
                                k -> k.attributeName("gs").keyType(KeyType.RANGE))
                        .projection(p -> {
                            p.projectionType(projection);
                            if (!included.isEmpty()) {
                                p.nonKeyAttributes(included);
                            }
                        })
                        .build()));
    }

    private void putIndexed(String table) {
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "g", s("G"), "gs", n(2), "kept", s("k1"), "other", s("o1"))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("b"), "g", s("G"), "gs", n(3), "kept", s("k2"), "other", s("o2"))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("c"), "g", s("G"), "gs", n(1), "kept", s("k3"), "other", s("o3"))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("d"), "g", s("H"), "gs", n(1), "kept", s("k4"))));
    }

    /** GSIs are eventually consistent on the service: poll until the index holds {@code count} items for g = "G". */
    private QueryResponse awaitIndex(String table, String index, int count) {
        return Poll.until(INDEX_CATCH_UP, count + " items in " + index, () -> {
            QueryResponse response = dynamo.query(r -> r.tableName(table).indexName(index)
                    .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("G"))));
            return response.count() == count ? Optional.of(response) : Optional.empty();
        });
    }
}
