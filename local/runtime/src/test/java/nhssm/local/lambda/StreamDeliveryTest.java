package nhssm.local.lambda;

import static nhssm.local.lambda.TestFunctions.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nhssm.local.dynamodb.LocalDynamoDb;
import nhssm.local.stream.StreamPump;
import nhssm.local.template.FunctionDefinition;
import nhssm.local.template.SamTemplate;
import nhssm.local.template.StreamSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stream records through every real part: the DynamoDB engine's stream, the event source mapping, a child
 * JVM with the bootstrap, and a typed {@code RequestHandler<DynamodbEvent, StreamsEventResponse>}.
 */
class StreamDeliveryTest {

    @TempDir
    Path work;

    @Test
    void streamRecords_shouldReachATypedHandlerAndRetryFromTheFailedRecordOnly() throws IOException {
        Path records = work.resolve("records.txt");
        JsonNode responsesOnly = TestFunctions.json("{\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[{\"prefix\":\"RESP#\"}]}}}}");
        StreamSource source = new StreamSource("Stream", "SurveyTable", 10, "TRIM_HORIZON", Duration.ZERO,
                List.of(responsesOnly), true, -1, false);
        FunctionDefinition recorder = new FunctionDefinition("Recorder",
                TestFunctions.HANDLERS + "StreamRecorderHandler::handleRequest", "java21", Duration.ofSeconds(20), 256,
                Map.of("RECORD_FILE", records.toString(), "FAIL_ONCE_SK", "RESP#b"), List.of(), List.of(source));
        SamTemplate template = new SamTemplate(List.of(recorder), List.of("SurveyTable"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

        try (LocalDynamoDb dynamo = LocalDynamoDb.start();
                LocalFunctions functions = new LocalFunctions(template,
                        Map.of("Recorder", TestFunctions.artifact(work.resolve("artifact"))), Map.of(), 1, quiet, quiet)) {
            String table = dynamo.newTable();
            for (String sk : List.of("RESP#a", "TOKEN", "RESP#b", "RESP#c")) {
                dynamo.client().putItem(b -> b.tableName(table).item(Map.of(
                        "pk", AttributeValue.fromS("ROUND#2026#TRUST#RJ1"), "sk", AttributeValue.fromS(sk))));
            }
            try (StreamPump pump = StreamPump.start(template, Map.of("SurveyTable", table), dynamo.client(),
                    dynamo.streamsClient(), functions)) {
                await("every response record delivered, RESP#b twice", Duration.ofSeconds(60),
                        () -> lines(records).stream().filter(l -> l.equals("INSERT RESP#b")).count() == 2
                                && lines(records).getLast().equals("INSERT RESP#c"));
            }
        }

        List<String> delivered = lines(records);
        assertThat(Collections.frequency(delivered, "INSERT RESP#a")).as("before the failure: not redelivered").isEqualTo(1);
        assertThat(Collections.frequency(delivered, "INSERT RESP#b")).as("the failed record: retried once").isEqualTo(2);
        assertThat(delivered).as("filtered out by FilterCriteria").doesNotContain("INSERT TOKEN");
        assertThat(delivered.indexOf("INSERT RESP#a")).isLessThan(delivered.indexOf("INSERT RESP#b"));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of("");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
