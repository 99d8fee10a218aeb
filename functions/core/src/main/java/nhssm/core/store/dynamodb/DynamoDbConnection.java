package nhssm.core.store.dynamodb;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client a function uses, once per container, as Lambda configures it: the region from
 * {@code AWS_REGION}, credentials from the SDK's default chain (environment keys on an on-demand function, the
 * container credentials endpoint under SnapStart), and the endpoint from the SDK's own configuration (on AWS the
 * regional one; {@code AWS_ENDPOINT_URL_DYNAMODB} where the local runtime points it at a local database).
 */
public final class DynamoDbConnection {

    /** Short enough that a request fails well inside the function's timeout when DynamoDB is unreachable. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(2);
    /** One HTTP attempt at most; DynamoDB answers in milliseconds when it answers. */
    public static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * One call with all its retries at most. The shortest function Timeout in template.yaml (15 s) leaves room for
     * three such calls in one request; a test holds every function's Timeout to that.
     */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(5);

    private DynamoDbConnection() {
    }

    /** The client a deployed function uses: the SDK's default credentials chain and endpoint resolution. */
    public static DynamoDbClient fromEnvironment(Map<String, String> env) {
        return builder(env).credentialsProvider(DefaultCredentialsProvider.builder().build()).build();
    }

    /**
     * The client's transport, timeouts and region, without credentials: tests that run a function's code in their
     * own JVM add a local endpoint and credentials of their own.
     */
    public static DynamoDbClientBuilder builder(Map<String, String> env) {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .build())
                .region(Region.of(env.getOrDefault("AWS_REGION", "eu-west-2")));
    }

    /** The table name from {@code TABLE_NAME}, which the template sets. */
    public static String tableName(Map<String, String> env) {
        String table = env.get("TABLE_NAME");
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("TABLE_NAME is not set: the function needs the name of its DynamoDB table");
        }
        return table;
    }
}
