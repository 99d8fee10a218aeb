package nhssm.local.dynamodb.engine.stream;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * STUB to be replaced by the engine-stream branch: every table's stream, fed by the tables through
 * {@link ChangeSink}, read through the DynamoDB Streams API.
 */
public final class Streams implements ChangeSink {

    /** Turns on the table's stream; returns the new stream's description (its ARN and label). */
    public StreamHandle enable(String tableName, List<KeyElement> keySchema, String viewType, Instant at) {
        throw new UnsupportedOperationException("stub");
    }

    /** The table was deleted or its stream turned off: the stream is DISABLED, still readable 24 hours. */
    public void disable(String tableName, Instant at) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void committed(String tableName, Instant at, List<ItemChange> changes, boolean byTtl) {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * One streams operation (ListStreams, DescribeStream, GetShardIterator, GetRecords): its request body
     * in, its response body out; throws DynamoDbError for the service's errors.
     */
    public JsonNode handle(String operation, JsonNode request) {
        throw new UnsupportedOperationException("stub");
    }

    /** One element of a key schema: an attribute name and HASH or RANGE. */
    public record KeyElement(String attributeName, String keyType) {
    }

    /** A stream as DescribeTable names it: LatestStreamArn, LatestStreamLabel and the view type. */
    public record StreamHandle(String arn, String label, String viewType) {
    }
}
