package nhssm.report.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import nhssm.core.store.dynamodb.DynamoDbConnection;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.core.trust.TrustRegister;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

class ReportPrimingTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    @Test
    void beforeCheckpoint_shouldReadTheTableAndWriteNothing() {
        String table = DYNAMO.dynamo().newTable();
        var client = DYNAMO.dynamo().client();
        var before = client.scan(ScanRequest.builder().tableName(table).consistentRead(true).build()).items();

        ReportPriming.of(api(new DynamoDbSurveyStore(client, table), new DynamoDbTrustRecordStore(client, table)))
                .beforeCheckpoint(null);

        assertThat(client.scan(ScanRequest.builder().tableName(table).consistentRead(true).build()).items())
                .isEqualTo(before);
    }

    @Test
    void beforeCheckpoint_shouldReturnNormally_whenTheTableCannotBeReached() {
        var client = DynamoDbConnection.builder(Map.of())
                .endpointOverride(java.net.URI.create(LocalDynamoDbExtension.unreachableEndpoint()))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .build();

        var priming = ReportPriming.of(api(new DynamoDbSurveyStore(client, "SurveyTable"),
                new DynamoDbTrustRecordStore(client, "SurveyTable")));

        assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();
    }

    private static ReportApi api(DynamoDbSurveyStore tokens, DynamoDbTrustRecordStore records) {
        return new ReportApi(tokens, records, TrustRegister.bundled(), Clock.fixed(ReportFixture.AFTER_ROUND,
                ZoneOffset.UTC), Optional.empty(), "1", ReportApi.LAMBDA_RESPONSE_LIMIT);
    }
}
