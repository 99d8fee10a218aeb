package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Refusals.invalid;
import static nhssm.local.dynamodb.conformance.Refusals.refused;
import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator and GetRecords, with each view type. */
class StreamsTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    private final DynamoDbClient dynamo = ENGINE.dynamo();
    private final DynamoDbStreamsClient streams = ENGINE.streams();

    @Test
    void listStreams_shouldListTheTablesStream() {
        TableDescription table = streamedTable(StreamViewType.KEYS_ONLY);

        var listed = streams.listStreams(r -> r.tableName(table.tableName())).streams();

        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).streamArn()).isEqualTo(table.latestStreamArn());
        assertThat(listed.get(0).tableName()).isEqualTo(table.tableName());
        assertThat(listed.get(0).streamLabel()).isEqualTo(table.latestStreamLabel());
    }

    @Test
    void listStreams_shouldPage_fromLastEvaluatedStreamArn() {
        List<String> created = List.of(streamedTable(StreamViewType.KEYS_ONLY).latestStreamArn(),
                streamedTable(StreamViewType.KEYS_ONLY).latestStreamArn(), streamedTable(StreamViewType.KEYS_ONLY).latestStreamArn());

        List<String> listed = new ArrayList<>();
        String start = null;
        for (int pages = 0; pages < 100; pages++) {
            String exclusiveStart = start;
            var page = streams.listStreams(r -> r.limit(1).exclusiveStartStreamArn(exclusiveStart));
            assertThat(page.streams()).hasSizeLessThanOrEqualTo(1);
            page.streams().forEach(stream -> listed.add(stream.streamArn()));
            start = page.lastEvaluatedStreamArn();
            if (start == null) {
                break;
            }
        }

        assertThat(listed).containsAll(created).doesNotHaveDuplicates();
    }

    @Test
    void listStreams_shouldListNothing_forATableWithoutAStream() {
        String table = Tables.hashKeyTable(dynamo);

        assertThat(streams.listStreams(r -> r.tableName(table)).streams()).isEmpty();
    }

    @Test
    void describeStream_shouldDescribeAnEnabledStreamWithAnOpenShard() {
        TableDescription table = streamedTable(StreamViewType.NEW_IMAGE);

        StreamDescription stream = streams.describeStream(r -> r.streamArn(table.latestStreamArn())).streamDescription();

        assertThat(stream.streamArn()).isEqualTo(table.latestStreamArn());
        assertThat(stream.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(stream.streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        assertThat(stream.tableName()).isEqualTo(table.tableName());
        assertThat(stream.keySchema()).containsExactly(Tables.hash(Tables.PK));
        assertThat(stream.creationRequestDateTime()).isNotNull();
        assertThat(stream.shards()).isNotEmpty();
        assertThat(stream.shards()).anySatisfy(shard -> {
            assertThat(shard.shardId()).isNotBlank();
            assertThat(shard.sequenceNumberRange().startingSequenceNumber()).isNotBlank();
            assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNull();
        });
    }

    @Test
    void describeStream_shouldShowTheStreamDisabled_afterItsTableIsDeleted_withItsRecordsStillReadable() {
        TableDescription table = streamedTable(StreamViewType.KEYS_ONLY);
        dynamo.putItem(r -> r.tableName(table.tableName()).item(item("pk", s("a"))));
        StreamReader.atLeast(streams, table.latestStreamArn(), 1);

        dynamo.deleteTable(r -> r.tableName(table.tableName()));

        StreamDescription stream = Poll.until(Duration.ofSeconds(120), "the stream DISABLED", () -> {
            StreamDescription described = streams.describeStream(r -> r.streamArn(table.latestStreamArn())).streamDescription();
            return described.streamStatus() == StreamStatus.DISABLED ? Optional.of(described) : Optional.empty();
        });
        assertThat(stream.streamArn()).isEqualTo(table.latestStreamArn());
        assertThat(StreamReader.all(streams, table.latestStreamArn())).extracting(r -> r.dynamodb().keys())
                .containsExactly(key("a"));
    }

    @Test
    void describeStream_shouldRefuseWithResourceNotFound_forAnUnknownStream() {
        TableDescription table = streamedTable(StreamViewType.KEYS_ONLY);
        String unknown = table.tableArn() + "/stream/2000-01-01T00:00:00.000";

        refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> streams.describeStream(r -> r.streamArn(unknown)));
    }

    @Test
    void getRecords_shouldShowInsertModifyAndRemove_withBothImages() {
        TableDescription table = streamedTable(StreamViewType.NEW_AND_OLD_IMAGES);
        writeInsertModifyRemove(table.tableName());

        List<Record> records = StreamReader.atLeast(streams, table.latestStreamArn(), 3);

        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        Record insert = records.get(0);
        Record modify = records.get(1);
        Record remove = records.get(2);
        assertThat(insert.dynamodb().keys()).isEqualTo(key("a"));
        assertThat(insert.dynamodb().newImage()).isEqualTo(item("pk", s("a"), "v", n(1)));
        assertThat(insert.dynamodb().hasOldImage()).isFalse();
        assertThat(modify.dynamodb().oldImage()).isEqualTo(item("pk", s("a"), "v", n(1)));
        assertThat(modify.dynamodb().newImage()).isEqualTo(item("pk", s("a"), "v", n(2)));
        assertThat(remove.dynamodb().oldImage()).isEqualTo(item("pk", s("a"), "v", n(2)));
        assertThat(remove.dynamodb().hasNewImage()).isFalse();
        assertThat(records).allSatisfy(record -> {
            assertThat(record.eventSource()).isEqualTo("aws:dynamodb");
            assertThat(record.eventVersion()).isEqualTo("1.1");
            assertThat(record.awsRegion()).isEqualTo("eu-west-2");
            assertThat(record.eventID()).isNotBlank();
            assertThat(record.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
            assertThat(record.dynamodb().sizeBytes()).isPositive();
            assertThat(record.dynamodb().approximateCreationDateTime()).isNotNull();
            assertThat(record.userIdentity()).isNull();
        });
        assertThat(records).extracting(r -> new BigInteger(r.dynamodb().sequenceNumber())).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void getRecords_shouldCarryOnlyKeys_forKeysOnly() {
        TableDescription table = streamedTable(StreamViewType.KEYS_ONLY);
        writeInsertModifyRemove(table.tableName());

        List<Record> records = StreamReader.atLeast(streams, table.latestStreamArn(), 3);

        assertThat(records).allSatisfy(record -> {
            assertThat(record.dynamodb().keys()).isEqualTo(key("a"));
            assertThat(record.dynamodb().hasNewImage()).isFalse();
            assertThat(record.dynamodb().hasOldImage()).isFalse();
        });
    }

    @Test
    void getRecords_shouldCarryTheNewImageOnly_forNewImage() {
        TableDescription table = streamedTable(StreamViewType.NEW_IMAGE);
        writeInsertModifyRemove(table.tableName());

        List<Record> records = StreamReader.atLeast(streams, table.latestStreamArn(), 3);

        assertThat(records.get(0).dynamodb().newImage()).isEqualTo(item("pk", s("a"), "v", n(1)));
        assertThat(records.get(1).dynamodb().newImage()).isEqualTo(item("pk", s("a"), "v", n(2)));
        assertThat(records.get(2).dynamodb().hasNewImage()).isFalse();
        assertThat(records).allSatisfy(record -> assertThat(record.dynamodb().hasOldImage()).isFalse());
    }

    @Test
    void getRecords_shouldCarryTheOldImageOnly_forOldImage() {
        TableDescription table = streamedTable(StreamViewType.OLD_IMAGE);
        writeInsertModifyRemove(table.tableName());

        List<Record> records = StreamReader.atLeast(streams, table.latestStreamArn(), 3);

        assertThat(records.get(0).dynamodb().hasOldImage()).isFalse();
        assertThat(records.get(1).dynamodb().oldImage()).isEqualTo(item("pk", s("a"), "v", n(1)));
        assertThat(records.get(2).dynamodb().oldImage()).isEqualTo(item("pk", s("a"), "v", n(2)));
        assertThat(records).allSatisfy(record -> assertThat(record.dynamodb().hasNewImage()).isFalse());
    }

    @Test
    void getRecords_shouldShowNothing_forWritesThatChangeNothing() {
        TableDescription table = streamedTable(StreamViewType.NEW_AND_OLD_IMAGES);
        String name = table.tableName();
        dynamo.putItem(r -> r.tableName(name).item(item("pk", s("a"), "v", n(1))));

        dynamo.putItem(r -> r.tableName(name).item(item("pk", s("a"), "v", n(1))));
        dynamo.updateItem(r -> r.tableName(name).key(key("a")).updateExpression("SET v = :one")
                .expressionAttributeValues(Map.of(":one", n(1))));
        dynamo.deleteItem(r -> r.tableName(name).key(key("never-stored")));
        try {
            dynamo.putItem(r -> r.tableName(name).item(item("pk", s("a"), "v", n(9))).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException expected) {
            // A refused write changes nothing, so it has no record either.
        }
        dynamo.putItem(r -> r.tableName(name).item(item("pk", s("last"))));

        List<Record> records = StreamReader.atLeast(streams, table.latestStreamArn(), 2);
        assertThat(records).extracting(r -> r.dynamodb().keys()).containsExactly(key("a"), key("last"));
        assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT, OperationType.INSERT);
    }

    @Test
    void getRecords_shouldShowEachItemOfATransaction() {
        TableDescription table = streamedTable(StreamViewType.NEW_IMAGE);
        String name = table.tableName();

        dynamo.transactWriteItems(r -> r.transactItems(
                t -> t.put(p -> p.tableName(name).item(item("pk", s("t1")))),
                t -> t.put(p -> p.tableName(name).item(item("pk", s("t2"))))));

        dynamo.transactWriteItems(r -> r.transactItems(
                t -> t.conditionCheck(c -> c.tableName(name).key(key("t1")).conditionExpression("attribute_exists(pk)")),
                t -> t.put(p -> p.tableName(name).item(item("pk", s("t3"))))));

        List<Record> records = StreamReader.atLeast(streams, table.latestStreamArn(), 3);
        // A ConditionCheck changes nothing, so it writes no record.
        assertThat(records).extracting(r -> r.dynamodb().keys()).containsExactlyInAnyOrder(key("t1"), key("t2"), key("t3"));
    }

    @Test
    void getShardIterator_atAndAfterSequenceNumber_shouldStartAtAndAfterThatRecord() {
        TableDescription table = streamedTable(StreamViewType.KEYS_ONLY);
        String name = table.tableName();
        for (String pk : List.of("a", "a", "a")) {
            dynamo.updateItem(r -> r.tableName(name).key(key(pk)).updateExpression("ADD v :one")
                    .expressionAttributeValues(Map.of(":one", n(1))));
        }
        StreamReader.atLeast(streams, table.latestStreamArn(), 3);
        StreamReader.ShardRecords shard = StreamReader.byShard(streams, table.latestStreamArn()).stream()
                .filter(s -> s.records().size() == 3).findFirst().orElseThrow();
        String second = shard.records().get(1).dynamodb().sequenceNumber();

        List<Record> at = StreamReader.drain(streams, iterator(table, shard.shardId(), ShardIteratorType.AT_SEQUENCE_NUMBER, second));
        List<Record> after = StreamReader.drain(streams, iterator(table, shard.shardId(), ShardIteratorType.AFTER_SEQUENCE_NUMBER, second));

        assertThat(at).extracting(r -> r.dynamodb().sequenceNumber())
                .containsExactly(second, shard.records().get(2).dynamodb().sequenceNumber());
        assertThat(after).extracting(r -> r.dynamodb().sequenceNumber())
                .containsExactly(shard.records().get(2).dynamodb().sequenceNumber());
    }

    @Test
    void getShardIterator_latest_shouldSeeOnlyLaterRecords() {
        TableDescription table = streamedTable(StreamViewType.KEYS_ONLY);
        String name = table.tableName();
        dynamo.putItem(r -> r.tableName(name).item(item("pk", s("before"))));
        StreamReader.atLeast(streams, table.latestStreamArn(), 1);
        List<String> iterators = new ArrayList<>();
        StreamReader.shards(streams, table.latestStreamArn()).forEach(shard ->
                iterators.add(iterator(table, shard.shardId(), ShardIteratorType.LATEST, null)));

        dynamo.putItem(r -> r.tableName(name).item(item("pk", s("after"))));

        List<Record> seen = Poll.until(Duration.ofSeconds(60), "the record after LATEST", () -> {
            List<Record> records = new ArrayList<>();
            for (int i = 0; i < iterators.size(); i++) {
                String current = iterators.get(i);
                GetRecordsResponse page = streams.getRecords(gr -> gr.shardIterator(current));
                records.addAll(page.records());
                iterators.set(i, page.nextShardIterator());
            }
            return records.isEmpty() ? Optional.empty() : Optional.of(records);
        });
        assertThat(seen).extracting(r -> r.dynamodb().keys()).containsExactly(key("after"));
    }

    @Test
    void getRecords_shouldReturnAtMostTheLimit() {
        TableDescription table = streamedTable(StreamViewType.KEYS_ONLY);
        for (int i = 0; i < 3; i++) {
            dynamo.updateItem(r -> r.tableName(table.tableName()).key(key("a")).updateExpression("ADD v :one")
                    .expressionAttributeValues(Map.of(":one", n(1))));
        }
        StreamReader.atLeast(streams, table.latestStreamArn(), 3);
        String shardId = StreamReader.byShard(streams, table.latestStreamArn()).stream()
                .filter(s -> !s.records().isEmpty()).findFirst().orElseThrow().shardId();

        GetRecordsResponse page = streams.getRecords(r -> r.limit(1)
                .shardIterator(iterator(table, shardId, ShardIteratorType.TRIM_HORIZON, null)));

        assertThat(page.records()).hasSize(1);
        assertThat(page.nextShardIterator()).isNotBlank();
    }

    @Test
    void getShardIterator_shouldRefuse_atSequenceNumberWithoutOne() {
        TableDescription table = streamedTable(StreamViewType.KEYS_ONLY);
        String shardId = StreamReader.shards(streams, table.latestStreamArn()).get(0).shardId();

        invalid(() -> streams.getShardIterator(r -> r.streamArn(table.latestStreamArn()).shardId(shardId)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)));
    }

    @Test
    void getShardIterator_shouldRefuseWithResourceNotFound_forAnUnknownShard() {
        TableDescription table = streamedTable(StreamViewType.KEYS_ONLY);

        refused(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> streams.getShardIterator(r -> r.streamArn(table.latestStreamArn())
                        .shardId("shardId-00000000000000000000-00000000").shardIteratorType(ShardIteratorType.TRIM_HORIZON)));
    }

    @Test
    void getRecords_shouldRefuse_anIteratorItDidNotIssue() {
        invalid(() -> streams.getRecords(r -> r.shardIterator("not-an-iterator-" + "x".repeat(40))));
    }

    private TableDescription streamedTable(StreamViewType viewType) {
        String name = Tables.create(dynamo, b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)));
        return dynamo.describeTable(r -> r.tableName(name)).table();
    }

    /** Put, update and delete item "a": an INSERT, a MODIFY and a REMOVE. */
    private void writeInsertModifyRemove(String table) {
        dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(1))));
        dynamo.updateItem(r -> r.tableName(table).key(key("a")).updateExpression("SET v = :two")
                .expressionAttributeValues(Map.of(":two", n(2))));
        dynamo.deleteItem(r -> r.tableName(table).key(key("a")));
    }

    private String iterator(TableDescription table, String shardId, ShardIteratorType type, String sequenceNumber) {
        return streams.getShardIterator(r -> r.streamArn(table.latestStreamArn()).shardId(shardId)
                .shardIteratorType(type).sequenceNumber(sequenceNumber)).shardIterator();
    }
}
