package nhssm.local.dynamodb.conformance;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import nhssm.local.dynamodb.engine.DynamoDbEngine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One in-memory engine per test class, with the unchanged SDK clients pointed at it over loopback.
 * Each test takes its own {@link #newTableName()}, so tests never see each other's items.
 *
 * <pre>{@code @RegisterExtension static final EngineExtension ENGINE = new EngineExtension();}</pre>
 */
public final class EngineExtension implements BeforeAllCallback, AfterAllCallback {

    /** The region the clients sign for; stream records and ARNs name it. */
    public static final Region REGION = Region.EU_WEST_2;

    private static final AtomicInteger TABLES = new AtomicInteger();

    private DynamoDbEngine engine;
    private DynamoDbClient dynamo;
    private DynamoDbStreamsClient streams;

    @Override
    public void beforeAll(ExtensionContext context) {
        engine = DynamoDbEngine.startInMemory();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("conformance", "conformance"));
        // No retries: each test sees the service's first answer, and a refusal is not repeated.
        dynamo = client(engine.endpoint(), credentials);
        streams = DynamoDbStreamsClient.builder()
                .endpointOverride(engine.endpoint())
                .region(REGION)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (dynamo != null) {
                dynamo.close();
            }
            if (streams != null) {
                streams.close();
            }
        } finally {
            if (engine != null) {
                engine.close();
            }
            engine = null;
            dynamo = null;
            streams = null;
        }
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public DynamoDbStreamsClient streams() {
        return streams;
    }

    public URI endpoint() {
        return engine.endpoint();
    }

    /** A table name no other test uses (3 to 255 characters of {@code [a-zA-Z0-9_.-]}). */
    /** An SDK client of the engine at {@code endpoint}: no retries, so every answer is the engine's first. */
    public static DynamoDbClient client(URI endpoint, StaticCredentialsProvider credentials) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    public static String newTableName() {
        return "conformance-" + TABLES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
