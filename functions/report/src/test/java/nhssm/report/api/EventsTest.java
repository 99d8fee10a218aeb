package nhssm.report.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nhssm.core.token.Scope;
import nhssm.core.token.TokenGrant;
import nhssm.core.token.TokenHash;
import nhssm.http.testing.EventFiles;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import nhssm.local.dynamodb.TemplateTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in events/report/, loaded as the Lambda runtime deserializes it and sent to the handler on a
 * table holding RJ1's record (a submitted official return, not consenting to publication) and the lead
 * token the files name.
 */
class EventsTest {

    /** The lead token written into the event files; never valid anywhere but a test or local table. */
    static final String LEAD_TOKEN = "events-lead-token-RJ1-2026-do-not-use-in-production";


    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private static ReportFixture fx;

    @BeforeAll
    static void start() {
        fx = new ReportFixture(DYNAMO.dynamo());
        fx.store(TrustRecords.official("RJ1", "NO", 1));
        fx.tokens.saveToken(new TokenGrant(TokenHash.of(LEAD_TOKEN), "2026", "RJ1", Scope.LEAD,
                Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2027-12-31T00:00:00Z")));
    }

    static List<String> eventFiles() throws IOException {
        return EventFiles.names(eventsDir());
    }

    @Test
    void events_shouldEachHaveAnExpectedStatus_soNoneGoesUntested() throws IOException {
        assertThat(eventFiles())
                .containsExactlyInAnyOrderElementsOf(EventFiles.expectedStatuses(eventsDir()).keySet());
    }

    @ParameterizedTest
    @MethodSource("eventFiles")
    void handleRequest_shouldAnswerWithTheExpectedStatus_forEveryEventFile(String file) throws IOException {
        APIGatewayV2HTTPEvent event = EventFiles.load(eventsDir(), file);

        APIGatewayV2HTTPResponse response = fx.handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).as(file + ": " + response.getHeaders())
                .isEqualTo(EventFiles.expectedStatuses(eventsDir()).get(file));
        assertThat(response.getIsBase64Encoded()).as(file).isEqualTo(response.getStatusCode() == 200);
    }

    @Test
    void events_shouldBeShapedAsHttpApiSendsThem() throws IOException {
        for (String file : eventFiles()) {
            APIGatewayV2HTTPEvent event = EventFiles.load(eventsDir(), file);

            assertThat(event.getVersion()).isEqualTo("2.0");
            assertThat(event.getHeaders().keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
            assertThat(event.getRouteKey()).isEqualTo(event.getRequestContext().getRouteKey());
            assertThat(event.getRawPath()).isEqualTo(event.getRequestContext().getHttp().getPath())
                    .endsWith("/" + event.getPathParameters().get("file"));
        }
    }

    private static Path eventsDir() {
        return TemplateTable.locateTemplate().getParent().resolve("events").resolve("report");
    }
}
