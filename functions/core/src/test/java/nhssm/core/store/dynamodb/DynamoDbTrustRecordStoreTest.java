package nhssm.core.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nhssm.core.reconcile.Distribution;
import nhssm.core.reconcile.FreeText;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.response.Answer;
import nhssm.core.response.Answers;
import nhssm.core.response.ResponseKind;
import nhssm.core.response.ResponseStatus;
import nhssm.core.store.ResponseKey;
import nhssm.core.store.StoredResponse;
import nhssm.local.dynamodb.LocalDynamoDbExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Trust records on the DynamoDB engine: the document round trip, optimistic versions and the round's index. */
class DynamoDbTrustRecordStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-03T12:00:00Z");

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = new LocalDynamoDbExtension();

    private DynamoDbTrustRecordStore store;
    private DynamoDbSurveyStore responses;

    @BeforeEach
    void freshTable() {
        String table = DYNAMO.dynamo().newTable();
        store = new DynamoDbTrustRecordStore(DYNAMO.dynamo().client(), table);
        responses = new DynamoDbSurveyStore(DYNAMO.dynamo().client(), table);
    }

    /** Every kind of value, including a median between scale points and text beyond the Basic Multilingual Plane. */
    private static TrustRecord everyKind(String round, String ods) {
        return new TrustRecord(round, ods, "2026.1", T0, 7, Map.of("CLINICIAN", 4, "OTHER", 3),
                Map.of("Q02", new Reconciled.FromOfficial(new Answer.Code("CEO")),
                        "Q06", new Reconciled.ByMajority(new Answer.Codes(List.of("X_TWITTER", "BLUESKY")), 7),
                        "Q09", new Reconciled.ByMajority(new Answer.Codes(List.of()), 5),
                        "Q07", new Reconciled.ByMedian(new Answer.WholeNumber(12), 3),
                        "Q30", new Reconciled.ByMedian(new Answer.DecimalNumber(new BigDecimal("1.25")), 4),
                        "Q18", new Reconciled.ByMedian(new Answer.DecimalNumber(new BigDecimal("3.5")), 6),
                        "Q37", new Reconciled.FromOfficial(new Answer.ScalePoint(4)),
                        "Q13", new Reconciled.Conflict(Map.of("STANDALONE", 2, "NONE", 2), 4)),
                Map.of("Q18", new Distribution(Map.of("3", 3, "4", 3, "DONT_KNOW", 1), 7)),
                List.of(new FreeText("Q42", ResponseKind.OFFICIAL, "Mae'r tîm yn wych — ŵ ŷ 👩‍⚕️💙", true),
                        new FreeText("Q43", ResponseKind.INDIVIDUAL, "line one\nline two", false)),
                T0.plusSeconds(3600), 9);
    }

    @Test
    void putAndFind_shouldGiveBackAnEqualRecord_forEveryKindOfValue() {
        TrustRecord record = everyKind("2026", "RJ1");

        assertThat(store.putRecord(record, 0)).isTrue();

        assertThat(store.findRecord("2026", "RJ1")).contains(new nhssm.core.store.TrustRecordStore.VersionedRecord(record, 1));
    }

    @Test
    void putRecord_shouldLeaveOutTheLongestIndividualCommentsAndCountThem_whenTheRecordWouldBeTooLargeForAnItem() {
        // 60 individuals each writing 1,500 emoji (4 bytes each in UTF-8): about 360 KB of text alone.
        List<FreeText> texts = new java.util.ArrayList<>();
        texts.add(new FreeText("Q42", ResponseKind.OFFICIAL, "official example 💙", true));
        for (int i = 0; i < 60; i++) {
            texts.add(new FreeText("Q42", ResponseKind.INDIVIDUAL, "💙".repeat(1500 - i), false));
        }
        TrustRecord big = new TrustRecord("2026", "RJ1", "2026.1", T0, 60, Map.of(), Map.of(), Map.of(), texts, T0, 60);

        assertThat(store.putRecord(big, 0)).isTrue();

        TrustRecord stored = store.findRecord("2026", "RJ1").orElseThrow().record();
        assertThat(stored.freeText()).first().extracting(FreeText::from).isEqualTo(ResponseKind.OFFICIAL);
        assertThat(stored.freeText().size()).isLessThan(61).isGreaterThan(40);
        int omitted = 61 - stored.freeText().size();
        // The longest were left out: what remains is the shorter end.
        assertThat(stored.freeText().stream().skip(1).mapToLong(t -> t.text().codePoints().count()).max().orElseThrow())
                .isEqualTo(1500 - omitted);
        assertThat(TrustRecordItem.toItem(big, 1).get("freeTextOmitted").n()).isEqualTo(Integer.toString(omitted));
    }

    @Test
    void encode_shouldGiveTheSameBytes_forEqualRecords() {
        assertThat(TrustRecordJson.encode(everyKind("2026", "RJ1"))).isEqualTo(TrustRecordJson.encode(everyKind("2026", "RJ1")));
    }

    @Test
    void putRecord_shouldWriteNothing_whenTheVersionReadIsNoLongerCurrent() {
        TrustRecord first = everyKind("2026", "RJ1");
        store.putRecord(first, 0);
        TrustRecord newer = new TrustRecord("2026", "RJ1", "2026.1", null, 1, Map.of(), Map.of(), Map.of(), List.of(), T0, 10);
        store.putRecord(newer, 1);

        boolean stale = store.putRecord(first, 1);
        boolean again = store.putRecord(first, 0);

        assertThat(stale).isFalse();
        assertThat(again).isFalse();
        assertThat(store.findRecord("2026", "RJ1").orElseThrow()).extracting(v -> v.record(), v -> v.version())
                .containsExactly(newer, 2L);
    }

    @Test
    void recordsOf_shouldReturnOneRecordPerTrustOfThatRoundOnly() {
        store.putRecord(everyKind("2026", "RJ1"), 0);
        store.putRecord(everyKind("2026", "RYJ"), 0);
        store.putRecord(everyKind("2025", "RX9"), 0);

        assertThat(store.recordsOf("2026")).extracting(TrustRecord::odsCode).containsExactlyInAnyOrder("RJ1", "RYJ");
    }

    @Test
    void responsesOf_shouldReturnCurrentResponsesOnly_notRevisionsOrClaims() {
        StoredResponse official = new StoredResponse(new ResponseKey("2026", "RJ1", UUID.randomUUID().toString()),
                ResponseKind.OFFICIAL, ResponseStatus.DRAFT, 1, "2026.1", Answers.NONE, T0, T0, null);
        responses.create(official, Optional.empty());
        responses.replace(official.revise(ResponseStatus.SUBMITTED, Answers.NONE, "2026.1", T0.plusSeconds(5)), 1);

        assertThat(store.responsesOf("2026", "RJ1")).singleElement()
                .satisfies(r -> assertThat(r.version()).isEqualTo(2));
        assertThat(store.responsesOf("2026", "RYJ")).isEmpty();
    }
}
