package nhssm.aggregate;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import nhssm.local.dynamodb.LocalDynamoDb;
import nhssm.local.dynamodb.StreamEventJson;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * Reads a table's stream on the DynamoDB engine from the start and turns records into the event Lambda
 * delivers, deserialized by the Lambda runtime's own serializer (plain Jackson would drop the
 * attribute values).
 */
final class StreamRecords {

    private final LocalDynamoDb dynamo;
    private final String streamArn;

    StreamRecords(LocalDynamoDb dynamo, String table) {
        this.dynamo = dynamo;
        this.streamArn = dynamo.client().describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    /** Every record written so far, in order. */
    List<Record> all() {
        List<Record> records = new ArrayList<>();
        var streams = dynamo.streamsClient();
        streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().forEach(shard -> {
            String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(b -> b.shardIterator(current));
                records.addAll(page.records());
                // An open shard keeps returning iterators; stop once it has nothing more.
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        });
        return records;
    }

    /** The records the aggregate function's FilterCriteria lets through: current-state response items. */
    List<Record> responses() {
        return all().stream().filter(isResponse()).toList();
    }

    static Predicate<Record> isResponse() {
        return r -> r.dynamodb().keys().get("sk").s().startsWith("RESP#");
    }

    DynamodbEvent event(List<Record> records) {
        String json = StreamEventJson.event(records.stream()
                .map(r -> StreamEventJson.write(StreamEventJson.record(r, streamArn)))
                .toList());
        return LambdaEventSerializers.serializerFor(DynamodbEvent.class, StreamRecords.class.getClassLoader())
                .fromJson(json);
    }
}
