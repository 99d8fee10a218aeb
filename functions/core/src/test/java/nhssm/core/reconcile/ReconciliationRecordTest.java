package nhssm.core.reconcile;

import static nhssm.core.reconcile.Fixtures.ODS;
import static nhssm.core.reconcile.Fixtures.ROUND;
import static nhssm.core.reconcile.Fixtures.SURVEY_2026;
import static nhssm.core.reconcile.Fixtures.WATERMARK;
import static nhssm.core.reconcile.Fixtures.at;
import static nhssm.core.reconcile.Fixtures.code;
import static nhssm.core.reconcile.Fixtures.codes;
import static nhssm.core.reconcile.Fixtures.decimal;
import static nhssm.core.reconcile.Fixtures.individual;
import static nhssm.core.reconcile.Fixtures.official;
import static nhssm.core.reconcile.Fixtures.reconcile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nhssm.core.reconcile.Reconciled.ByMajority;
import nhssm.core.reconcile.Reconciled.ByMedian;
import nhssm.core.reconcile.Reconciled.FromOfficial;
import nhssm.core.response.Answer;
import nhssm.core.store.StoredResponse;
import org.junit.jupiter.api.Test;

/** The record as a whole: drafts, counts, the empty trust, order independence, and what is refused. */
class ReconciliationRecordTest {

    private static final TrustRecord NOT_RESPONDED = new TrustRecord(ROUND, ODS, "2026.1", null, 0, Map.of(),
            Map.of(), Map.of(), List.of(), null, WATERMARK);

    @Test
    void reconcile_shouldGiveAnEmptyRecord_whenTheTrustHasNoResponsesAtAll() {
        // Arrange
        List<StoredResponse> none = List.of();

        // Act
        TrustRecord record = Reconciliation.reconcile(SURVEY_2026, ROUND, ODS, none, WATERMARK);

        // Assert
        assertThat(record).isEqualTo(NOT_RESPONDED);
        assertThat(record.responded()).isFalse();
    }

    @Test
    void reconcile_shouldTreatTheTrustAsNotResponded_whenItHasOnlyDrafts() {
        // Arrange
        StoredResponse officialDraft = official("o1", 1).code("Q08", "YES").text("Q43", "draft").draft().build();
        StoredResponse individualDraft = individual("i1", 2).code("Q02", "CLINICIAN").point("Q37", 4).draft().build();

        // Act
        TrustRecord record = reconcile(officialDraft, individualDraft);

        // Assert: exactly the record of a trust with no responses.
        assertThat(record).isEqualTo(NOT_RESPONDED);
    }

    @Test
    void reconcile_shouldIgnoreDrafts_whenSubmittedResponsesExist() {
        // Arrange: two submitted NO and three drafts saying YES; the drafts would otherwise be a majority.
        TrustRecord record = reconcile(
                individual("i1", 1).code("Q19", "NO").build(),
                individual("i2", 2).code("Q19", "NO").build(),
                individual("d1", 3).code("Q19", "YES").draft().build(),
                individual("d2", 4).code("Q19", "YES").draft().build(),
                individual("d3", 99).code("Q19", "YES").draft().build());

        // Act
        Reconciled q19 = record.values().get("Q19");

        // Assert
        assertThat(q19).isEqualTo(new ByMajority(code("NO"), 2));
        assertThat(record.individualResponses()).isEqualTo(2);
        assertThat(record.lastResponseAt()).isEqualTo(at(2));
    }

    @Test
    void reconcile_shouldCountIndividualsAndTheirRoles_whenSeveralSubmitted() {
        // Arrange
        TrustRecord record = reconcile(
                official("o1", 40).code("Q02", "COMMS_DIRECTOR_HEAD").code("Q08", "YES").build(),
                individual("i1", 1).code("Q02", "CLINICIAN").code("Q42_CONSENT", "YES").build(),
                individual("i2", 2).code("Q02", "COMMS_DIGITAL_OFFICER").updatedAt(70).build(),
                individual("i3", 3).code("Q02", "CLINICIAN").build(),
                individual("i4", 4).code("Q02", "CEO").draft().updatedAt(80).build());

        // Act: the counts.
        int individuals = record.individualResponses();
        Map<String, Integer> roles = record.individualRoles();

        // Assert: the official lead's role is not an individual's; roles and consent are not trust values;
        // the last counted change is i2's resubmission at minute 70 (the draft at 80 does not count).
        assertThat(individuals).isEqualTo(3);
        assertThat(roles).containsOnly(entry("CLINICIAN", 2), entry("COMMS_DIGITAL_OFFICER", 1));
        assertThat(record.values()).containsOnlyKeys("Q08");
        assertThat(record.lastResponseAt()).isEqualTo(at(70));
        assertThat(record.officialSubmittedAt()).isEqualTo(at(40));
        assertThat(record.round()).isEqualTo(ROUND);
        assertThat(record.odsCode()).isEqualTo(ODS);
        assertThat(record.definitionVersion()).isEqualTo("2026.1");
        assertThat(record.watermark()).isEqualTo(WATERMARK);
    }

