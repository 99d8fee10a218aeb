package nhssm.local.dynamodb.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an engine is started: its port (0 for a free one), where it is durable (empty: in memory), the clock
 * (tests move time for TTL), how often expired items are swept in the background (empty: never, only when
 * {@link DynamoDbEngine#sweepExpiredItems()} is called; the service promises deletion only within days), and
 * the region its ARNs name.
 */
public record EngineOptions(int port, Optional<Path> dataDir, Clock clock, Optional<Duration> ttlInterval,
        String region) {

    public static final String DEFAULT_REGION = "eu-west-2";
    public static final Duration DEFAULT_TTL_INTERVAL = Duration.ofSeconds(1);

    public EngineOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (a free port) or 1-65535, not " + port);
        }
        Objects.requireNonNull(dataDir);
        Objects.requireNonNull(clock);
        ttlInterval.ifPresent(interval -> {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("the TTL sweep interval must be positive, not " + interval);
            }
        });
        Objects.requireNonNull(region);
    }

    /** In memory on a free port, the system clock, a sweep every second. */
    public static EngineOptions defaults() {
        return new EngineOptions(0, Optional.empty(), Clock.systemUTC(), Optional.of(DEFAULT_TTL_INTERVAL), DEFAULT_REGION);
    }

    public EngineOptions withPort(int newPort) {
        return new EngineOptions(newPort, dataDir, clock, ttlInterval, region);
    }

    public EngineOptions withDataDir(Optional<Path> newDataDir) {
        return new EngineOptions(port, newDataDir, clock, ttlInterval, region);
    }

    public EngineOptions withClock(Clock newClock) {
        return new EngineOptions(port, dataDir, newClock, ttlInterval, region);
    }

    public EngineOptions withTtlInterval(Duration newInterval) {
        return new EngineOptions(port, dataDir, clock, Optional.of(newInterval), region);
    }

    /** No background sweep: expired items stay until {@link DynamoDbEngine#sweepExpiredItems()}. */
    public EngineOptions withoutTtlSweep() {
        return new EngineOptions(port, dataDir, clock, Optional.empty(), region);
    }
}
