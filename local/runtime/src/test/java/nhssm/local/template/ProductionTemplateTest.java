package nhssm.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nhssm.core.store.dynamodb.DynamoDbConnection;
import nhssm.local.dynamodb.CloudFormationYaml;
import nhssm.local.dynamodb.TemplateTable;
import org.junit.jupiter.api.Test;

/** What template.yaml must keep for operations (docs/DEPLOY.md), read as the local runtime reads it. */
class ProductionTemplateTest {

    private static final java.nio.file.Path TEMPLATE = TemplateTable.locateTemplate();
    private static final JsonNode ROOT = CloudFormationYaml.read(TEMPLATE);
    private static final JsonNode RESOURCES = ROOT.path("Resources");

    private static SamTemplate template() {
        return TemplateReader.read(TEMPLATE, Map.of("SurveyTable", "SurveyTable", "AdminTokenSha256", "0".repeat(64)));
    }

    @Test
    void everyFunction_shouldHaveRoomForThreeDatabaseCallsThatTimeOut_insideItsTimeout() {
        Duration threeCalls = DynamoDbConnection.API_CALL_TIMEOUT.multipliedBy(3);
        assertThat(DynamoDbConnection.API_CALL_ATTEMPT_TIMEOUT).isLessThan(DynamoDbConnection.API_CALL_TIMEOUT);
        assertThat(template().functions()).allSatisfy(f ->
                assertThat(f.timeout()).as(f.logicalId()).isGreaterThanOrEqualTo(threeCalls));
    }

    @Test
    void everyFunction_shouldLogJsonWithLevels_toALogGroupWithARetention() {
        assertThat(template().functions()).allSatisfy(f -> {
            assertThat(f.snapStart()).as(f.logicalId()).isTrue();
            assertThat(f.logging().json()).as(f.logicalId()).isTrue();
            assertThat(f.logging().applicationLevel()).as(f.logicalId()).isPresent();
            assertThat(f.logging().systemLevel()).as(f.logicalId()).isPresent();
            String group = RESOURCES.path(f.logicalId()).path("Properties").path("LoggingConfig").path("LogGroup")
                    .path("Ref").asText();
            assertThat(RESOURCES.path(group).path("Type").asText()).as(f.logicalId()).isEqualTo("AWS::Logs::LogGroup");
            assertThat(RESOURCES.path(group).path("Properties").has("RetentionInDays")).as(group).isTrue();
        });
    }

    @Test
    void theAccessLog_shouldBeJson_withoutTheQueryString() throws Exception {
        JsonNode settings = RESOURCES.path("HttpApi").path("Properties").path("AccessLogSettings");
        String format = settings.path("Format").asText();

        JsonNode line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(format);
        assertThat(line.isObject()).isTrue();
        assertThat(format).contains("$context.requestId", "$context.routeKey", "$context.status")
                .doesNotContainIgnoringCase("query").doesNotContain("$request.", "$context.authorizer", "identity");
        String group = settings.path("DestinationArn").path("Fn::GetAtt").get(0).asText();
        assertThat(RESOURCES.path(group).path("Properties").has("RetentionInDays")).isTrue();
    }

    @Test
    void theAlarms_shouldCoverEveryFunction_theStream_theDeadLetterQueueAndTheApi_allToTheTopic() {
        List<String> watched = new ArrayList<>();
        for (Map.Entry<String, JsonNode> r : RESOURCES.properties()) {
            if (!r.getValue().path("Type").asText().equals("AWS::CloudWatch::Alarm")) {
                continue;
            }
            JsonNode p = r.getValue().path("Properties");
            assertThat(p.path("AlarmActions").get(0).path("Ref").asText()).as(r.getKey()).isEqualTo("AlarmTopicArn");
            assertThat(p.path("OKActions").get(0).path("Ref").asText()).as(r.getKey()).isEqualTo("AlarmTopicArn");
            JsonNode dimension = p.path("Dimensions").get(0).path("Value");
            String target = dimension.has("Ref") ? dimension.path("Ref").asText()
                    : dimension.path("Fn::GetAtt").get(0).asText();
            watched.add(p.path("MetricName").asText() + " " + target);
        }
        assertThat(watched).contains("Errors CollectFunction", "Throttles CollectFunction", "Errors ReportFunction",
                "Throttles ReportFunction", "Errors AggregateFunction", "Throttles AggregateFunction",
                "IteratorAge AggregateFunction", "ApproximateNumberOfMessagesVisible AggregateDeadLetterQueue",
                "5xx HttpApi");
        assertThat(ROOT.path("Parameters").path("AlarmTopicArn").path("Type").asText()).isEqualTo("String");
    }

    @Test
    void theStreamMapping_shouldGiveUpOnARecordInsideTheStreamsRetention_toAQueueThatKeepsIt() {
        JsonNode mapping = RESOURCES.path("AggregateFunction").path("Properties").path("Events")
                .path("ResponseChanges").path("Properties");
        int maxAge = mapping.path("MaximumRecordAgeInSeconds").asInt();
        assertThat(maxAge).isBetween(60, 24 * 3600 - 1);
        assertThat(RESOURCES.path("AggregateDeadLetterQueue").path("Properties").path("MessageRetentionPeriod").asInt())
                .isEqualTo(14 * 24 * 3600);
    }

    @Test
    void theAdminTokenHash_shouldComeFromParameterStore_andBeGivenLocally() {
        JsonNode parameter = ROOT.path("Parameters").path("AdminTokenSha256");
        assertThat(parameter.path("Type").asText()).isEqualTo("AWS::SSM::Parameter::Value<String>");
        assertThat(template().function("CollectFunction").orElseThrow().environment())
                .containsEntry("ADMIN_TOKEN_SHA256", "0".repeat(64));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> TemplateReader.read(TEMPLATE,
                Map.of("SurveyTable", "SurveyTable"))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("SSM Parameter Store")
                .hasMessageContaining("/nhssm/admin-token-sha256");
    }
}
