package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import nhssm.local.dynamodb.engine.DynamoDbEngine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Paging never loses or repeats an item: a Query read page by page with any Limit, in either direction,
 * returns what it returns in one go; a Scan split into any number of segments, paged with any Limit,
 * returns every item exactly once; any start key is served (with only later items) or refused, never failed on.
 */
class PagingPropertyTest {

    private static final List<String> PARTITIONS = List.of("p0", "p1", "p2");
    private static final int PER_PARTITION = 12;

    private static DynamoDbEngine engine;
    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeContainer
    static void start() {
        engine = DynamoDbEngine.startInMemory();
        dynamo = EngineExtension.client(engine.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("paging", "paging")));
        table = Tables.hashAndSortKeyTable(dynamo, ScalarAttributeType.N);
        for (String pk : PARTITIONS) {
            for (int i = 0; i < PER_PARTITION; i++) {
                // Sort keys spaced out, negative and fractional too: -6, -4.5, ..., 10.5.
                String sk = new BigDecimal(i).multiply(new BigDecimal("1.5")).subtract(new BigDecimal(6)).stripTrailingZeros().toPlainString();
                dynamo.putItem(r -> r.tableName(table).item(item("pk", s(pk), "sk", n(sk), "odd", Values.bool(sk.contains(".")))));
            }
        }
    }

    @AfterContainer
    static void stop() {
        dynamo.close();
        engine.close();
    }

    @Property(tries = 100)
    void queryPages_shouldTogetherBeTheWholeResult(@ForAll("partitions") String pk, @ForAll("sortConditions") String condition,
            @ForAll @IntRange(min = 1, max = 7) int limit, @ForAll boolean forward, @ForAll boolean filtered) {
        QueryRequest whole = query(pk, condition, forward, filtered).build();

        List<AttributeValue> inOneGo = dynamo.query(whole).items().stream().map(i -> i.get("sk")).toList();
        List<AttributeValue> paged = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        for (int page = 0; page < 100; page++) {
            QueryResponse response = dynamo.query(whole.toBuilder().limit(limit).exclusiveStartKey(start).build());
            assertThat(response.scannedCount()).isLessThanOrEqualTo(limit);
            response.items().forEach(i -> paged.add(i.get("sk")));
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                break;
            }
            start = response.lastEvaluatedKey();
        }

        assertThat(paged).isEqualTo(inOneGo);
    }

    @Property(tries = 40)
    void scanSegments_shouldTogetherHoldEveryItemOnce(@ForAll @IntRange(min = 1, max = 9) int totalSegments,
            @ForAll @IntRange(min = 1, max = 8) int limit) {
        List<String> seen = new ArrayList<>();
        for (int segment = 0; segment < totalSegments; segment++) {
            Map<String, AttributeValue> start = null;
            for (int page = 0; page < 200; page++) {
                Map<String, AttributeValue> from = start;
                int current = segment;
                ScanResponse response = dynamo.scan(ScanRequest.builder().tableName(table).segment(current)
                        .totalSegments(totalSegments).limit(limit).exclusiveStartKey(from).consistentRead(true).build());
                response.items().forEach(i -> seen.add(i.get("pk").s() + "/" + i.get("sk").n()));
                if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                    break;
                }
                start = response.lastEvaluatedKey();
            }
        }

        assertThat(seen).hasSize(PARTITIONS.size() * PER_PARTITION).doesNotHaveDuplicates();
    }

    @Property(tries = 100)
    void anyStartKeyInThePartition_shouldGiveOnlyLaterItems(@ForAll("partitions") String pk,
            @ForAll @IntRange(min = -20, max = 20) int startTimesTwo, @ForAll boolean forward) {
        BigDecimal startSk = new BigDecimal(startTimesTwo).divide(new BigDecimal(2));
        Map<String, AttributeValue> start = new HashMap<>(item("pk", s(pk), "sk", n(startSk.toPlainString())));

        QueryResponse response;
        try {
            response = dynamo.query(query(pk, "", forward, false).exclusiveStartKey(start).build());
        } catch (DynamoDbException refused) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            return;
        }

        assertThat(response.items()).allSatisfy(i -> {
            int order = new BigDecimal(i.get("sk").n()).compareTo(startSk);
            assertThat(forward ? order > 0 : order < 0).as("%s after %s", i.get("sk").n(), startSk).isTrue();
        });
    }

    @Provide
    Arbitrary<String> partitions() {
        return Arbitraries.of(PARTITIONS);
    }

    @Provide
    Arbitrary<String> sortConditions() {
        return Arbitraries.of("", " AND sk < :v", " AND sk <= :v", " AND sk > :v", " AND sk >= :v", " AND sk = :v",
                " AND sk BETWEEN :v AND :w");
    }

    private static QueryRequest.Builder query(String pk, String condition, boolean forward, boolean filtered) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", s(pk));
        if (condition.contains(":v")) {
            values.put(":v", n("-1.5"));
        }
        if (condition.contains(":w")) {
            values.put(":w", n("6"));
        }
        if (filtered) {
            values.put(":yes", Values.bool(true));
        }
        return QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p" + condition)
                .filterExpression(filtered ? "odd = :yes" : null)
                .expressionAttributeValues(values).scanIndexForward(forward).consistentRead(true);
    }
}
