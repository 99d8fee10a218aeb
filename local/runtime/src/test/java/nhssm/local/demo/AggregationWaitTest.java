package nhssm.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nhssm.core.reconcile.Reconciliation;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answer;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoredResponse;
import nhssm.core.store.dynamodb.DynamoDbSurveyStore;
import nhssm.core.store.dynamodb.DynamoDbTrustRecordStore;
import nhssm.core.survey.SurveyDefinitions;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On the DynamoDB engine: the wait ends exactly when every trust's record covers all of its responses. */
class AggregationWaitTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    @Test
    void await_shouldReturnOnceEveryRecordCoversItsResponses_andSayHowFarItGotWhenTimeRunsOut() {
        String table = DYNAMO.dynamo().newTable();
        DynamoDbSurveyStore responses = new DynamoDbSurveyStore(DYNAMO.dynamo().client(), table);
        DynamoDbTrustRecordStore records = new DynamoDbTrustRecordStore(DYNAMO.dynamo().client(), table);
        StoredResponse first = submitted(responses, "RJ1");
        submitted(responses, "RJ1");
        submitted(responses, "RYJ");
        AggregationWait wait = new AggregationWait(records, "2026");

        Map<String, Long> targets = wait.targets(List.of("RJ1", "RYJ", "R0A"));
        assertThat(targets).containsExactly(Map.entry("RJ1", 2L), Map.entry("RYJ", 1L));

        // RJ1's record from its first response only: behind, as a record computed before the second arrived.
        records.putRecord(record(List.of(first), "RJ1"), 0);
        assertThatThrownBy(() -> wait.await(targets, Duration.ofSeconds(1), quiet()))
                .isInstanceOf(DemoFailedException.class)
                .hasMessage("aggregation did not finish within 1 s: 0 of 2 trusts have a record of all their responses;"
                        + " still waiting for RJ1, RYJ");

        records.putRecord(record(records.responsesOf("2026", "RJ1"), "RJ1"), 1);
        assertThatThrownBy(() -> wait.await(targets, Duration.ofSeconds(1), quiet()))
                .hasMessageContaining("1 of 2 trusts").hasMessageEndingWith("still waiting for RYJ");

        records.putRecord(record(records.responsesOf("2026", "RYJ"), "RYJ"), 0);
        assertThat(wait.await(targets, Duration.ofSeconds(1), quiet()))
                .extracting(TrustRecord::odsCode, TrustRecord::watermark)
                .containsExactlyInAnyOrder(tuple("RJ1", 2L), tuple("RYJ", 1L));
    }

    private static TrustRecord record(List<StoredResponse> responses, String ods) {
        return Reconciliation.reconcile(SurveyDefinitions.forRound("2026").orElseThrow(), "2026", ods, responses,
                responses.stream().mapToLong(StoredResponse::version).sum());
    }

    private static StoredResponse submitted(DynamoDbSurveyStore store, String ods) {
        StoredResponse response = new StoredResponse(new ResponseKey("2026", ods, UUID.randomUUID().toString()),
                ResponseKind.INDIVIDUAL, ResponseStatus.SUBMITTED, 1, "2026.1",
                new Answers(Map.of("Q13", new Answer.Code("STANDALONE"))), T0, T0, T0);
        store.create(response, Optional.empty());
        return response;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
