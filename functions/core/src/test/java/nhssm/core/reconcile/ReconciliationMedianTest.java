package nhssm.core.reconcile;

import static nhssm.core.reconcile.Fixtures.code;
import static nhssm.core.reconcile.Fixtures.decimal;
import static nhssm.core.reconcile.Fixtures.individual;
import static nhssm.core.reconcile.Fixtures.reconcile;
import static nhssm.core.reconcile.Fixtures.surveyAskingEveryone;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import nhssm.core.reconcile.Reconciled.ByMajority;
import nhssm.core.reconcile.Reconciled.ByMedian;
import nhssm.core.response.Answer;
import nhssm.core.survey.SurveyDefinition;
import org.junit.jupiter.api.Test;

/** Rule 2 for numbers and scale points: the median; an even count takes the mean of the middle two. */
class ReconciliationMedianTest {

    /** The numbers are official-only in 2026; this variant lets individuals answer them. */
    private static final SurveyDefinition NUMBERS_FOR_EVERYONE = surveyAskingEveryone("Q07", "Q21", "Q22", "Q30");

    @Test
    void reconcile_shouldTakeTheMiddleNumber_whenAnOddCountAnsweredAWholeNumber() {
        // Arrange: Q07 40, 3, 12 → sorted 3, 12, 40 → 12.
        TrustRecord record = reconcile(NUMBERS_FOR_EVERYONE,
                individual("i1", 1).whole("Q07", 40).build(),
                individual("i2", 2).whole("Q07", 3).build(),
                individual("i3", 3).whole("Q07", 12).build());

        // Act
        Reconciled q07 = record.values().get("Q07");

        // Assert
        assertThat(q07).isEqualTo(new ByMedian(new Answer.WholeNumber(12), 3));
        assertThat(q07.provenance()).isEqualTo(Provenance.MEDIAN);
    }

    @Test
    void reconcile_shouldTakeTheMeanOfTheMiddleTwo_whenAnEvenCountAnsweredAWholeNumber() {
        // Arrange: Q07 10, 2, 30, 8 → sorted 2, 8, 10, 30 → (8 + 10) / 2 = 9, a whole number.
        //          Q22 5, 2 → (2 + 5) / 2 = 3.5, not a whole number: kept exactly as a decimal.
        TrustRecord record = reconcile(NUMBERS_FOR_EVERYONE,
                individual("i1", 1).whole("Q07", 10).whole("Q22", 5).build(),
                individual("i2", 2).whole("Q07", 2).whole("Q22", 2).build(),
                individual("i3", 3).whole("Q07", 30).build(),
                individual("i4", 4).whole("Q07", 8).build());

        // Act
        Map<String, Reconciled> values = record.values();

        // Assert
        assertThat(values.get("Q07")).isEqualTo(new ByMedian(new Answer.WholeNumber(9), 4));
        assertThat(values.get("Q22")).isEqualTo(new ByMedian(decimal("3.5"), 2));
    }

    @Test
    void reconcile_shouldTakeTheMiddleNumber_whenAnOddCountAnsweredADecimal() {
        // Arrange: Q30 1.5, 0.5, 12 → sorted 0.5, 1.5, 12 → 1.5.
        TrustRecord record = reconcile(NUMBERS_FOR_EVERYONE,
                individual("i1", 1).decimal("Q30", "1.5").build(),
                individual("i2", 2).decimal("Q30", "0.5").build(),
                individual("i3", 3).decimal("Q30", "12").build());

        // Act
        Reconciled q30 = record.values().get("Q30");

        // Assert
        assertThat(q30).isEqualTo(new ByMedian(decimal("1.5"), 3));
    }

    @Test
    void reconcile_shouldTakeTheExactMeanOfTheMiddleTwo_whenAnEvenCountAnsweredADecimal() {
        // Arrange: Q30 2.5, 0.5, 4, 1.5 → sorted 0.5, 1.5, 2.5, 4 → (1.5 + 2.5) / 2 = 2.0, kept as 2.
        TrustRecord fourAnswers = reconcile(NUMBERS_FOR_EVERYONE,
                individual("i1", 1).decimal("Q30", "2.5").build(),
                individual("i2", 2).decimal("Q30", "0.5").build(),
                individual("i3", 3).decimal("Q30", "4").build(),
                individual("i4", 4).decimal("Q30", "1.5").build());
        // Q30 0.5, 0.6 → 0.55: one more decimal place than anyone typed, exactly.
        TrustRecord twoAnswers = reconcile(NUMBERS_FOR_EVERYONE,
                individual("i1", 1).decimal("Q30", "0.5").build(),
                individual("i2", 2).decimal("Q30", "0.6").build());
        // Q30 10, 30 → 20: without trailing zeros, yet 20 and not 2E+1.
        TrustRecord roundAnswers = reconcile(NUMBERS_FOR_EVERYONE,
                individual("i1", 1).decimal("Q30", "10").build(),
                individual("i2", 2).decimal("Q30", "30").build());

        // Act
        Answer four = ((ByMedian) fourAnswers.values().get("Q30")).answer();
        Answer two = ((ByMedian) twoAnswers.values().get("Q30")).answer();
        Answer round = ((ByMedian) roundAnswers.values().get("Q30")).answer();

        // Assert (BigDecimal equality includes the scale: 2 is not 2.0)
        assertThat(four).isEqualTo(new Answer.DecimalNumber(new BigDecimal("2")));
        assertThat(two).isEqualTo(new Answer.DecimalNumber(new BigDecimal("0.55")));
        assertThat(round).isEqualTo(new Answer.DecimalNumber(new BigDecimal("20")));
        assertThat(((Answer.DecimalNumber) round).value().toString()).isEqualTo("20");
    }

