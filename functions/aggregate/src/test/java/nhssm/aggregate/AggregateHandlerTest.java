package nhssm.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nhssm.core.reconcile.Provenance;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** The aggregate handler fed with real stream records from the DynamoDB engine, as Lambda delivers them. */
class AggregateHandlerTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private String table;
    private DynamoDbSurveyStore responses;
    private DynamoDbTrustRecordStore records;
    private AggregateHandler handler;
    private StreamRecords stream;

    @BeforeEach
    void freshTable() {
        table = DYNAMO.dynamo().newTable();
        responses = new DynamoDbSurveyStore(DYNAMO.dynamo().client(), table);
        records = new DynamoDbTrustRecordStore(DYNAMO.dynamo().client(), table);
        handler = new AggregateHandler(records);
        stream = new StreamRecords(DYNAMO.dynamo(), table);
    }

    @Test
    void insertModifyRemove_shouldEachLeaveTheRecordOfTheCurrentResponses() {
        StoredResponse official = submitted("RJ1", ResponseKind.OFFICIAL, Map.of("Q13", "STANDALONE"));
        deliver(stream.responses());
        assertThat(value("RJ1", "Q13")).isEqualTo(new Answer.Code("STANDALONE"));

        StoredResponse revised = official.revise(ResponseStatus.SUBMITTED, answers(Map.of("Q13", "NONE")), "2026.1", T0.plusSeconds(60));
        responses.replace(revised, 1);
        deliver(newSince(1));
        assertThat(value("RJ1", "Q13")).isEqualTo(new Answer.Code("NONE"));

        // A removal (an erasure by the census team; the API never deletes) is recomputed too.
        DYNAMO.dynamo().client().deleteItem(b -> b.tableName(table).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ROUND#2026#TRUST#RJ1"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("RESP#" + official.key().id()))));
        List<Record> removal = newSince(2);
        assertThat(removal).extracting(r -> r.eventNameAsString()).containsExactly("REMOVE");
        deliver(removal);
        assertThat(records.findRecord("2026", "RJ1").orElseThrow().record().responded()).isFalse();
    }

    @Test
    void sameBatchTwice_shouldChangeNothing() {
        submitted("RJ1", ResponseKind.INDIVIDUAL, Map.of("Q13", "STANDALONE"));
        submitted("RJ1", ResponseKind.INDIVIDUAL, Map.of("Q13", "STANDALONE"));
        DynamodbEvent batch = stream.event(stream.responses());

        handler.handleRequest(batch, null);
        var once = records.findRecord("2026", "RJ1").orElseThrow();
        handler.handleRequest(batch, null);

        // Not even rewritten: the item keeps its version, so the table is exactly as it was.
        assertThat(records.findRecord("2026", "RJ1").orElseThrow()).isEqualTo(once);
        assertThat(once.record().value("Q13").orElseThrow().provenance()).isEqualTo(Provenance.MAJORITY);
    }

    @Test
    void batchesOutOfOrder_shouldEndWithTheRecordsOfARecomputationFromScratch() {
        submitted("RJ1", ResponseKind.OFFICIAL, Map.of("Q13", "STANDALONE"));
        submitted("RYJ", ResponseKind.INDIVIDUAL, Map.of("Q13", "NONE"));
        submitted("RJ1", ResponseKind.INDIVIDUAL, Map.of("Q13", "IN_DEVELOPMENT"));
        submitted("RYJ", ResponseKind.INDIVIDUAL, Map.of("Q13", "NONE"));
        List<Record> all = stream.responses();

        // Later batches first, then the earliest: each recomputes from what is stored now.
        deliver(all.subList(2, 4));
        deliver(all.subList(0, 2));

        for (String ods : List.of("RJ1", "RYJ")) {
            TrustRecord fromScratch = Reconciliation.reconcile(SurveyDefinitions.forRound("2026").orElseThrow(),
                    "2026", ods, records.responsesOf("2026", ods), TrustRecomputation.watermark(records.responsesOf("2026", ods)));
            assertThat(records.findRecord("2026", ods).orElseThrow().record()).isEqualTo(fromScratch);
        }
    }

    @Test
    void unusableRecord_shouldBeReportedAloneWhileTheRestOfItsBatchIsApplied() {
        submitted("RJ1", ResponseKind.OFFICIAL, Map.of("Q13", "STANDALONE"));
        DynamodbEvent event = stream.event(stream.responses());
        DynamodbEvent.DynamodbStreamRecord broken = brokenCopyOf(event.getRecords().get(0), "999");
        List<DynamodbEvent.DynamodbStreamRecord> withBroken = new ArrayList<>(event.getRecords());
        withBroken.add(0, broken);
        event.setRecords(withBroken);

        StreamsEventResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("999");
        assertThat(value("RJ1", "Q13")).isEqualTo(new Answer.Code("STANDALONE"));
    }

    @Test
    void storeUnavailable_shouldReportEveryRecordOfTheTrust() {
        submitted("RJ1", ResponseKind.OFFICIAL, Map.of("Q13", "STANDALONE"));
        DynamodbEvent event = stream.event(stream.responses());
        AggregateHandler noTable = new AggregateHandler(
                new DynamoDbTrustRecordStore(DYNAMO.dynamo().client(), "no-such-table"));

        StreamsEventResponse response = noTable.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyElementsOf(event.getRecords().stream().map(r -> r.getDynamodb().getSequenceNumber()).toList());
    }

    private void deliver(List<Record> batch) {
        StreamsEventResponse response = handler.handleRequest(stream.event(batch), null);
        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    /** The response records after the first {@code seen} of them. */
    private List<Record> newSince(int seen) {
        List<Record> all = stream.responses();
        return all.subList(seen, all.size());
    }

    private Answer value(String ods, String question) {
        var value = records.findRecord("2026", ods).orElseThrow().record().value(question).orElseThrow();
        return switch (value) {
            case nhssm.core.reconcile.Reconciled.FromOfficial o -> o.answer();
            case nhssm.core.reconcile.Reconciled.ByMajority m -> m.answer();
            case nhssm.core.reconcile.Reconciled.ByMedian m -> m.answer();
            case nhssm.core.reconcile.Reconciled.Conflict c -> throw new AssertionError("conflict: " + c);
        };
    }

    private StoredResponse submitted(String ods, ResponseKind kind, Map<String, String> codes) {
        StoredResponse response = new StoredResponse(new ResponseKey("2026", ods, UUID.randomUUID().toString()), kind,
                ResponseStatus.SUBMITTED, 1, "2026.1", answers(codes), T0, T0, T0);
        responses.create(response, Optional.empty());
        return response;
    }

    private static Answers answers(Map<String, String> codes) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        codes.forEach((q, code) -> answers.put(q, new Answer.Code(code)));
        return new Answers(answers);
    }

    private static DynamodbEvent.DynamodbStreamRecord brokenCopyOf(DynamodbEvent.DynamodbStreamRecord record, String sequence) {
        DynamodbEvent.DynamodbStreamRecord broken = new DynamodbEvent.DynamodbStreamRecord();
        broken.setEventName(record.getEventName());
        var dynamodb = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord();
        dynamodb.setSequenceNumber(sequence);
        dynamodb.setKeys(Map.of("pk", new AttributeValue().withS("not a trust partition"), "sk", new AttributeValue().withS("RESP#x")));
        broken.setDynamodb(dynamodb);
        return broken;
    }
}
