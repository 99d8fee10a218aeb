package nhssm.core.reconcile;

import static nhssm.core.reconcile.Fixtures.individual;
import static nhssm.core.reconcile.Fixtures.official;
import static nhssm.core.reconcile.Fixtures.reconcile;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nhssm.core.reconcile.Reconciled.FromOfficial;
import nhssm.core.response.Answer;
import org.junit.jupiter.api.Test;

/** Rule 3: perception items keep how individuals answered, shown only from 5 individuals. */
class ReconciliationDistributionTest {

    @Test
    void reconcile_shouldKeepAnUnshownDistribution_whenFewerThanFiveIndividualsAnswered() {
        // Arrange: Q37 from four individuals: 1, 3, 3, 5.
        TrustRecord record = reconcile(
                individual("i1", 1).point("Q37", 3).build(),
                individual("i2", 2).point("Q37", 1).build(),
                individual("i3", 3).point("Q37", 5).build(),
                individual("i4", 4).point("Q37", 3).build());

        // Act
        Distribution q37 = record.distributions().get("Q37");

        // Assert: every point counted, zeros included; recorded but not to be shown.
        assertThat(q37).isEqualTo(new Distribution(Map.of("1", 1, "2", 0, "3", 2, "4", 0, "5", 1), 4));
        assertThat(q37.shown()).isFalse();
    }

    @Test
    void reconcile_shouldShowTheDistribution_whenExactlyFiveIndividualsAnswered() {
        // Arrange: Q29 (no extra code) from five individuals: 2, 2, 3, 4, 4.
        TrustRecord record = reconcile(
                individual("i1", 1).point("Q29", 2).build(),
                individual("i2", 2).point("Q29", 4).build(),
                individual("i3", 3).point("Q29", 3).build(),
                individual("i4", 4).point("Q29", 2).build(),
                individual("i5", 5).point("Q29", 4).build());

        // Act
        Distribution q29 = record.distributions().get("Q29");

        // Assert
        assertThat(q29).isEqualTo(new Distribution(Map.of("1", 0, "2", 2, "3", 1, "4", 2, "5", 0), 5));
        assertThat(q29.shown()).isTrue();
    }

    @Test
    void reconcile_shouldCountExtraCodes_whenIndividualsSaidDontKnow() {
        // Arrange: Q33 from six individuals: 4, 4, 5, DONT_KNOW, 2, 4.
        TrustRecord record = reconcile(
                individual("i1", 1).point("Q33", 4).build(),
                individual("i2", 2).point("Q33", 4).build(),
                individual("i3", 3).point("Q33", 5).build(),
                individual("i4", 4).code("Q33", "DONT_KNOW").build(),
                individual("i5", 5).point("Q33", 2).build(),
                individual("i6", 6).point("Q33", 4).build());

        // Act
        Distribution q33 = record.distributions().get("Q33");

        // Assert: 6 answered (the DONT_KNOW included), so it is shown.
        assertThat(q33).isEqualTo(new Distribution(
                Map.of("1", 0, "2", 1, "3", 0, "4", 3, "5", 1, "DONT_KNOW", 1), 6));
        assertThat(q33.shown()).isTrue();
    }

    @Test
    void reconcile_shouldKeepTheDistribution_whenTheOfficialReturnSuppliesTheValue() {
        // Arrange: the official return says 2 for Q40; five individuals all say 5.
        TrustRecord record = reconcile(
                official("o1", 9).point("Q40", 2).build(),
                individual("i1", 1).point("Q40", 5).build(),
                individual("i2", 2).point("Q40", 5).build(),
                individual("i3", 3).point("Q40", 5).build(),
                individual("i4", 4).point("Q40", 5).build(),
                individual("i5", 5).point("Q40", 5).build());

        // Act
        Distribution q40 = record.distributions().get("Q40");

        // Assert: the official answer is the value; the official return is not in the distribution.
        assertThat(record.values().get("Q40")).isEqualTo(new FromOfficial(new Answer.ScalePoint(2)));
        assertThat(q40).isEqualTo(new Distribution(Map.of("1", 0, "2", 0, "3", 0, "4", 0, "5", 5), 5));
        assertThat(q40.shown()).isTrue();
    }

    @Test
    void reconcile_shouldRecordNoDistribution_whenNoIndividualAnsweredOrTheQuestionIsNotAPerception() {
        // Arrange: Q37 only officially answered; Q13 is a fact, not a perception.
        TrustRecord record = reconcile(
                official("o1", 1).point("Q37", 4).build(),
                individual("i1", 2).code("Q13", "NONE").point("Q38", 2).build());

        // Act
        Map<String, Distribution> distributions = record.distributions();

        // Assert
        assertThat(distributions).containsOnlyKeys("Q38");
    }
}
