package nhssm.local.dynamodb.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nhssm.local.dynamodb.engine.DynamoDbEngine;
import nhssm.local.dynamodb.engine.EngineOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The streams through the unchanged SDK over loopback: writes with {@link DynamoDbClient}, read with
 * {@link DynamoDbStreamsClient} following lineage across a shard that closed (the engine closes a shard
 * every 1,000 records), TTL deletions, expiry and trimming on the engine's clock, the service's errors, and
 * the same stream read again after the engine restarts from its log.
 */
class StreamsOverSdkTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    @TempDir
    Path dataDir;

    private static DynamoDbClient dynamo(DynamoDbEngine engine) {
        return DynamoDbClient.builder().endpointOverride(engine.endpoint()).region(Region.EU_WEST_2)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static DynamoDbStreamsClient streams(DynamoDbEngine engine) {
        return DynamoDbStreamsClient.builder().endpointOverride(engine.endpoint()).region(Region.EU_WEST_2)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static String createTable(DynamoDbClient dynamo, String name) {
        return dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
    }

    private static Map<String, AttributeValue> item(int n) {
        return Map.of("pk", AttributeValue.fromS("item-" + n), "n", AttributeValue.fromN(Integer.toString(n)));
    }

    /** Puts items {@code from} to {@code to} (inclusive), 25 to a BatchWriteItem. */
    private static void put(DynamoDbClient dynamo, String table, int from, int to) {
        for (int start = from; start <= to; start += 25) {
            List<WriteRequest> writes = IntStream.rangeClosed(start, Math.min(to, start + 24))
                    .mapToObj(n -> WriteRequest.builder().putRequest(p -> p.item(item(n))).build()).toList();
            assertThat(dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, writes))).unprocessedItems()).isEmpty();
        }
    }

    /** Every record, as a reader following lineage reads them: a child only once its parent is read to its end. */
    private static List<Record> readFollowingLineage(DynamoDbStreamsClient streams, String arn) {
        List<Shard> shards = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards();
        List<Record> records = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Optional<String> parent = Optional.empty();
        while (done.size() < shards.size()) {
            Optional<String> finished = parent;
            Shard next = shards.stream()
                    .filter(s -> !done.contains(s.shardId()))
                    .filter(s -> Optional.ofNullable(s.parentShardId()).equals(finished))
                    .findFirst().orElseThrow(() -> new AssertionError("no shard continues " + finished + " in " + shards));
            String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(next.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current).limit(300));
                records.addAll(page.records());
                iterator = page.nextShardIterator();
                if (page.records().isEmpty() && next.sequenceNumberRange().endingSequenceNumber() == null) {
                    break; // the open shard, read to what has been written
                }
            }
            done.add(next.shardId());
            parent = Optional.of(next.shardId());
        }
        return records;
    }

    private static List<Integer> numbers(List<Record> records) {
        return records.stream().map(r -> Integer.parseInt((r.dynamodb().hasNewImage()
                ? r.dynamodb().newImage() : r.dynamodb().oldImage()).get("n").n())).toList();
    }

    @Test
    void aReaderFollowingLineageReadsEveryWriteOnceInOrderAcrossAClosedShard() {
        try (DynamoDbEngine engine = DynamoDbEngine.startInMemory();
             DynamoDbClient dynamo = dynamo(engine);
             DynamoDbStreamsClient streams = streams(engine)) {
            String arn = createTable(dynamo, "lineage");
            put(dynamo, "lineage", 1, 1010);
            dynamo.deleteItem(r -> r.tableName("lineage").key(Map.of("pk", AttributeValue.fromS("item-7"))));

            assertThat(streams.listStreams(r -> r.tableName("lineage")).streams())
                    .singleElement().satisfies(s -> assertThat(s.streamArn()).isEqualTo(arn));
            StreamDescription description = streams.describeStream(r -> r.streamArn(arn)).streamDescription();
            assertThat(description.streamStatus()).isEqualTo(StreamStatus.ENABLED);
            assertThat(description.tableName()).isEqualTo("lineage");
            assertThat(description.shards()).hasSize(2);
            Shard closed = description.shards().get(0);
            Shard child = description.shards().get(1);
            assertThat(closed.sequenceNumberRange().endingSequenceNumber()).isNotNull();
            assertThat(child.parentShardId()).isEqualTo(closed.shardId());
            assertThat(child.sequenceNumberRange().endingSequenceNumber()).isNull();

            List<Record> records = readFollowingLineage(streams, arn);

            List<Integer> expected = new ArrayList<>(IntStream.rangeClosed(1, 1010).boxed().toList());
            expected.add(7);
            assertThat(numbers(records)).isEqualTo(expected);
            assertThat(records.subList(0, 1010)).allSatisfy(r -> assertThat(r.eventName()).isEqualTo(OperationType.INSERT));
            Record removal = records.getLast();
            assertThat(removal.eventName()).isEqualTo(OperationType.REMOVE);
            assertThat(removal.dynamodb().oldImage()).isEqualTo(item(7));
            assertThat(removal.dynamodb().keys()).isEqualTo(Map.of("pk", AttributeValue.fromS("item-7")));
            assertThat(removal.awsRegion()).isEqualTo("eu-west-2");
            assertThat(removal.userIdentity()).isNull();
            assertThat(records.stream().map(r -> new BigInteger(r.dynamodb().sequenceNumber())).toList())
                    .isSorted().doesNotHaveDuplicates();
            assertThat(records).extracting(Record::eventID).doesNotHaveDuplicates();
        }
    }

    @Test
    void afterARestartTheStreamHasTheSameRecordsAndAReaderGoesOnAfterItsLastSequenceNumber() {
        String arn;
        List<Record> before;
        try (DynamoDbEngine engine = DynamoDbEngine.start(0, Optional.of(dataDir));
             DynamoDbClient dynamo = dynamo(engine);
             DynamoDbStreamsClient streams = streams(engine)) {
            arn = createTable(dynamo, "durable");
            put(dynamo, "durable", 1, 3);
            before = readFollowingLineage(streams, arn);
        }
        try (DynamoDbEngine engine = DynamoDbEngine.start(0, Optional.of(dataDir));
             DynamoDbClient dynamo = dynamo(engine);
             DynamoDbStreamsClient streams = streams(engine)) {
            assertThat(dynamo.describeTable(r -> r.tableName("durable")).table().latestStreamArn()).isEqualTo(arn);
            assertThat(readFollowingLineage(streams, arn)).isEqualTo(before);

            Shard shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().getLast();
            String last = before.getLast().dynamodb().sequenceNumber();
            String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(last)).shardIterator();
            put(dynamo, "durable", 4, 4);

            assertThat(numbers(streams.getRecords(r -> r.shardIterator(iterator)).records())).containsExactly(4);
        }
    }

    @Test
    void anItemDeletedByItsTtlIsARemoveByTheService() {
        // The background sweep waits an hour: only the test's own sweep deletes, after the other writes.
        try (DynamoDbEngine engine = DynamoDbEngine.start(EngineOptions.defaults().withTtlInterval(Duration.ofHours(1)));
             DynamoDbClient dynamo = dynamo(engine);
             DynamoDbStreamsClient streams = streams(engine)) {
            String arn = createTable(dynamo, "ttl");
            dynamo.updateTimeToLive(r -> r.tableName("ttl").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
            long past = Instant.now().minusSeconds(60).getEpochSecond();
            dynamo.putItem(r -> r.tableName("ttl").item(Map.of("pk", AttributeValue.fromS("gone"), "n", AttributeValue.fromN("1"),
                    "expires", AttributeValue.fromN(Long.toString(past)))));
            dynamo.deleteItem(r -> r.tableName("ttl").key(Map.of("pk", AttributeValue.fromS("other"))));
            dynamo.putItem(r -> r.tableName("ttl").item(item(2)));
            dynamo.deleteItem(r -> r.tableName("ttl").key(Map.of("pk", AttributeValue.fromS("item-2"))));

            engine.sweepExpiredItems();

            List<Record> records = readFollowingLineage(streams, arn);
            assertThat(records).extracting(Record::eventName)
                    .containsExactly(OperationType.INSERT, OperationType.INSERT, OperationType.REMOVE, OperationType.REMOVE);
            assertThat(records.get(2).userIdentity()).as("a delete by a client").isNull();
            Record byTtl = records.get(3);
            assertThat(byTtl.dynamodb().keys()).isEqualTo(Map.of("pk", AttributeValue.fromS("gone")));
            assertThat(byTtl.userIdentity().type()).isEqualTo("Service");
            assertThat(byTtl.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
        }
    }

    @Test
    void iteratorsExpireAfterFifteenMinutesAndRecordsAreTrimmedAfterADay() {
        StreamsFixture.MovableClock clock = new StreamsFixture.MovableClock(Instant.now());
        try (DynamoDbEngine engine = DynamoDbEngine.start(EngineOptions.defaults().withClock(clock));
             DynamoDbClient dynamo = dynamo(engine);
             DynamoDbStreamsClient streams = streams(engine)) {
            String arn = createTable(dynamo, "aging");
            put(dynamo, "aging", 1, 1);
            String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().getFirst().shardId();
            String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            String sequenceNumber = streams.getRecords(r -> r.shardIterator(iterator)).records().getFirst()
                    .dynamodb().sequenceNumber();

            clock.advance(Duration.ofMinutes(16));
            assertThat(catchThrowableOfType(ExpiredIteratorException.class,
                    () -> streams.getRecords(r -> r.shardIterator(iterator)))).isNotNull();

            clock.advance(Duration.ofHours(24));
            assertThat(catchThrowableOfType(TrimmedDataAccessException.class,
                    () -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
                            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(sequenceNumber))))
                    .isNotNull();
            String horizon = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            assertThat(streams.getRecords(r -> r.shardIterator(horizon)).records()).isEmpty();
        }
    }

    @Test
    void refusalsReachTheSdkAsTheServicesErrors() {
        try (DynamoDbEngine engine = DynamoDbEngine.startInMemory();
             DynamoDbClient dynamo = dynamo(engine);
             DynamoDbStreamsClient streams = streams(engine)) {
            String arn = createTable(dynamo, "errors");
            String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().getFirst().shardId();

            DynamoDbException limit = catchThrowableOfType(DynamoDbException.class, () -> streams.getRecords(r -> r
                    .shardIterator(streams.getShardIterator(i -> i.streamArn(arn).shardId(shard)
                            .shardIteratorType(ShardIteratorType.LATEST)).shardIterator()).limit(1001)));
            DynamoDbException noNumber = catchThrowableOfType(DynamoDbException.class, () -> streams.getShardIterator(r -> r
                    .streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)));

            assertThat(limit.statusCode()).isEqualTo(400);
            assertThat(limit.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(limit.awsErrorDetails().errorMessage()).contains("'limit'", "1000");
            assertThat(noNumber.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(noNumber.awsErrorDetails().errorMessage()).contains("SequenceNumber");
            assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                    () -> streams.describeStream(r -> r.streamArn(arn.replace("errors", "absent"))))).isNotNull();
        }
    }
}
