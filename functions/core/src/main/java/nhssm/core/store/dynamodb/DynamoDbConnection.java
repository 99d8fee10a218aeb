package nhssm.core.store.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client a function uses, once per container, from its environment:
 * {@code AWS_REGION} (set by Lambda), and {@code DYNAMODB_ENDPOINT} to point at the DynamoDB engine.
 */
public final class DynamoDbConnection {

    /** Short enough that a request fails well inside the function's timeout when DynamoDB is unreachable. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);

    private DynamoDbConnection() {
    }

    public static DynamoDbClient fromEnvironment(Map<String, String> env) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .region(Region.of(env.getOrDefault("AWS_REGION", "eu-west-2")));
        Optional<String> endpoint = Optional.ofNullable(env.get("DYNAMODB_ENDPOINT")).filter(e -> !e.isBlank());
        if (endpoint.isPresent()) {
            builder.endpointOverride(URI.create(endpoint.get()));
            // The local DynamoDB engine accepts any credentials; a machine without AWS ones must still work.
            builder.credentialsProvider(env.containsKey("AWS_ACCESS_KEY_ID")
                    ? EnvironmentVariableCredentialsProvider.create()
                    : StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            // On Lambda the credentials are always in the environment: skip the default chain's probing.
            builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        }
        return builder.build();
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
