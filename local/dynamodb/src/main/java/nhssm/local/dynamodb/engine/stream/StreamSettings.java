package nhssm.local.dynamodb.engine.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the streams behave where the service gives no choice, or where a test needs another: the region and
 * account in the ARNs, when a shard closes for a child, how long records are kept and iterators live.
 *
 * @param shardMaxRecords a shard closes and a child opens once it holds this many records, so that readers
 *     following lineage are exercised locally (the service splits shards by time and throughput)
 * @param shardMaxAge a shard with records closes at the first write after it is this old (the service
 *     rotates roughly every four hours)
 * @param retention how long records stay readable, and a disabled stream listed (24 hours on the service)
 * @param iteratorLifetime how long a shard iterator can be used (15 minutes on the service)
 */
public record StreamSettings(
        Clock clock,
        String region,
        String accountId,
        int shardMaxRecords,
        Duration shardMaxAge,
        Duration retention,
        Duration iteratorLifetime) {

    public static final String DEFAULT_REGION = "eu-west-2";
    public static final String DEFAULT_ACCOUNT = "000000000000";

    public StreamSettings {
        Objects.requireNonNull(clock);
        Objects.requireNonNull(region);
        Objects.requireNonNull(accountId);
        if (shardMaxRecords < 1) {
            throw new IllegalArgumentException("a shard holds at least one record before it closes");
        }
        if (shardMaxAge.isNegative() || shardMaxAge.isZero() || retention.isNegative() || retention.isZero()
                || iteratorLifetime.isNegative() || iteratorLifetime.isZero()) {
            throw new IllegalArgumentException("durations are positive");
        }
    }

    /** The service's behaviour, with a shard closing every 1,000 records as well as every four hours. */
    public static StreamSettings defaults(Clock clock, String region, String accountId) {
        return new StreamSettings(clock, region, accountId, 1000, Duration.ofHours(4), Duration.ofHours(24),
                Duration.ofMinutes(15));
    }

    public static StreamSettings defaults() {
        return defaults(Clock.systemUTC(), DEFAULT_REGION, DEFAULT_ACCOUNT);
    }

    public StreamSettings withShardMaxRecords(int records) {
        return new StreamSettings(clock, region, accountId, records, shardMaxAge, retention, iteratorLifetime);
    }

    public StreamSettings withShardMaxAge(Duration age) {
        return new StreamSettings(clock, region, accountId, shardMaxRecords, age, retention, iteratorLifetime);
    }
}
