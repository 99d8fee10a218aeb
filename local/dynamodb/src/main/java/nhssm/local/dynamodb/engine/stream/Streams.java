package nhssm.local.dynamodb.engine.stream;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import com.fasterxml.jackson.databind.JsonNode;

import nhssm.local.dynamodb.engine.error.DynamoDbError;
import nhssm.local.dynamodb.engine.error.ErrorType;

/**
 * Every table's stream, fed by the tables through {@link ChangeSink}, read through the DynamoDB Streams
 * API ({@link #handle}). A table has at most one enabled stream; a disabled one (its table deleted) stays
 * readable, and listed, for the retention (24 hours). {@link #committed} takes only the written stream's
 * lock, for as long as it takes to append the records; records are rendered as JSON when read.
 */
public final class Streams implements ChangeSink {

    private static final List<String> VIEW_TYPES = List.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final StreamSettings settings;
    private final Map<String, TableStream> enabledByTable = new ConcurrentHashMap<>();
    /** Every stream still listed, ordered by table name then label: ListStreams' order and its pages. */
    private final NavigableMap<String, TableStream> listed = new ConcurrentSkipListMap<>();
    private final Map<String, TableStream> byArn = new ConcurrentHashMap<>();
    private final StreamOperations operations = new StreamOperations(this);

    /** The service's behaviour in eu-west-2, a fixed local account, the system clock. */
    public Streams() {
        this(StreamSettings.defaults());
    }

    public Streams(Clock clock, String region, String accountId) {
        this(StreamSettings.defaults(clock, region, accountId));
    }

    public Streams(StreamSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    /** Turns on the table's stream; returns the new stream's description (its ARN and label). */
    public synchronized StreamHandle enable(String tableName, List<KeyElement> keySchema, String viewType, Instant at) {
        if (!VIEW_TYPES.contains(viewType)) {
            throw DynamoDbError.validation("1 validation error detected: Value '" + viewType
                    + "' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum"
                    + " value set: [" + String.join(", ", VIEW_TYPES) + "]");
        }
        TableStream previous = enabledByTable.get(tableName);
        if (previous != null) {
            previous.disable(at);
        }
        Instant created = at;
        // Two streams of one table created in the same millisecond would share a label, hence an ARN.
        while (listed.containsKey(key(tableName, LABEL.format(created)))) {
            created = created.plusMillis(1);
        }
        String label = LABEL.format(created);
        String arn = "arn:aws:dynamodb:" + settings.region() + ":" + settings.accountId() + ":table/" + tableName
                + "/stream/" + label;
        TableStream stream = new TableStream(arn, label, tableName, keySchema, viewType, at, settings);
        listed.put(key(tableName, label), stream);
        byArn.put(arn, stream);
        enabledByTable.put(tableName, stream);
        return new StreamHandle(arn, label, viewType);
    }

    /** The table was deleted or its stream turned off: the stream is DISABLED, still readable 24 hours. */
    public synchronized void disable(String tableName, Instant at) {
        TableStream stream = enabledByTable.remove(tableName);
        if (stream != null) {
            stream.disable(at);
        }
    }

    @Override
    public void committed(String tableName, Instant at, List<ItemChange> changes, boolean byTtl) {
        TableStream stream = enabledByTable.get(tableName);
        if (stream != null) {
            stream.append(at, changes, byTtl);
        }
    }

    /**
     * One streams operation (ListStreams, DescribeStream, GetShardIterator, GetRecords): its request body
     * in, its response body out; throws DynamoDbError for the service's errors.
     */
    public JsonNode handle(String operation, JsonNode request) {
        forgetExpired();
        return switch (operation) {
            case "ListStreams" -> operations.listStreams(request);
            case "DescribeStream" -> operations.describeStream(request);
            case "GetShardIterator" -> operations.getShardIterator(request);
            case "GetRecords" -> operations.getRecords(request);
            default -> throw new DynamoDbError(ErrorType.UNKNOWN_OPERATION,
                    "DynamoDB Streams has no operation " + operation
                            + "; the operations are ListStreams, DescribeStream, GetShardIterator and GetRecords");
        };
    }

    StreamSettings settings() {
        return settings;
    }

    Instant now() {
        return settings.clock().instant();
    }

    /** The listed streams from {@code exclusiveStartKey} on (exclusive), in order. */
    NavigableMap<String, TableStream> listedAfter(Optional<String> exclusiveStartKey) {
        return exclusiveStartKey.map(k -> listed.tailMap(k, false)).orElse(listed);
    }

    Optional<TableStream> byArn(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }

    /** The ListStreams order of a stream: its table's name, then its label. */
    static String key(String tableName, String label) {
        // A space sorts before every character a table name may hold.
        return tableName + " " + label;
    }

    private void forgetExpired() {
        Instant now = now();
        listed.values().removeIf(stream -> {
            boolean expired = stream.expired(now);
            if (expired) {
                byArn.remove(stream.arn);
            }
            return expired;
        });
    }

    /** One element of a key schema: an attribute name and HASH or RANGE. */
    public record KeyElement(String attributeName, String keyType) {
    }

    /** A stream as DescribeTable names it: LatestStreamArn, LatestStreamLabel and the view type. */
    public record StreamHandle(String arn, String label, String viewType) {
    }
}
