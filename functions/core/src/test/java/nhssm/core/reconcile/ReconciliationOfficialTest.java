package nhssm.core.reconcile;

import static nhssm.core.reconcile.Fixtures.at;
import static nhssm.core.reconcile.Fixtures.code;
import static nhssm.core.reconcile.Fixtures.codes;
import static nhssm.core.reconcile.Fixtures.decimal;
import static nhssm.core.reconcile.Fixtures.individual;
import static nhssm.core.reconcile.Fixtures.official;
import static nhssm.core.reconcile.Fixtures.reconcile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import nhssm.core.reconcile.Reconciled.ByMajority;
import nhssm.core.reconcile.Reconciled.ByMedian;
import nhssm.core.reconcile.Reconciled.FromOfficial;
import nhssm.core.response.Answer;
import nhssm.core.store.StoredResponse;
import org.junit.jupiter.api.Test;

/** Rule 1: the latest submitted official return supplies every question it answered. */
class ReconciliationOfficialTest {

    @Test
    void reconcile_shouldTakeEveryAnsweredQuestionFromTheOfficialReturn_whenOnlyAnOfficialReturnWasSubmitted() {
        // Arrange
        StoredResponse official = official("o1", 10)
                .code("Q02", "COMMS_DIRECTOR_HEAD")
                .code("Q05", "YES")
                .codes("Q06", "X_TWITTER", "FACEBOOK")
                .whole("Q07", 23)
                .code("Q08", "DONT_KNOW")
                .point("Q15", 4)
                .code("Q18", "DONT_KNOW")
                .whole("Q21", 4)
                .whole("Q22", 12)
                .decimal("Q30", "2.5")
                .text("Q42", "Our vaccination videos reached new families.")
                .code("Q42_CONSENT", "YES")
                .code("Q44", "YES")
                .build();

        // Act
        TrustRecord record = reconcile(official);

        // Assert: every trust value as the return gave it; the lead's role, the text and its consent are
        // about the return, not values of the trust.
        assertThat(record.values()).containsOnly(
                entry("Q05", new FromOfficial(code("YES"))),
                entry("Q06", new FromOfficial(codes("X_TWITTER", "FACEBOOK"))),
                entry("Q07", new FromOfficial(new Answer.WholeNumber(23))),
                entry("Q08", new FromOfficial(code("DONT_KNOW"))),
                entry("Q15", new FromOfficial(new Answer.ScalePoint(4))),
                entry("Q18", new FromOfficial(code("DONT_KNOW"))),
                entry("Q21", new FromOfficial(new Answer.WholeNumber(4))),
                entry("Q22", new FromOfficial(new Answer.WholeNumber(12))),
                entry("Q30", new FromOfficial(decimal("2.5"))),
                entry("Q44", new FromOfficial(code("YES"))));
        assertThat(record.hasOfficialReturn()).isTrue();
        assertThat(record.officialSubmittedAt()).isEqualTo(at(10));
        assertThat(record.individualResponses()).isZero();
        assertThat(record.individualRoles()).isEmpty();
        assertThat(record.distributions()).isEmpty();
        assertThat(record.responded()).isTrue();
    }

    @Test
    void reconcile_shouldPreferTheOfficialAnswerQuestionByQuestion_whenIndividualsAnsweredToo() {
        // Arrange: the official return answers Q08 and Q18 and leaves Q10 and Q24 blank.
        StoredResponse official = official("o1", 30).code("Q08", "NO").point("Q18", 2).build();
        StoredResponse i1 = individual("i1", 1).code("Q08", "YES").code("Q10", "DAILY").point("Q18", 5).point("Q24", 4).build();
        StoredResponse i2 = individual("i2", 2).code("Q08", "YES").code("Q10", "DAILY").point("Q18", 5).point("Q24", 4).build();
        StoredResponse i3 = individual("i3", 3).code("Q08", "YES").code("Q10", "WEEKLY").point("Q18", 5).point("Q24", 2).build();

        // Act
        TrustRecord record = reconcile(official, i1, i2, i3);

        // Assert
        // Q08: the official NO, although all three individuals said YES.
        // Q10: no official answer; DAILY is 2 of 3 (> 1.5).
        // Q18: the official 2, although all three individuals gave 5.
        // Q24: no official answer; points 2, 4, 4 → median 4 of 3.
        assertThat(record.values()).containsOnly(
                entry("Q08", new FromOfficial(code("NO"))),
                entry("Q10", new ByMajority(code("DAILY"), 3)),
                entry("Q18", new FromOfficial(new Answer.ScalePoint(2))),
                entry("Q24", new ByMedian(new Answer.ScalePoint(4), 3)));
    }

    @Test
    void reconcile_shouldCountTheOfficialReturnSubmittedLast_whenThereIsMoreThanOne() {
        // Arrange: "ob" was started first but resubmitted last (minute 50); "oa" was submitted at minute 40
        // (and sorts first by id); "oc" is a later draft and never counts.
        StoredResponse ob = official("ob", 1).code("Q08", "YES").text("Q43", "from ob").updatedAt(50).build();
        StoredResponse oa = official("oa", 2).code("Q08", "NO").code("Q19", "NO").text("Q43", "from oa").updatedAt(40).build();
        StoredResponse oc = official("oc", 60).code("Q08", "DONT_KNOW").draft().build();

        // Act
        TrustRecord record = reconcile(oa, oc, ob);

        // Assert: ob alone counts, including for a question only oa answered, and for free text.
        assertThat(record.values()).containsOnly(entry("Q08", new FromOfficial(code("YES"))));
        assertThat(record.officialSubmittedAt()).isEqualTo(at(50));
        assertThat(record.lastResponseAt()).isEqualTo(at(50));
        assertThat(record.freeText()).extracting(FreeText::text).containsExactly("from ob");
    }

    @Test
    void reconcile_shouldDateTheOfficialReturnByItsLastSubmission_whenItWasEditedAfterSubmitting() {
        // Arrange: first submitted at minute 10, edited and resubmitted at minute 95.
        StoredResponse official = official("o1", 10).code("Q08", "YES").updatedAt(95).build();

        // Act
        TrustRecord record = reconcile(official);

        // Assert
        assertThat(record.officialSubmittedAt()).isEqualTo(at(95));
    }

    @Test
    void reconcile_shouldFallBackToIndividuals_whenTheOfficialReturnIsOnlyADraft() {
        // Arrange
        StoredResponse draft = official("o1", 1).code("Q08", "NO").draft().build();
        StoredResponse i1 = individual("i1", 2).code("Q08", "YES").build();

        // Act
        TrustRecord record = reconcile(draft, i1);

        // Assert
        assertThat(record.hasOfficialReturn()).isFalse();
        assertThat(record.values()).containsOnly(entry("Q08", new ByMajority(code("YES"), 1)));
    }

    @Test
    void reconcile_shouldIgnoreIndividualAnswers_whenTheQuestionIsOfficialOnly() {
        // Arrange: a staff link never shows Q07 or Q30; stored answers to them can only be stray.
        StoredResponse i1 = individual("i1", 1).whole("Q07", 10).decimal("Q30", "1.5").code("Q08", "YES").build();

        // Act
        TrustRecord record = reconcile(i1);

        // Assert
        assertThat(record.values()).containsOnlyKeys("Q08");
    }
}
