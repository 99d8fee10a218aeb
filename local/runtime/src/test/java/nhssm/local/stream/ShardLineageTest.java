package nhssm.local.stream;

import static nhssm.local.stream.StreamFixtures.TABLE;
import static nhssm.local.stream.StreamFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import nhssm.local.stream.StreamFixtures.Log;
import nhssm.local.stream.StreamFixtures.RecordingInvoker;
import nhssm.local.stream.StreamFixtures.Source;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.SequenceNumberRange;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What a real stream does but is hard to make happen on demand (shards trimmed away, records trimmed under
 * an expired iterator, shards that close and split, paginated shard lists, expired iterators, records big
 * enough to reach Lambda's payload limit), against scripted stream clients.
 */
class ShardLineageTest {

    private static final String STREAM_ARN = "arn:aws:dynamodb:eu-west-2:123456789012:table/T/stream/2026-01-01T00:00:00.000";

    private final Log log = new Log();

    /** A scripted stream: shards listed one per DescribeStream page, in the order given. */
    static final class FakeStreams implements DynamoDbStreamsClient {
        record FakeShard(String id, String parent, boolean closed, List<Record> records) {
        }

        final List<FakeShard> shards = new CopyOnWriteArrayList<>();
        final AtomicBoolean expireNextRead = new AtomicBoolean();
        /** Iterators given before {@link #expireEveryIterator()} are expired, however often they are used. */
        final AtomicInteger iteratorGeneration = new AtomicInteger();
        /** Per shard, how many of its first records are trimmed: GetShardIterator below it is refused. */
        final Map<String, Integer> trimmed = new ConcurrentHashMap<>();
        /** Shards that no longer exist, though the listing the mapping read still named them. */
        final Set<String> gone = ConcurrentHashMap.newKeySet();

        void expireEveryIterator() {
            iteratorGeneration.incrementAndGet();
        }
        final List<String> iteratorRequests = new CopyOnWriteArrayList<>();

        FakeShard shard(String id, String parent, boolean closed, int... sequenceNumbers) {
            List<Record> records = new CopyOnWriteArrayList<>();
            for (int n : sequenceNumbers) {
                records.add(record(n, ""));
            }
            FakeShard shard = new FakeShard(id, parent, closed, records);
            shards.add(shard);
            return shard;
        }

        @Override
        public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
            int from = request.exclusiveStartShardId() == null ? 0 : indexOf(request.exclusiveStartShardId()) + 1;
            FakeShard shard = shards.get(from);
            Shard listed = Shard.builder().shardId(shard.id()).parentShardId(shard.parent())
                    .sequenceNumberRange(SequenceNumberRange.builder().startingSequenceNumber("1")
                            .endingSequenceNumber(shard.closed() ? "999" : null).build())
                    .build();
            return DescribeStreamResponse.builder().streamDescription(d -> d.streamArn(STREAM_ARN).shards(listed)
                    .lastEvaluatedShardId(from + 1 < shards.size() ? shard.id() : null)).build();
        }

        @Override
        public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
            FakeShard shard = shards.get(indexOf(request.shardId()));
            iteratorRequests.add(request.shardId() + " " + request.shardIteratorTypeAsString()
                    + (request.sequenceNumber() == null ? "" : " " + request.sequenceNumber()));
            if (gone.contains(shard.id())) {
                throw ResourceNotFoundException.builder().message("Requested resource not found: Shard does not exist").build();
            }
            int horizon = trimmed.getOrDefault(shard.id(), 0);
            int position = switch (request.shardIteratorType()) {
                case TRIM_HORIZON -> horizon;
                case LATEST -> shard.records().size();
                case AFTER_SEQUENCE_NUMBER -> {
                    int i = 0;
                    while (!shard.records().get(i).dynamodb().sequenceNumber().equals(request.sequenceNumber())) {
                        i++;
                    }
                    if (i < horizon) {
                        throw TrimmedDataAccessException.builder().message("trimmed").build();
                    }
                    yield i + 1;
                }
                default -> throw new UnsupportedOperationException(request.shardIteratorTypeAsString());
            };
            return GetShardIteratorResponse.builder()
                    .shardIterator(shard.id() + "|" + position + "|" + iteratorGeneration.get()).build();
        }

        @Override
        public GetRecordsResponse getRecords(GetRecordsRequest request) {
            if (expireNextRead.getAndSet(false)) {
                throw ExpiredIteratorException.builder().message("Iterator expired").build();
            }
            String[] iterator = request.shardIterator().split("\\|");
            if (Integer.parseInt(iterator[2]) < iteratorGeneration.get()) {
                throw ExpiredIteratorException.builder().message("Iterator expired").build();
            }
            FakeShard shard = shards.get(indexOf(iterator[0]));
            if (gone.contains(shard.id())) {
                throw TrimmedDataAccessException.builder().message("the shard has been trimmed").build();
            }
            int position = Integer.parseInt(iterator[1]);
            int end = Math.min(shard.records().size(), position + request.limit());
            List<Record> records = new ArrayList<>(shard.records().subList(position, end));
            String next = shard.closed() && end == shard.records().size() ? null
                    : shard.id() + "|" + end + "|" + iteratorGeneration.get();
            return GetRecordsResponse.builder().records(records).nextShardIterator(next).build();
        }

        private int indexOf(String shardId) {
            for (int i = 0; i < shards.size(); i++) {
                if (shards.get(i).id().equals(shardId)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(shardId);
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    /** A stream record whose sort key is its sequence number: "RESP#n". */
    static Record record(int sequenceNumber, String padding) {
        String sk = "RESP#" + sequenceNumber;
        Map<String, AttributeValue> keys = Map.of("pk", AttributeValue.fromS("P"), "sk", AttributeValue.fromS(sk));
        Map<String, AttributeValue> image = padding.isEmpty() ? keys
                : Map.of("pk", AttributeValue.fromS("P"), "sk", AttributeValue.fromS(sk),
                        "padding", AttributeValue.fromS(padding));
        return Record.builder().eventID("e" + sequenceNumber).eventName(OperationType.INSERT).eventVersion("1.1")
                .eventSource("aws:dynamodb").awsRegion("eu-west-2")
                .dynamodb(StreamRecord.builder().approximateCreationDateTime(Instant.ofEpochSecond(1_767_225_600))
                        .keys(keys).newImage(image).sequenceNumber(String.valueOf(sequenceNumber))
                        .sizeBytes((long) 20 + padding.length()).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                        .build())
                .build();
    }

    /** A table that has a stream. */
    static final class FakeDynamo implements DynamoDbClient {
        @Override
        public DescribeTableResponse describeTable(DescribeTableRequest request) {
            return DescribeTableResponse.builder().table(t -> t.tableName(request.tableName())
                    .latestStreamArn(STREAM_ARN)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                    .build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private StreamPump pump(Source source, FakeStreams streams, RecordingInvoker invoker) {
        return StreamPump.start(source.template(), Map.of(TABLE, "T"), new FakeDynamo(), streams, invoker,
                log.options());
    }

    @Test
    void childShard_shouldBeReadOnlyAfterItsParentIsFinished() {
        FakeStreams streams = new FakeStreams();
        // Listed child first (one shard per page): the order of the listing must not matter.
        FakeStreams.FakeShard child = streams.shard("shardId-child", "shardId-parent", false, 4, 5);
        streams.shard("shardId-parent", "shardId-grandparent-trimmed", true, 1, 2, 3);
        var invoker = RecordingInvoker.succeeding();

        try (StreamPump pump = pump(Source.defaults().batchSize(2), streams, invoker)) {
            await("the child's records are delivered", () -> invoker.recordCount() >= 5);
            child.records().add(record(6, ""));
            await("a record added to the open child is delivered", () -> invoker.recordCount() >= 6);
        }

        assertThat(invoker.batches()).containsExactly(
                List.of("RESP#1", "RESP#2"), List.of("RESP#3"), List.of("RESP#4", "RESP#5"), List.of("RESP#6"));
        assertThat(invoker.records()).allSatisfy(r -> assertThat(r.get("eventSourceARN").asText()).isEqualTo(STREAM_ARN));
    }

    @Test
    void latest_shouldSkipClosedShardsAndStartOpenOnesAtTheirEnd() {
        FakeStreams streams = new FakeStreams();
        streams.shard("shardId-old", null, true, 1, 2);
        FakeStreams.FakeShard current = streams.shard("shardId-current", "shardId-old", false, 3, 4);
        var invoker = RecordingInvoker.succeeding();

        try (StreamPump pump = pump(Source.defaults().latest(), streams, invoker)) {
            current.records().add(record(5, ""));
            await("the new record is delivered", () -> invoker.recordCount() >= 1);
        }

        assertThat(invoker.batches()).containsExactly(List.of("RESP#5"));
        assertThat(streams.iteratorRequests).containsExactly("shardId-current LATEST");
    }

    @Test
    void expiredIterator_shouldResumeAfterTheLastRecordRead() {
        FakeStreams streams = new FakeStreams();
        FakeStreams.FakeShard shard = streams.shard("shardId-1", null, false, 1, 2);
        var invoker = RecordingInvoker.succeeding();

        try (StreamPump pump = pump(Source.defaults(), streams, invoker)) {
            await("the first records are delivered", () -> invoker.recordCount() >= 2);
            streams.expireNextRead.set(true);
            await("the iterator expired", () -> !streams.expireNextRead.get());
            shard.records().add(record(3, ""));
            await("the next record is delivered", () -> invoker.recordCount() >= 3);
        }

        assertThat(invoker.records()).extracting(StreamFixtures::sk).containsExactly("RESP#1", "RESP#2", "RESP#3");
        assertThat(streams.iteratorRequests).containsExactly("shardId-1 TRIM_HORIZON",
                "shardId-1 AFTER_SEQUENCE_NUMBER 2");
    }

    @Test
    void aShardTrimmedWholeAfterItWasListed_shouldBeFinishedSoThatItsChildIsRead() {
        FakeStreams streams = new FakeStreams();
        streams.shard("shardId-parent", null, true, 1, 2, 3);
        streams.shard("shardId-child", "shardId-parent", false, 4, 5);
        streams.gone.add("shardId-parent");
        var invoker = RecordingInvoker.succeeding();

        try (StreamPump pump = pump(Source.defaults(), streams, invoker)) {
            await("the child's records are delivered", () -> invoker.recordCount() >= 2);
        }

        assertThat(invoker.records()).extracting(StreamFixtures::sk).containsExactly("RESP#4", "RESP#5");
        assertThat(log.contains("shard …d-parent: the shard no longer exists (trimmed); going on with its children")).isTrue();
    }

    @Test
    void aShardTrimmedWholeWhileBeingRead_shouldBeFinishedSoThatItsChildIsRead() {
        FakeStreams streams = new FakeStreams();
        FakeStreams.FakeShard parent = streams.shard("shardId-parent", null, false, 1);
        var invoker = RecordingInvoker.succeeding();

        try (StreamPump pump = pump(Source.defaults(), streams, invoker)) {
            await("the parent's first record is delivered", () -> invoker.recordCount() >= 1);
            streams.shards.set(0, new FakeStreams.FakeShard(parent.id(), null, true, parent.records()));
            streams.shard("shardId-child", "shardId-parent", false, 3);
            streams.gone.add("shardId-parent");
            await("the child's record is delivered", () -> invoker.recordCount() >= 2);
        }

        assertThat(invoker.records()).extracting(StreamFixtures::sk).containsExactly("RESP#1", "RESP#3");
    }

    @Test
    void expiredIterator_whenTheLastRecordReadIsTrimmed_shouldGoOnFromTheOldestRecordKept() {
        FakeStreams streams = new FakeStreams();
        FakeStreams.FakeShard shard = streams.shard("shardId-1", null, false, 1, 2);
        var invoker = RecordingInvoker.succeeding();

        try (StreamPump pump = pump(Source.defaults(), streams, invoker)) {
            await("the first records are delivered", () -> invoker.recordCount() >= 2);
            shard.records().add(record(3, ""));
            streams.trimmed.put("shardId-1", 2);
            streams.expireEveryIterator();
            await("the record after the trimmed ones is delivered", () -> invoker.recordCount() >= 3);
        }

        assertThat(invoker.records()).extracting(StreamFixtures::sk).containsExactly("RESP#1", "RESP#2", "RESP#3");
        assertThat(streams.iteratorRequests).containsExactly("shardId-1 TRIM_HORIZON",
                "shardId-1 AFTER_SEQUENCE_NUMBER 2", "shardId-1 TRIM_HORIZON");
    }

    @Test
    void batches_shouldStayUnderLambdasSixMegabytePayloadLimit() {
        FakeStreams streams = new FakeStreams();
        FakeStreams.FakeShard shard = streams.shard("shardId-1", null, false);
        String padding = "x".repeat(2_500_000);
        for (int n = 1; n <= 5; n++) {
            shard.records().add(record(n, padding));
        }
        var invoker = RecordingInvoker.succeeding();

        try (StreamPump pump = pump(Source.defaults().batchSize(10), streams, invoker)) {
            await("all 5 are delivered", () -> invoker.recordCount() >= 5);
        }

        assertThat(invoker.batches()).containsExactly(
                List.of("RESP#1", "RESP#2"), List.of("RESP#3", "RESP#4"), List.of("RESP#5"));
        assertThat(invoker.events).allSatisfy(event ->
                assertThat(event.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(6 * 1024 * 1024));
    }
}
