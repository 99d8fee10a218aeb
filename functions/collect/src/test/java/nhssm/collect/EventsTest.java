package nhssm.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoredResponse;
import nhssm.core.token.Scope;
import nhssm.http.testing.EventFiles;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import nhssm.local.dynamodb.TemplateTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in events/ (the ones for {@code sam local invoke -e}), loaded as the Lambda runtime
 * deserializes it and sent to the handler on a table holding the tokens and response they name.
 */
class EventsTest {

    /** The tokens written into the event files; never valid anywhere but a test or local table. */
    static final String LEAD_TOKEN = "events-lead-token-RJ1-2026-do-not-use-in-production";
    static final String STAFF_TOKEN = "events-staff-token-RJ1-2026-do-not-use-in-production";
    static final String ADMIN_TOKEN = "events-admin-token-do-not-use-in-production";
    static final String RESPONSE_ID = "6f1c2a9e-3b7d-4c55-9e2a-0d4b8c7f1a23";


    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

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
        CollectFixture fx = new CollectFixture(DYNAMO.dynamo(), CollectFixture.DURING_ROUND, ADMIN_TOKEN);
        fx.grant(LEAD_TOKEN, "RJ1", Scope.LEAD);
        fx.grant(STAFF_TOKEN, "RJ1", Scope.STAFF);
        if (file.startsWith("response-") || file.startsWith("survey-receipt")) {
            // The receipt is of a submitted return; GET and PUT read and replace a draft.
            ResponseStatus status = file.startsWith("survey-receipt") ? ResponseStatus.SUBMITTED : ResponseStatus.DRAFT;
            Instant at = CollectFixture.DURING_ROUND.minusSeconds(3600);
            fx.store.create(StoredResponse.first(new ResponseKey("2026", "RJ1", RESPONSE_ID), ResponseKind.OFFICIAL,
                    status, "2026.1", Answers.NONE, at), Optional.empty());
        }
        APIGatewayV2HTTPEvent event = EventFiles.load(eventsDir(), file);

        APIGatewayV2HTTPResponse response = fx.send(event);

        assertThat(response.getStatusCode()).as(file + ": " + response.getBody())
                .isEqualTo(EventFiles.expectedStatuses(eventsDir()).get(file));
    }

    @Test
    void formEvent_shouldCarryABase64BodyAndLowerCaseHeaders_asHttpApiSendsIt() {
        APIGatewayV2HTTPEvent event = EventFiles.load(eventsDir(), "responses-post-form.json");

        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(event.getHeaders().keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
    }

    private static Path eventsDir() {
        return TemplateTable.locateTemplate().getParent().resolve("events");
    }
}
