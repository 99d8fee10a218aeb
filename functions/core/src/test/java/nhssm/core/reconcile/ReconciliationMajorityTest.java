package nhssm.core.reconcile;

import static nhssm.core.reconcile.Fixtures.code;
import static nhssm.core.reconcile.Fixtures.codes;
import static nhssm.core.reconcile.Fixtures.individual;
import static nhssm.core.reconcile.Fixtures.reconcile;
import static nhssm.core.reconcile.Fixtures.surveyAskingEveryone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nhssm.core.reconcile.Reconciled.ByMajority;
import nhssm.core.reconcile.Reconciled.Conflict;
import nhssm.core.store.StoredResponse;
import org.junit.jupiter.api.Test;

/** Rule 2 for codes: single choice and yes/no by majority or CONFLICT; multiple choice option by option. */
class ReconciliationMajorityTest {

    @Test
    void reconcile_shouldTakeTheMajorityCode_whenMoreThanHalfOfIndividualsGaveIt() {
        // Arrange: Q13 from five individuals: STANDALONE ×3, NONE ×1, DONT_KNOW ×1.
        TrustRecord record = reconcile(
                individual("i1", 1).code("Q13", "STANDALONE").build(),
                individual("i2", 2).code("Q13", "NONE").build(),
                individual("i3", 3).code("Q13", "STANDALONE").build(),
                individual("i4", 4).code("Q13", "DONT_KNOW").build(),
                individual("i5", 5).code("Q13", "STANDALONE").build());

        // Act
        Reconciled q13 = record.values().get("Q13");

        // Assert: 3 of 5 is more than 2.5.
        assertThat(q13).isEqualTo(new ByMajority(code("STANDALONE"), 5));
        assertThat(q13.provenance()).isEqualTo(Provenance.MAJORITY);
    }

    @Test
    void reconcile_shouldRecordAConflictWithTheSplit_whenTwoCodesTie() {
        // Arrange: Q10 from four individuals: DAILY ×2, WEEKLY ×2.
        TrustRecord record = reconcile(
                individual("i1", 1).code("Q10", "DAILY").build(),
                individual("i2", 2).code("Q10", "WEEKLY").build(),
                individual("i3", 3).code("Q10", "WEEKLY").build(),
                individual("i4", 4).code("Q10", "DAILY").build());

        // Act
        Reconciled q10 = record.values().get("Q10");

        // Assert: 2 of 4 is exactly half, not more.
        assertThat(q10).isEqualTo(new Conflict(Map.of("DAILY", 2, "WEEKLY", 2), 4));
        assertThat(q10.provenance()).isEqualTo(Provenance.CONFLICT);
    }

    @Test
    void reconcile_shouldRecordAConflict_whenAYesNoQuestionSplitsTwoTwo() {
        // Arrange: Q05 is a yes/no question (asked of everyone in this variant of the definition).
        StoredResponse[] responses = {
            individual("i1", 1).code("Q05", "YES").build(),
            individual("i2", 2).code("Q05", "NO").build(),
            individual("i3", 3).code("Q05", "NO").build(),
            individual("i4", 4).code("Q05", "YES").build(),
        };

        // Act
        TrustRecord record = reconcile(surveyAskingEveryone("Q05"), responses);

        // Assert
        assertThat(record.values().get("Q05")).isEqualTo(new Conflict(Map.of("YES", 2, "NO", 2), 4));
    }

    @Test
    void reconcile_shouldRecordAConflict_whenAYesNoDontKnowQuestionSplitsTwoTwo() {
        // Arrange: Q19 (YES / NO / DONT_KNOW) from four individuals: YES ×2, NO ×2.
        TrustRecord record = reconcile(
                individual("i1", 1).code("Q19", "YES").build(),
                individual("i2", 2).code("Q19", "NO").build(),
                individual("i3", 3).code("Q19", "YES").build(),
                individual("i4", 4).code("Q19", "NO").build());

        // Act
        Reconciled q19 = record.values().get("Q19");

        // Assert
        assertThat(q19).isEqualTo(new Conflict(Map.of("YES", 2, "NO", 2), 4));
    }

    @Test
    void reconcile_shouldRecordAConflict_whenTheLargestShareIsNoMajority() {
        // Arrange: Q11 from five individuals split 2 / 2 / 1, and Q17 from four split 2 / 1 / 1.
        TrustRecord record = reconcile(
                individual("i1", 1).code("Q11", "RESPOND_CASE_BY_CASE").code("Q17", "ALL_STAFF").build(),
                individual("i2", 2).code("Q11", "RESPOND_CASE_BY_CASE").code("Q17", "ALL_STAFF").build(),
                individual("i3", 3).code("Q11", "REDIRECT_PALS_ONLY").code("Q17", "BLOCKED").build(),
                individual("i4", 4).code("Q11", "REDIRECT_PALS_ONLY").code("Q17", "DONT_KNOW").build(),
                individual("i5", 5).code("Q11", "NO_RESPONSE").build());

        // Act
        Map<String, Reconciled> values = record.values();

        // Assert: the most common answer is not enough; 2 of 5 and 2 of 4 are not more than half.
        assertThat(values.get("Q11")).isEqualTo(new Conflict(
                Map.of("RESPOND_CASE_BY_CASE", 2, "REDIRECT_PALS_ONLY", 2, "NO_RESPONSE", 1), 5));
        assertThat(values.get("Q17")).isEqualTo(new Conflict(Map.of("ALL_STAFF", 2, "BLOCKED", 1, "DONT_KNOW", 1), 4));
    }

