package nhssm.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nhssm.local.dynamodb.TemplateTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateReaderTest {

    private static final String HASH = "ab".repeat(32);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void read_shouldReadTheProjectsTemplate() {
        Path template = TemplateTable.locateTemplate();

        SamTemplate sam = TemplateReader.read(template, Map.of("SurveyTable", "local-survey", "AdminTokenSha256", HASH));

        assertThat(sam.tableLogicalIds()).containsExactly("SurveyTable");
        assertThat(TemplateReader.tableLogicalIds(template)).containsExactly("SurveyTable");
        FunctionDefinition collect = sam.function("CollectFunction").orElseThrow();
        assertThat(collect.handler()).isEqualTo("nhssm.collect.CollectHandler::handleRequest");
        assertThat(collect.handlerClass()).isEqualTo("nhssm.collect.CollectHandler");
        assertThat(collect.runtime()).isEqualTo("java21");
        assertThat(collect.timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(collect.memoryMb()).isEqualTo(1024);
        assertThat(collect.environment()).isEqualTo(Map.of("TABLE_NAME", "local-survey", "ADMIN_TOKEN_SHA256", HASH));
        assertThat(collect.routes()).contains(
                new HttpRoute("GET", "/api/rounds/{round}/definition"),
                new HttpRoute("POST", "/api/rounds/{round}/responses"),
                new HttpRoute("PUT", "/api/rounds/{round}/responses/{id}"),
                new HttpRoute("GET", "/survey/{round}"),
                new HttpRoute("POST", "/survey/{round}"),
                new HttpRoute("GET", "/survey/{round}/receipt"));
        assertThat(collect.routes()).allSatisfy(r -> assertThat(r.path()).matches("/(api|survey)/.*"));
        assertThat(sam.routes()).containsEntry(new HttpRoute("GET", "/api/rounds/{round}/definition"), collect);
        assertThat(collect.streams()).isEmpty();
    }

    @Test
    void read_shouldNameTheReference_whenARefHasNoValue() {
        assertThatThrownBy(() -> TemplateReader.read(TemplateTable.locateTemplate(), Map.of("SurveyTable", "t")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("CollectFunction Environment.Variables.ADMIN_TOKEN_SHA256")
                .hasMessageContaining("!Ref AdminTokenSha256 has no value")
                .hasMessageContaining("read from SSM Parameter Store, /nhssm/admin-token-sha256, at deploy time");
        assertThatThrownBy(() -> TemplateReader.read(TemplateTable.locateTemplate(), Map.of("AdminTokenSha256", HASH)))
                .hasMessageContaining("!Ref SurveyTable has no value (pass the local name of the table SurveyTable)");
    }

    @Test
    void read_shouldMergeGlobalsAndReadAStreamEventWithItsFilter() throws IOException {
        Path template = write("""
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage:
                    Type: String
                    Default: dev
                Globals:
                  Function:
                    Runtime: java21
                    Timeout: 30
                    MemorySize: 512
                    Environment:
                      Variables:
                        SHARED: from-globals
                        OVERRIDDEN: from-globals
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties: {}
                  Aggregate:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: nhssm.aggregate.AggregateHandler::handleRequest
                      MemorySize: 256
                      Environment:
                        Variables:
                          OVERRIDDEN: from-function
                          TABLE_NAME: !Ref Table
                          STAGE: !Ref Stage
                          PREFIXED: !Sub "${Stage}-${Table}-${!Literal}"
                          COUNT: 3
                      Events:
                        Responses:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt Table.StreamArn
                            StartingPosition: TRIM_HORIZON
                            BatchSize: 10
                            MaximumBatchingWindowInSeconds: 1
                            MaximumRetryAttempts: 3
                            BisectBatchOnFunctionError: true
                            FunctionResponseTypes:
                              - ReportBatchItemFailures
                            FilterCriteria:
                              Filters:
                                - Pattern: '{"dynamodb": {"Keys": {"sk": {"S": [{"prefix": "RESP#"}]}}}}'
                                - Pattern: '{"eventName": ["REMOVE"]}'
                        Disabled:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt Table.StreamArn
                            StartingPosition: LATEST
                            Enabled: false
                        Nightly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 day)
                  Report:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: nhssm.report.ReportHandler
                      Events:
                        Pdf:
                          Type: HttpApi
                          Properties:
                            Method: get
                            Path: /reports/{round}/national.pdf
                        Everything:
                          Type: DynamoDB
                          Properties:
                            Stream:
                              Fn::GetAtt: [Table, StreamArn]
                            StartingPosition: LATEST
                """);

        SamTemplate sam = TemplateReader.read(template, Map.of("Table", "local-table"));

        FunctionDefinition aggregate = sam.function("Aggregate").orElseThrow();
        assertThat(aggregate.runtime()).isEqualTo("java21");
        assertThat(aggregate.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(aggregate.memoryMb()).isEqualTo(256);
        assertThat(aggregate.environment()).isEqualTo(Map.of(
                "SHARED", "from-globals", "OVERRIDDEN", "from-function", "TABLE_NAME", "local-table", "STAGE", "dev",
                "PREFIXED", "dev-local-table-${Literal}", "COUNT", "3"));
        assertThat(aggregate.routes()).isEmpty();
        assertThat(aggregate.streams()).containsExactly(new StreamSource("Responses", "Table", 10, "TRIM_HORIZON",
                Duration.ofSeconds(1),
                List.of(JSON.readTree("{\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"prefix\":\"RESP#\"}]}}}}"),
                        JSON.readTree("{\"eventName\":[\"REMOVE\"]}")),
                true, 3, true));

        FunctionDefinition report = sam.function("Report").orElseThrow();
        assertThat(report.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(report.memoryMb()).isEqualTo(512);
        assertThat(report.environment()).isEqualTo(Map.of("SHARED", "from-globals", "OVERRIDDEN", "from-globals"));
        assertThat(report.routes()).containsExactly(new HttpRoute("GET", "/reports/{round}/national.pdf"));
        assertThat(report.streams()).containsExactly(new StreamSource("Everything", "Table", 100, "LATEST",
                Duration.ZERO, List.of(), false, -1, false));
        assertThat(sam.tableLogicalIds()).containsExactly("Table");
    }

    @Test
    void read_shouldApplySamDefaults_withoutGlobals() throws IOException {
        Path template = write("""
                Resources:
                  Plain:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                """);

        FunctionDefinition plain = TemplateReader.read(template, Map.of()).functions().get(0);

        assertThat(plain.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(plain.memoryMb()).isEqualTo(128);
        assertThat(plain.environment()).isEmpty();
    }

    @Test
    void read_shouldRefuseWhatCannotRunLocally_namingWhere() throws IOException {
        assertThatThrownBy(() -> read(function("""
                      Events:
                        S:
                          Type: DynamoDB
                          Properties:
                            Stream: arn:aws:dynamodb:eu-west-2:1:table/t/stream/x
                            StartingPosition: LATEST
                """))).hasMessageContaining("F Events.S Stream must be !GetAtt <Table>.StreamArn");
        assertThatThrownBy(() -> read(function("""
                      Events:
                        S:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt Table.StreamArn
                            StartingPosition: LATEST
                            FilterCriteria:
                              Filters:
                                - Pattern: '{"eventName": ['
                """))).hasMessageContaining("F Events.S FilterCriteria.Filters[0].Pattern is not valid JSON");
        assertThatThrownBy(() -> read(function("""
                      Environment:
                        Variables:
                          ARN: !GetAtt Table.Arn
                """))).hasMessageContaining("F Environment.Variables.ARN uses GetAtt, which cannot be resolved locally");
        assertThatThrownBy(() -> read(function("""
                      Environment:
                        Variables:
                          X: !Ref Nowhere
                """))).hasMessageContaining("!Ref Nowhere has no value (there is no parameter or resource Nowhere");
        assertThatThrownBy(() -> read(function("""
                      Timeout: 901
                """))).hasMessageContaining("F Timeout is 901 s");
    }

    private SamTemplate read(Path template) {
        return TemplateReader.read(template, Map.of("Table", "t"));
    }

    private Path function(String properties) throws IOException {
        return write("""
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                """ + properties);
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "template", ".yaml"), yaml);
    }
}
