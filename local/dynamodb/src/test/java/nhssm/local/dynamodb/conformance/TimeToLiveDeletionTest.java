package nhssm.local.dynamodb.conformance;

import static nhssm.local.dynamodb.conformance.Values.item;
import static nhssm.local.dynamodb.conformance.Values.key;
import static nhssm.local.dynamodb.conformance.Values.n;
import static nhssm.local.dynamodb.conformance.Values.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * TTL: the service deletes an item some time after the epoch second in its TTL attribute has passed, and
 * the deletion shows on the stream as a REMOVE by the service itself.
 */
class TimeToLiveDeletionTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    /** The service promises deletion within days; the engine sweeps every second or so. */
    private static final Duration DELETED_WITHIN = Duration.ofSeconds(120);

    private final DynamoDbClient dynamo = ENGINE.dynamo();
    private final DynamoDbStreamsClient streams = ENGINE.streams();

    @Test
    void ttl_shouldDeleteAnExpiredItem_andShowItOnTheStreamAsAServiceRemove() {
        TableDescription table = ttlTable(StreamViewType.NEW_AND_OLD_IMAGES);
        long anHourAgo = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        var expired = item("pk", s("expired"), "expires", n(anHourAgo), "v", s("x"));
        dynamo.putItem(r -> r.tableName(table.tableName()).item(expired));

        awaitDeleted(table.tableName(), "expired");

        List<Record> records = StreamReader.atLeast(streams, table.latestStreamArn(), 2);
        Record remove = records.get(1);
        assertThat(remove.eventName()).isEqualTo(OperationType.REMOVE);
        assertThat(remove.dynamodb().keys()).isEqualTo(key("expired"));
        assertThat(remove.dynamodb().oldImage()).isEqualTo(expired);
        assertThat(remove.userIdentity()).isNotNull();
        assertThat(remove.userIdentity().type()).isEqualTo("Service");
        assertThat(remove.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
    }

    @Test
    void ttl_shouldKeepItemsNotYetExpired_orWithoutANumberTtl() {
        String name = ttlTable(StreamViewType.KEYS_ONLY).tableName();
        long inADay = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
        long anHourAgo = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        dynamo.putItem(r -> r.tableName(name).item(item("pk", s("future"), "expires", n(inADay))));
        dynamo.putItem(r -> r.tableName(name).item(item("pk", s("text"), "expires", s(Long.toString(anHourAgo)))));
        dynamo.putItem(r -> r.tableName(name).item(item("pk", s("none"))));
        dynamo.putItem(r -> r.tableName(name).item(item("pk", s("expired"), "expires", n(anHourAgo))));

        awaitDeleted(name, "expired");

        assertKept(name, "future", "text", "none");
    }

    @Test
    void ttl_shouldKeepAnItem_whoseTtlIsOverFiveYearsPast() {
        // The Developer Guide: the TTL process ignores expiry times more than five years in the past.
        String name = ttlTable(StreamViewType.KEYS_ONLY).tableName();
        long sixYearsAgo = Instant.now().minus(Duration.ofDays(6 * 366)).getEpochSecond();
        long anHourAgo = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        dynamo.putItem(r -> r.tableName(name).item(item("pk", s("ancient"), "expires", n(sixYearsAgo))));
        dynamo.putItem(r -> r.tableName(name).item(item("pk", s("expired"), "expires", n(anHourAgo))));

        awaitDeleted(name, "expired");

        assertKept(name, "ancient");
    }

    @Test
    void ttl_shouldNotShowAUserIdentity_onARemoveByAClient() {
        TableDescription table = ttlTable(StreamViewType.KEYS_ONLY);
        dynamo.putItem(r -> r.tableName(table.tableName()).item(item("pk", s("a"))));
        dynamo.deleteItem(r -> r.tableName(table.tableName()).key(key("a")));

        List<Record> records = StreamReader.atLeast(streams, table.latestStreamArn(), 2);

        assertThat(records.get(1).eventName()).isEqualTo(OperationType.REMOVE);
        assertThat(records.get(1).userIdentity()).isNull();
    }

    private TableDescription ttlTable(StreamViewType viewType) {
        String name = Tables.create(dynamo, b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)));
        dynamo.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        return dynamo.describeTable(r -> r.tableName(name)).table();
    }

    private void assertKept(String table, String... keys) {
        for (String kept : keys) {
            assertThat(dynamo.getItem(r -> r.tableName(table).key(key(kept)).consistentRead(true)).hasItem())
                    .as(kept).isTrue();
        }
    }

    private void awaitDeleted(String table, String pk) {
        Poll.until(DELETED_WITHIN, "TTL deletion of " + pk, () ->
                dynamo.getItem(r -> r.tableName(table).key(key(pk)).consistentRead(true)).hasItem()
                        ? Optional.empty() : Optional.of(true));
    }
}