    @Test
    void reconcile_shouldKeepEachMedian_whenTheyBreakARuleBetweenQuestions() {
        // Arrange: every response keeps Q21 ≤ Q22, but not everyone answered both.
        //   Q21: 10 (i1 only) → median 10.  Q22: 10, 2, 3 → sorted 2, 3, 10 → median 3.
        TrustRecord record = reconcile(NUMBERS_FOR_EVERYONE,
                individual("i1", 1).whole("Q21", 10).whole("Q22", 10).build(),
                individual("i2", 2).whole("Q22", 2).build(),
                individual("i3", 3).whole("Q22", 3).build());

        // Act
        Map<String, Reconciled> values = record.values();

        // Assert: Q21 > Q22 between the medians, kept as they are.
        assertThat(values.get("Q21")).isEqualTo(new ByMedian(new Answer.WholeNumber(10), 1));
        assertThat(values.get("Q22")).isEqualTo(new ByMedian(new Answer.WholeNumber(3), 3));
    }

    @Test
    void reconcile_shouldTakeTheMedianOfScalePointsOnly_whenSomeIndividualsSaidDontKnow() {
        // Arrange: Q18 2, 4, DONT_KNOW, DONT_KNOW, 5 → points 2, 4, 5 → median 4 of the 3 who gave a point.
        TrustRecord record = reconcile(
                individual("i1", 1).point("Q18", 2).build(),
                individual("i2", 2).point("Q18", 4).build(),
                individual("i3", 3).code("Q18", "DONT_KNOW").build(),
                individual("i4", 4).code("Q18", "DONT_KNOW").build(),
                individual("i5", 5).point("Q18", 5).build());

        // Act
        Reconciled q18 = record.values().get("Q18");

        // Assert: the DONT_KNOWs stay visible in the distribution (all 5 answered).
        assertThat(q18).isEqualTo(new ByMedian(new Answer.ScalePoint(4), 3));
        assertThat(record.distributions().get("Q18").answering()).isEqualTo(5);
    }

    @Test
    void reconcile_shouldGiveAHalfPoint_whenAnEvenCountOfScalePointsHasTwoDifferentMiddles() {
        // Arrange: Q24 3, 4 → 3.5.  Q29 2, 4 → 3, a scale point.  Q37 1, 2, 4, 5 → (2 + 4) / 2 = 3.
        TrustRecord record = reconcile(
                individual("i1", 1).point("Q24", 3).point("Q29", 2).point("Q37", 1).build(),
                individual("i2", 2).point("Q24", 4).point("Q29", 4).point("Q37", 5).build(),
                individual("i3", 3).point("Q37", 2).build(),
                individual("i4", 4).point("Q37", 4).build());

        // Act
        Map<String, Reconciled> values = record.values();

        // Assert
        assertThat(values.get("Q24")).isEqualTo(new ByMedian(decimal("3.5"), 2));
        assertThat(values.get("Q29")).isEqualTo(new ByMedian(new Answer.ScalePoint(3), 2));
        assertThat(values.get("Q37")).isEqualTo(new ByMedian(new Answer.ScalePoint(3), 4));
    }

    @Test
    void reconcile_shouldTakeTheMajorityCode_whenNobodyGaveAScalePoint() {
        // Arrange: Q15 NOT_APPLICABLE ×2; Q33 DONT_KNOW ×1.
        TrustRecord record = reconcile(
                individual("i1", 1).code("Q15", "NOT_APPLICABLE").code("Q33", "DONT_KNOW").build(),
                individual("i2", 2).code("Q15", "NOT_APPLICABLE").build());

        // Act
        Map<String, Reconciled> values = record.values();

        // Assert
        assertThat(values.get("Q15")).isEqualTo(new ByMajority(code("NOT_APPLICABLE"), 2));
        assertThat(values.get("Q33")).isEqualTo(new ByMajority(code("DONT_KNOW"), 1));
    }
}
