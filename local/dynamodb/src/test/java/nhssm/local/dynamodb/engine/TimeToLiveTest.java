package nhssm.local.dynamodb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** TTL deletion: the background sweep deletes expired items through the commit path, as the service shows it. */
class TimeToLiveTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private DynamoDbEngine engine;
    private DynamoDbClient dynamo;
    private DynamoDbStreamsClient streams;

    @BeforeEach
    void start() {
        engine = DynamoDbEngine.start(EngineOptions.defaults().withClock(clock).withTtlInterval(Duration.ofMillis(20)));
        dynamo = EngineClients.dynamo(engine.endpoint());
        streams = EngineClients.streams(engine.endpoint());
        dynamo.createTable(r -> r.tableName("expiring").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        dynamo.updateTimeToLive(r -> r.tableName("expiring")
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
    }

    @AfterEach
    void stop() {
        dynamo.close();
        streams.close();
        engine.close();
    }

    private void put(String pk, AttributeValue expires) {
        dynamo.putItem(r -> r.tableName("expiring").item(Map.of("pk", AttributeValue.fromS(pk), "expires", expires)));
    }

    private static AttributeValue seconds(Instant at) {
        return AttributeValue.fromN(Long.toString(at.getEpochSecond()));
    }

    private boolean present(String pk) {
        return dynamo.getItem(r -> r.tableName("expiring").key(Map.of("pk", AttributeValue.fromS(pk))).consistentRead(true))
                .hasItem();
    }

    @Test
    void expiredItems_shouldBeDeleted_andStreamedAsRemovedByTheService() throws Exception {
        put("soon", seconds(START.plusSeconds(60)));
        put("later", seconds(START.plus(Duration.ofDays(2))));
        put("ancient", seconds(START.minus(Duration.ofDays(6 * 365))));
        put("not-a-number", AttributeValue.fromS(Long.toString(START.getEpochSecond())));

        clock.advance(Duration.ofMinutes(5));
        poll(() -> !present("soon"));

        assertThat(present("later")).isTrue();
        // The service ignores a TTL more than five years past, and one that is not a number.
        assertThat(present("ancient")).isTrue();
        assertThat(present("not-a-number")).isTrue();
        List<Record> records = records();
        Record removal = records.get(records.size() - 1);
        assertThat(removal.eventNameAsString()).isEqualTo("REMOVE");
        assertThat(removal.dynamodb().keys()).containsEntry("pk", AttributeValue.fromS("soon"));
        assertThat(removal.userIdentity().type()).isEqualTo("Service");
        assertThat(removal.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(records.subList(0, records.size() - 1)).allMatch(r -> r.userIdentity() == null);
    }

    @Test
    void anItemRenewedBeforeTheSweep_shouldStay() throws Exception {
        put("renewed", seconds(START.plusSeconds(10)));
        put("marker", seconds(START.plusSeconds(10)));
        put("renewed", seconds(START.plus(Duration.ofDays(1))));

        clock.advance(Duration.ofMinutes(1));
        poll(() -> !present("marker"));

        assertThat(present("renewed")).isTrue();
    }

    private List<Record> records() {
        String arn = dynamo.describeTable(r -> r.tableName("expiring")).table().latestStreamArn();
        String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        return streams.getRecords(r -> r.shardIterator(iterator)).records();
    }

    private static void poll(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