    @Test
    void reconcile_shouldGiveAnEqualRecord_whenTheSameResponsesArriveInAnyOrder() {
        // Arrange: a busy trust: two official returns, ties on the minute a response was started,
        // drafts, and every kind of question.
        List<StoredResponse> responses = List.of(
                official("o1", 10).code("Q02", "COMMS_DIRECTOR_HEAD").code("Q08", "YES").point("Q37", 3)
                        .text("Q43", "official").updatedAt(60).build(),
                official("o0", 10).code("Q08", "NO").text("Q43", "superseded").build(),
                individual("a", 5).code("Q02", "CLINICIAN").code("Q10", "DAILY").codes("Q06", "X_TWITTER")
                        .point("Q37", 4).point("Q18", 2).text("Q43", "a").build(),
                individual("b", 5).code("Q02", "CLINICIAN").code("Q10", "WEEKLY").codes("Q06", "X_TWITTER", "BLOG")
                        .point("Q37", 2).code("Q18", "DONT_KNOW").text("Q43", "b").text("Q42", "b example")
                        .code("Q42_CONSENT", "YES").build(),
                individual("c", 7).code("Q02", "HR_OD").code("Q10", "DAILY").codes("Q06", "BLOG")
                        .point("Q37", 5).point("Q18", 3).text("Q43", "c").build(),
                individual("d", 7).code("Q02", "OTHER").code("Q10", "WEEKLY").codes("Q06", "NONE")
                        .point("Q37", 1).point("Q18", 5).build(),
                individual("e", 8).code("Q02", "IT_IG").code("Q10", "DAILY").codes("Q06", "X_TWITTER", "BLOG")
                        .point("Q37", 4).point("Q18", 4).text("Q43", "e").build(),
                individual("f", 9).code("Q02", "CEO").code("Q10", "MULTI_DAILY").point("Q37", 2).draft().build());
        TrustRecord expected = Reconciliation.reconcile(SURVEY_2026, responses, WATERMARK);
        Random random = new Random(20261005L);

        for (int i = 0; i < 200; i++) {
            List<StoredResponse> shuffled = new ArrayList<>(responses);
            Collections.shuffle(shuffled, random);

            // Act
            TrustRecord record = Reconciliation.reconcile(SURVEY_2026, shuffled, WATERMARK);

            // Assert
            assertThat(record).isEqualTo(expected);
            assertThat(record.freeText()).isEqualTo(expected.freeText());
        }
        // The expected record itself, worked out: Q10 DAILY 3 of 5; Q06 X_TWITTER 3 of 5, BLOG 3 of 5;
        // Q37 from the official return (o1, resubmitted last); Q18 points 2, 3, 4, 5 → 3.5 of 4.
        assertThat(expected.values().get("Q10")).isEqualTo(new ByMajority(code("DAILY"), 5));
        assertThat(expected.values().get("Q06")).isEqualTo(new ByMajority(codes("X_TWITTER", "BLOG"), 5));
        assertThat(expected.values().get("Q37")).isEqualTo(new FromOfficial(new Answer.ScalePoint(3)));
        assertThat(expected.values().get("Q18")).isEqualTo(new ByMedian(decimal("3.5"), 4));
        assertThat(expected.freeText()).extracting(FreeText::text)
                .containsExactly("official", "a", "b example", "b", "c", "e");
    }

    @Test
    void reconcile_shouldCountTheHighestVersion_whenAResponseIsListedTwice() {
        // Arrange: version 1 said YES; version 2 (resubmitted at minute 30) says NO.
        StoredResponse v1 = individual("i1", 1).code("Q19", "YES").build();
        StoredResponse v2 = individual("i1", 1).code("Q19", "NO").updatedAt(30).build();

        // Act
        TrustRecord record = reconcile(v2, v1);

        // Assert
        assertThat(record.values().get("Q19")).isEqualTo(new ByMajority(code("NO"), 1));
        assertThat(record.individualResponses()).isEqualTo(1);
    }

    @Test
    void reconcile_shouldRefuse_whenResponsesBelongToDifferentTrusts() {
        // Arrange
        List<StoredResponse> mixed = List.of(
                individual("i1", 1).code("Q19", "YES").build(ODS),
                individual("i2", 2).code("Q19", "NO").build("RRK"));

        // Act / Assert
        assertThatThrownBy(() -> Reconciliation.reconcile(SURVEY_2026, mixed, WATERMARK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("i2 belongs to RRK");
    }

    @Test
    void reconcile_shouldRefuse_whenNoResponseNamesTheTrust() {
        // Arrange
        List<StoredResponse> none = List.of();

        // Act / Assert
        assertThatThrownBy(() -> Reconciliation.reconcile(SURVEY_2026, none, WATERMARK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("round and ODS code");
    }

    @Test
    void reconcile_shouldRefuse_whenTheDefinitionIsAnotherRounds() {
        // Arrange
        List<StoredResponse> none = List.of();

        // Act / Assert
        assertThatThrownBy(() -> Reconciliation.reconcile(SURVEY_2026, "2027", ODS, none, WATERMARK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("round 2026 cannot reconcile round 2027");
    }
}
