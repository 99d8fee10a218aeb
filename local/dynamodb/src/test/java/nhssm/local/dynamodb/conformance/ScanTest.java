package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class ScanTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();

    @Test
    void scan_shouldReturnEveryItemOnce_acrossPagesOfTheLimit() {
        String table = itemsNumbered(23);

        List<String> seen = allPages(ScanRequest.builder().tableName(table).limit(5).consistentRead(true).build());

        assertThat(seen).hasSize(23).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 23).mapToObj(i -> "item" + i).toList());
    }

    @Test
    void scan_shouldStopAtTheLimit_andNameTheLastKeyEvaluated() {
        String table = itemsNumbered(5);

        ScanResponse page = dynamo.scan(r -> r.tableName(table).limit(2));

        assertThat(page.count()).isEqualTo(2);
        assertThat(page.lastEvaluatedKey()).containsOnlyKeys("pk");
        assertThat(page.lastEvaluatedKey()).isEqualTo(item("pk", page.items().get(1).get("pk")));
    }

    @Test
    void scan_shouldStopAPageAtOneMegabyte_andReturnTheRestOnLaterPages() {
        String table = Tables.hashKeyTable(dynamo);
        String payload = Values.ascii(100 * 1024);
        for (int i = 1; i <= 25; i++) {
            String pk = "big" + i;
            dynamo.putItem(r -> r.tableName(table).item(item("pk", s(pk), "data", s(payload))));
        }

        ScanResponse first = dynamo.scan(r -> r.tableName(table).consistentRead(true));
        List<String> seen = allPages(ScanRequest.builder().tableName(table).consistentRead(true).build());

        // 1 MB holds ten of these 100 KB items; the page may end with the one that crosses the limit.
        assertThat(first.hasLastEvaluatedKey()).isTrue();
        assertThat(first.count()).isBetween(1, 11);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void scan_shouldCoverEveryItemExactlyOnce_acrossParallelSegments() {
        String table = itemsNumbered(40);
        int totalSegments = 4;

        List<String> seen = new ArrayList<>();
        for (int segment = 0; segment < totalSegments; segment++) {
            seen.addAll(allPages(ScanRequest.builder().tableName(table).segment(segment).totalSegments(totalSegments)
                    .limit(3).consistentRead(true).build()));
        }

        assertThat(seen).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void scan_shouldRefuse_anExclusiveStartKeyFromAnotherSegment() {
        String table = itemsNumbered(40);
        Map<String, AttributeValue> fromSegmentZero = dynamo.scan(r -> r.tableName(table).segment(0).totalSegments(2)
                .limit(1)).lastEvaluatedKey();

        invalid(() -> dynamo.scan(r -> r.tableName(table).segment(1).totalSegments(2).exclusiveStartKey(fromSegmentZero)));
    }

    @Test
    void scan_shouldCountItemsAfterTheFilter_andScannedItemsBefore() {
        String table = itemsNumbered(10);

        ScanResponse response = dynamo.scan(r -> r.tableName(table).consistentRead(true)
                .filterExpression("num <= :three").expressionAttributeValues(Map.of(":three", n(3))));

        assertThat(response.count()).isEqualTo(3);
        assertThat(response.scannedCount()).isEqualTo(10);
        assertThat(response.items()).extracting(i -> i.get("num")).containsExactlyInAnyOrder(n(1), n(2), n(3));
    }

    @Test
    void scan_shouldAllowAFilterOnTheKey_unlikeQuery() {
        String table = itemsNumbered(3);

        ScanResponse response = dynamo.scan(r -> r.tableName(table).consistentRead(true)
                .filterExpression("pk = :two").expressionAttributeValues(Map.of(":two", s("item2"))));

        assertThat(response.items()).containsExactly(item("pk", s("item2"), "num", n(2)));
    }

    @Test
    void scan_shouldReturnOnlyTheCount_withSelectCount() {
        String table = itemsNumbered(6);

        ScanResponse response = dynamo.scan(r -> r.tableName(table).select(Select.COUNT).consistentRead(true));

        assertThat(response.count()).isEqualTo(6);
        assertThat(response.hasItems()).isFalse();
    }

    @Test
    void scan_shouldReturnOnlyTheProjectedAttributes() {
        String table = itemsNumbered(2);

        ScanResponse response = dynamo.scan(r -> r.tableName(table).projectionExpression("num").consistentRead(true));

        assertThat(response.items()).containsExactlyInAnyOrder(item("num", n(1)), item("num", n(2)));
    }

    @Test
    void scan_shouldRefuse_aSegmentWithoutTotalSegments() {
        String table = itemsNumbered(1);

        invalid(() -> dynamo.scan(r -> r.tableName(table).segment(0)));
    }

    @Test
    void scan_shouldRefuse_totalSegmentsWithoutASegment() {
        String table = itemsNumbered(1);

        invalid(() -> dynamo.scan(r -> r.tableName(table).totalSegments(2)));
    }

    @Test
    void scan_shouldRefuse_aSegmentNotBelowTotalSegments() {
        String table = itemsNumbered(1);

        invalid(() -> dynamo.scan(r -> r.tableName(table).segment(2).totalSegments(2)));
    }

    @Test
    void scan_shouldRefuse_totalSegmentsOverOneMillion() {
        String table = itemsNumbered(1);

        invalid(() -> dynamo.scan(r -> r.tableName(table).segment(0).totalSegments(1_000_001)));
    }

    @Test
    void scan_shouldRefuse_aLimitBelowOne() {
        String table = itemsNumbered(1);

        invalid(() -> dynamo.scan(r -> r.tableName(table).limit(0)));
    }

    @Test
    void scan_shouldReadAGsi_holdingOnlyTheItemsWithItsKey() {
        String table = Tables.create(dynamo, b -> b
                .attributeDefinitions(Tables.attribute("pk", ScalarAttributeType.S),
                        Tables.attribute("g", ScalarAttributeType.S))
                .globalSecondaryIndexes(i -> i.indexName("byG")
                        .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "g", s("x"), "other", n(1))));
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("b"))));

        ScanResponse response = Poll.until(Duration.ofSeconds(60), "the index to hold item a", () -> {
            ScanResponse scan = dynamo.scan(r -> r.tableName(table).indexName("byG"));
            return scan.count() == 1 ? Optional.of(scan) : Optional.empty();
        });

        assertThat(response.items()).containsExactly(item("pk", s("a"), "g", s("x")));
    }

    @Test
    void scan_shouldRefuse_consistentReadOnAGsi() {
        String table = Tables.create(dynamo, b -> b
                .attributeDefinitions(Tables.attribute("pk", ScalarAttributeType.S),
                        Tables.attribute("g", ScalarAttributeType.S))
                .globalSecondaryIndexes(i -> i.indexName("byG")
                        .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));

        invalid(() -> dynamo.scan(r -> r.tableName(table).indexName("byG").consistentRead(true)));
    }

    /** Items {pk: "item<i>", num: i} for i in 1..count. */
    private String itemsNumbered(int count) {
        String table = Tables.hashKeyTable(dynamo);
        for (int i = 1; i <= count; i++) {
            int number = i;
            dynamo.putItem(r -> r.tableName(table).item(item("pk", s("item" + number), "num", n(number))));
        }
        return table;
    }

    private List<String> allPages(ScanRequest first) {
        List<String> seen = new ArrayList<>();
        ScanRequest request = first;
        for (int pages = 0; pages < 1000; pages++) {
            ScanResponse page = dynamo.scan(request);
            page.items().forEach(i -> seen.add(i.get("pk").s()));
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                break;
            }
            Map<String, AttributeValue> start = page.lastEvaluatedKey();
            request = request.toBuilder().exclusiveStartKey(start).build();
        }
        return seen;
    }
}
