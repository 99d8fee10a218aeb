package nhssm.local.stream;

import static nhssm.local.stream.StreamFixtures.TABLE;
import static nhssm.local.stream.StreamFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import nhssm.local.dynamodb.engine.DynamoDbEngine;
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
 * The pump over nhssm's own engine, whose shards close every 1,000 records: a mapping reads the closed
 * shard to its end and goes on with its child, delivering every change once, in order.
 */
class StreamPumpOverEngineTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    @Test
    void everyChangeIsDeliveredOnceInOrderAcrossAShardThatClosed() {
        try (DynamoDbEngine engine = DynamoDbEngine.startInMemory();
             DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(engine.endpoint()).region(Region.EU_WEST_2)
                     .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
             DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(engine.endpoint())
                     .region(Region.EU_WEST_2).credentialsProvider(CREDENTIALS)
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            String arn = dynamo.createTable(r -> r.tableName("responses").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                    .tableDescription().latestStreamArn();
            List<String> written = IntStream.rangeClosed(1, 1200).mapToObj(n -> "RESP#%04d".formatted(n)).toList();
            Log log = new Log();
            RecordingInvoker invoker = RecordingInvoker.succeeding();

            try (StreamPump pump = StreamPump.start(Source.defaults().template(), Map.of(TABLE, "responses"), dynamo,
                    streams, invoker, log.options())) {
                for (int from = 0; from < written.size(); from += 25) {
                    List<WriteRequest> batch = written.subList(from, Math.min(written.size(), from + 25)).stream()
                            .map(sk -> WriteRequest.builder().putRequest(p -> p.item(StreamFixtures.key(sk))).build())
                            .toList();
                    dynamo.batchWriteItem(r -> r.requestItems(Map.of("responses", batch)));
                }
                await("every change is delivered", Duration.ofSeconds(60), () -> invoker.recordCount() >= written.size(),
                        () -> invoker.recordCount() + " delivered");
            }

            assertThat(streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards())
                    .as("the stream rotated to a child shard").hasSize(2)
                    .satisfies(shards -> assertThat(shards.get(1).parentShardId()).isEqualTo(shards.get(0).shardId()));
            assertThat(invoker.records()).extracting(StreamFixtures::sk).isEqualTo(written);
            assertThat(invoker.records()).allSatisfy(r -> assertThat(r.get("eventSourceARN").asText()).isEqualTo(arn));
        }
    }

}
