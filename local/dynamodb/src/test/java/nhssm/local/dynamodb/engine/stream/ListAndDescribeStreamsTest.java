package nhssm.local.dynamodb.engine.stream;

import static nhssm.local.dynamodb.engine.stream.StreamsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** ListStreams (its filter and pages) and DescribeStream's description of a stream. */
class ListAndDescribeStreamsTest {

    private final StreamsFixture f = new StreamsFixture();

    @Test
    void theArnAndLabelAreTheServices() {
        Streams.StreamHandle handle = f.enable("Responses", "NEW_AND_OLD_IMAGES");

        assertThat(handle.label()).isEqualTo("2026-03-01T10:00:00.123");
        assertThat(handle.arn()).isEqualTo("arn:aws:dynamodb:eu-west-2:123456789012:table/Responses/stream/2026-03-01T10:00:00.123");
        assertThat(handle.viewType()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(new Streams().enable("T", StreamsFixture.KEY, "KEYS_ONLY", f.clock.instant()).arn())
                .startsWith("arn:aws:dynamodb:eu-west-2:000000000000:table/T/stream/");
    }

    @Test
    void describeStreamDescribesTheStream() {
        String arn = f.enable("Responses", "NEW_AND_OLD_IMAGES").arn();

        JsonNode description = f.describe(arn);

        assertThat(description.get("StreamArn").asText()).isEqualTo(arn);
        assertThat(description.get("StreamLabel").asText()).isEqualTo("2026-03-01T10:00:00.123");
        assertThat(description.get("StreamStatus").asText()).isEqualTo("ENABLED");
        assertThat(description.get("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(description.get("TableName").asText()).isEqualTo("Responses");
        assertThat(description.get("CreationRequestDateTime").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(f.clock.instant().toEpochMilli()).movePointLeft(3));
        assertThat(description.get("KeySchema")).isEqualTo(json("[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]"));
        assertThat(description.get("Shards")).hasSize(1);
        assertThat(description.get("Shards").get(0).get("SequenceNumberRange").has("StartingSequenceNumber")).isTrue();
        assertThat(description.has("LastEvaluatedShardId")).isFalse();
    }

    @Test
    void listStreamsFiltersByTableAndPages() {
        List<String> arns = new ArrayList<>();
        for (String table : List.of("c-table", "a-table", "b-table")) {
            arns.add(f.enable(table, "KEYS_ONLY").arn());
        }

        JsonNode onlyB = f.call("ListStreams", "{\"TableName\":\"b-table\"}");
        assertThat(onlyB.get("Streams")).hasSize(1);
        assertThat(onlyB.get("Streams").get(0)).isEqualTo(json("{\"StreamArn\":\"" + arns.get(2)
                + "\",\"TableName\":\"b-table\",\"StreamLabel\":\"2026-03-01T10:00:00.123\"}"));
        assertThat(onlyB.has("LastEvaluatedStreamArn")).isFalse();
        assertThat(f.call("ListStreams", "{\"TableName\":\"no-table\"}").get("Streams")).isEmpty();

        List<String> paged = new ArrayList<>();
        String start = null;
        int pages = 0;
        do {
            ObjectNode request = StreamsFixture.MAPPER.createObjectNode().put("Limit", 2);
            if (start != null) {
                request.put("ExclusiveStartStreamArn", start);
            }
            JsonNode page = f.call("ListStreams", request);
            page.get("Streams").forEach(s -> paged.add(s.get("TableName").asText()));
            start = page.path("LastEvaluatedStreamArn").asText(null);
            pages++;
        } while (start != null);
        assertThat(pages).isEqualTo(2);
        assertThat(paged).containsExactly("a-table", "b-table", "c-table");
    }
}