    @Test
    void reconcile_shouldCountDontKnowLikeAnyOtherCode_whenTakingTheMajority() {
        // Arrange
        // Q08: DONT_KNOW ×3, YES ×2 → DONT_KNOW is the majority (3 of 5).
        // Q19: YES ×3, DONT_KNOW ×2 → YES (3 of 5); the DONT_KNOWs still count in the 5.
        // Q23: AD_HOC ×2, DONT_KNOW ×2 → no majority: DONT_KNOW is half the split.
        TrustRecord record = reconcile(
                individual("i1", 1).code("Q08", "DONT_KNOW").code("Q19", "YES").code("Q23", "AD_HOC").build(),
                individual("i2", 2).code("Q08", "DONT_KNOW").code("Q19", "DONT_KNOW").code("Q23", "DONT_KNOW").build(),
                individual("i3", 3).code("Q08", "YES").code("Q19", "YES").code("Q23", "AD_HOC").build(),
                individual("i4", 4).code("Q08", "DONT_KNOW").code("Q19", "DONT_KNOW").code("Q23", "DONT_KNOW").build(),
                individual("i5", 5).code("Q08", "YES").code("Q19", "YES").build());

        // Act
        Map<String, Reconciled> values = record.values();

        // Assert
        assertThat(values.get("Q08")).isEqualTo(new ByMajority(code("DONT_KNOW"), 5));
        assertThat(values.get("Q19")).isEqualTo(new ByMajority(code("YES"), 5));
        assertThat(values.get("Q23")).isEqualTo(new Conflict(Map.of("AD_HOC", 2, "DONT_KNOW", 2), 4));
    }

    @Test
    void reconcile_shouldTakeTheOnlyAnswer_whenOneIndividualAnswered() {
        // Arrange
        TrustRecord record = reconcile(individual("i1", 1).code("Q12", "H24_7").build());

        // Act
        Reconciled q12 = record.values().get("Q12");

        // Assert: 1 of 1 is more than half; `answering` lets a report say so.
        assertThat(q12).isEqualTo(new ByMajority(code("H24_7"), 1));
    }

    @Test
    void reconcile_shouldKeepEachOptionChosenByMoreThanHalf_whenReconcilingMultipleChoice() {
        // Arrange: Q06 from four individuals (i5 did not answer it, so it is not in the denominator).
        //   X_TWITTER 3 of 4 (kept), FACEBOOK 3 of 4 (kept), LINKEDIN 2 of 4 (exactly half: not kept),
        //   INSTAGRAM 2 of 4 (not kept), YOUTUBE 1 of 4 (not kept).
        TrustRecord record = reconcile(
                individual("i1", 1).codes("Q06", "X_TWITTER", "FACEBOOK", "LINKEDIN").build(),
                individual("i2", 2).codes("Q06", "FACEBOOK", "INSTAGRAM").build(),
                individual("i3", 3).codes("Q06", "X_TWITTER", "INSTAGRAM", "YOUTUBE").build(),
                individual("i4", 4).codes("Q06", "X_TWITTER", "FACEBOOK", "LINKEDIN").build(),
                individual("i5", 5).code("Q08", "YES").build());

        // Act
        Reconciled q06 = record.values().get("Q06");

        // Assert: in definition order.
        assertThat(q06).isEqualTo(new ByMajority(codes("X_TWITTER", "FACEBOOK"), 4));
    }

    @Test
    void reconcile_shouldKeepNoOption_whenNoOptionIsChosenByMoreThanHalf() {
        // Arrange: Q09 from three individuals, each option chosen at most once.
        TrustRecord record = reconcile(
                individual("i1", 1).codes("Q09", "NEWS").build(),
                individual("i2", 2).codes("Q09", "RECRUITMENT").build(),
                individual("i3", 3).codes("Q09", "FUNDRAISING_CHARITY").build());

        // Act
        Reconciled q09 = record.values().get("Q09");

        // Assert: a value with no options, not a missing value: three individuals did answer.
        assertThat(q09).isEqualTo(new ByMajority(codes(), 3));
    }

    @Test
    void reconcile_shouldKeepMoreOptionsThanOneRespondentMayChoose_whenEachHasAMajority() {
        // Arrange: Q35 allows at most 3 barriers. Five individuals:
        //   STAFF_TIME 4 of 5, SKILLS 4 of 5, BUDGET 4 of 5, IT_BLOCKING 3 of 5 — all more than 2.5.
        TrustRecord record = reconcile(
                individual("i1", 1).codes("Q35", "STAFF_TIME", "SKILLS", "BUDGET").build(),
                individual("i2", 2).codes("Q35", "STAFF_TIME", "SKILLS", "IT_BLOCKING").build(),
                individual("i3", 3).codes("Q35", "STAFF_TIME", "IT_BLOCKING", "BUDGET").build(),
                individual("i4", 4).codes("Q35", "SKILLS", "IT_BLOCKING", "BUDGET").build(),
                individual("i5", 5).codes("Q35", "STAFF_TIME", "SKILLS", "BUDGET").build());

        // Act
        Reconciled q35 = record.values().get("Q35");

        // Assert: four options, kept as they are (docs/METHODOLOGY.md says why).
        assertThat(q35).isEqualTo(new ByMajority(codes("STAFF_TIME", "SKILLS", "IT_BLOCKING", "BUDGET"), 5));
    }

    @Test
    void reconcile_shouldLeaveAQuestionOut_whenNobodyAnsweredIt() {
        // Arrange
        TrustRecord record = reconcile(individual("i1", 1).code("Q08", "YES").build());

        // Act
        var q13 = record.value("Q13");

        // Assert
        assertThat(q13).isEmpty();
    }
}
