package nhssm.local.stream;

import static nhssm.local.stream.StreamFixtures.TABLE;
import static nhssm.local.stream.StreamFixtures.await;
import static nhssm.local.stream.StreamFixtures.json;
import static nhssm.local.stream.StreamFixtures.put;
import static nhssm.local.stream.StreamFixtures.sk;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.DynamoDbEngineServer;
import nhssm.local.dynamodb.TemplateTable;
import nhssm.local.stream.StreamFixtures.Log;
import nhssm.local.stream.StreamFixtures.RecordingInvoker;
import nhssm.local.stream.StreamFixtures.Source;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The pump through an outage of the DynamoDB engine (stopped, then started again on its port with its data), with
 * the items the survey writes: a draft with nothing answered holds an empty map (an emulator that gave it without
 * its type once stopped the shard for good, and aggregation with it).
 */
class StreamPumpOutageTest {

    private static final AttributeValue EMPTY_MAP = AttributeValue.fromM(Map.of());

    @Test
    void recordsWithEmptyMaps_shouldBeDelivered_beforeAndAfterAnOutage(@TempDir Path dataDir) {
        try (var server = DynamoDbEngineServer.startPersistent(dataDir)) {
            String table = "survey";
            TemplateTable.surveyTable().createIn(server.client(), table);
            Log log = new Log();
            var invoker = RecordingInvoker.succeeding();

            try (StreamPump pump = StreamPump.start(Source.defaults().template(), Map.of(TABLE, table),
                    server.client(), server.streamsClient(), invoker, log.options())) {
                put(server.client(), table, "RESP#1", Map.of("answers", EMPTY_MAP));
                await("the draft is delivered", () -> invoker.recordCount() >= 1);

                server.stop();
                await("the pump finds the stream unreachable", () -> log.contains("cannot read the stream"));
                server.restart();
                put(server.client(), table, "RESP#2", Map.of(
                        "answers", AttributeValue.fromM(Map.of("Q01", EMPTY_MAP)),
                        "notes", AttributeValue.fromL(List.of(EMPTY_MAP))));
                await("the record written after the outage is delivered", () -> invoker.recordCount() >= 2);
            }

            List<JsonNode> records = invoker.records();
            assertThat(records).extracting(StreamFixtures::sk).containsExactly("RESP#1", "RESP#2");
            assertThat(records.get(0).at("/dynamodb/NewImage/answers")).isEqualTo(json("{\"M\":{}}"));
            assertThat(records.get(1).at("/dynamodb/NewImage/answers")).isEqualTo(json("{\"M\":{\"Q01\":{\"M\":{}}}}"));
            assertThat(records.get(1).at("/dynamodb/NewImage/notes")).isEqualTo(json("{\"L\":[{\"M\":{}}]}"));
            assertThat(log.lines).noneMatch(line -> line.contains("cannot read record"));
        }
    }
}
