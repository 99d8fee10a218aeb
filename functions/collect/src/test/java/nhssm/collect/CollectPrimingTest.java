package nhssm.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import nhssm.core.store.dynamodb.DynamoDbConnection;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.token.TokenHash;
import nhssm.core.trust.TrustRegister;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CollectPrimingTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    @Test
    void beforeCheckpoint_shouldWriteNothing_whenTheTableIsReachable() {
        CollectFixture fx = new CollectFixture(DYNAMO.dynamo());
        fx.token("RJ1", nhssm.core.token.Scope.LEAD);
        var before = fx.items();
        CollectApi api = new CollectApi(fx.store, TrustRegister.bundled(), Clock.fixed(fx.now, ZoneOffset.UTC),
                new SecureRandom(), Optional.of(TokenHash.of(CollectFixture.ADMIN_TOKEN)));

        CollectPriming.of(api).beforeCheckpoint(null);

        assertThat(fx.items()).isEqualTo(before);
    }

    @Test
    void beforeCheckpoint_shouldReturnNormally_whenTheTableCannotBeReached() {
        var client = DynamoDbConnection.builder(Map.of())
                .endpointOverride(java.net.URI.create(LocalDynamoDbExtension.unreachableEndpoint()))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .build();
        CollectApi api = new CollectApi(new DynamoDbSurveyStore(client, "SurveyTable"), TrustRegister.bundled(),
                Clock.fixed(CollectFixture.DURING_ROUND, ZoneOffset.UTC), new SecureRandom(), Optional.empty());

        CollectPriming.of(api).beforeCheckpoint(null);

        // Still serves requests afterwards: the definition needs no table.
        assertThat(new CollectHandler(api).handleRequest(nhssm.http.testing.HttpApiEvent.request("GET",
                "/api/rounds/{round}/definition", "/api/rounds/2026/definition").build(), null).getStatusCode())
                .isEqualTo(200);
    }
}
