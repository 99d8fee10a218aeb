package nhssm.local.stream;

import static nhssm.local.stream.StreamFixtures.TABLE;
import static nhssm.local.stream.StreamFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nhssm.local.dynamodb.engine.DynamoDbEngine;
import nhssm.local.dynamodb.engine.EngineOptions;
import nhssm.local.lambda.Invocation;
import nhssm.local.stream.StreamFixtures.Log;
import nhssm.local.stream.StreamFixtures.RecordingInvoker;
import nhssm.local.stream.StreamFixtures.Source;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The pump over nhssm's own engine, whose shards close every 1,000 records and whose clock the test moves:
 * a closed shard is read to its end before its child; after a day, records and whole shards are trimmed
 * under the mapping's expired iterators, and it goes on from what is left instead of stopping.
 */
class StreamPumpOverEngineTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final String NAME = "responses";

    private final MovableClock clock = new MovableClock(Instant.now());
    private final Log log = new Log();
    private DynamoDbEngine engine;
    private DynamoDbClient dynamo;
    private DynamoDbStreamsClient streams;
    private String arn;

    @BeforeEach
    void engineWithATable() {
        engine = DynamoDbEngine.start(EngineOptions.defaults().withClock(clock));
        dynamo = DynamoDbClient.builder().endpointOverride(engine.endpoint()).region(Region.EU_WEST_2)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(engine.endpoint()).region(Region.EU_WEST_2)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        arn = dynamo.createTable(r -> r.tableName(NAME).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
    }

    @AfterEach
    void stop() {
        streams.close();
        dynamo.close();
        engine.close();
    }

    private StreamPump pump(RecordingInvoker invoker) {
        return StreamPump.start(Source.defaults().template(), Map.of(TABLE, NAME), dynamo, streams, invoker, log.options());
    }

    private static List<String> numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> "RESP#%04d".formatted(n)).toList();
    }

    private void write(List<String> sks) {
        for (int from = 0; from < sks.size(); from += 25) {
            List<WriteRequest> batch = sks.subList(from, Math.min(sks.size(), from + 25)).stream()
                    .map(sk -> WriteRequest.builder().putRequest(p -> p.item(StreamFixtures.key(sk))).build())
                    .toList();
            dynamo.batchWriteItem(r -> r.requestItems(Map.of(NAME, batch)));
        }
    }

    @Test
    void everyChangeIsDeliveredOnceInOrderAcrossAShardThatClosed() {
        List<String> written = numbered(1, 1200);
        RecordingInvoker invoker = RecordingInvoker.succeeding();

        try (StreamPump pump = pump(invoker)) {
            write(written);
            await("every change is delivered", Duration.ofSeconds(60), () -> invoker.recordCount() >= written.size(),
                    () -> invoker.recordCount() + " delivered");
        }

        assertThat(streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards())
                .as("the stream rotated to a child shard").hasSize(2)
                .satisfies(shards -> assertThat(shards.get(1).parentShardId()).isEqualTo(shards.get(0).shardId()));
        assertThat(invoker.records()).extracting(StreamFixtures::sk).isEqualTo(written);
        assertThat(invoker.records()).allSatisfy(r -> assertThat(r.get("eventSourceARN").asText()).isEqualTo(arn));
    }

    @Test
    void anExpiredIteratorWhoseLastRecordWasTrimmedGoesOnFromTheOldestRecordKept() {
        RecordingInvoker invoker = RecordingInvoker.succeeding();

        try (StreamPump pump = pump(invoker)) {
            write(numbered(1, 2));
            await("the first records are delivered", () -> invoker.recordCount() >= 2);
            clock.advance(Duration.ofHours(25));
            write(numbered(3, 3));
            await("the record written after a day is delivered", () -> invoker.recordCount() >= 3);
        }

        assertThat(invoker.records()).extracting(StreamFixtures::sk).containsExactly("RESP#0001", "RESP#0002", "RESP#0003");
    }

    @Test
    void aShardTrimmedAwayWhileItIsBeingReadIsFinishedAndItsChildRead() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        RecordingInvoker invoker = new RecordingInvoker(records -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Invocation.Returned("null");
        });
        write(numbered(1, 1001)); // 1,000 in the first shard, now closed; one in its child

        List<String> delivered = new ArrayList<>();
        try (StreamPump pump = pump(invoker)) {
            await("the first batch is being delivered", () -> invoker.events.size() >= 1);
            clock.advance(Duration.ofHours(25)); // the first shard, closed a day ago, is gone
            release.countDown();
            write(numbered(1002, 1002));
            await("the record written after a day is delivered", () -> invoker.records().stream()
                    .anyMatch(r -> StreamFixtures.sk(r).equals("RESP#1002")));
            invoker.records().forEach(r -> delivered.add(StreamFixtures.sk(r)));
        }

        List<String> expected = new ArrayList<>(numbered(1, 100));
        expected.add("RESP#1002");
        assertThat(delivered).isEqualTo(expected);
        assertThat(log.contains("the shard no longer exists (trimmed); going on with its children")).isTrue();
    }

    /** A clock the test moves forward; the engine's records, trimming and iterators follow it. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
