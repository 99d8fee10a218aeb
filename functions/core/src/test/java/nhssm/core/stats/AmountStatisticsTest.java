package nhssm.core.stats;

import static nhssm.core.stats.Fixtures.compute;
import static nhssm.core.stats.Fixtures.decimal;
import static nhssm.core.stats.Fixtures.individuals;
import static nhssm.core.stats.Fixtures.official;
import static nhssm.core.stats.Fixtures.register;
import static nhssm.core.stats.Fixtures.whole;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import nhssm.core.trust.Trust;
import org.junit.jupiter.api.Test;

/** Whole and decimal numbers: one value per trust, summarised for n = 0, 1 and more. */
class AmountStatisticsTest {

    private static final List<Trust> TRUSTS = Fixtures.trusts("A", 5, "acute", "London");

    @Test
    void amount_shouldHaveNoValuesNationally_whenNoTrustGaveANumber() {
        // Act: two trusts responded; neither gave Q07
        RoundStatistics statistics = compute(register(TRUSTS), List.of(official("A1").build(), official("A2").build()));

        // Assert: n = 0 has no median: [x] nationally, [c] in a breakdown cell
        ItemStatistics.Amount q07 = (ItemStatistics.Amount) statistics.item("Q07");
        assertThat(q07.in(Group.NATIONAL).summary()).isEqualTo(new NoValues());
        assertThat(q07.in(Group.NATIONAL).answered()).isEqualTo(Count.of(0, 2));
        assertThat(q07.in(Group.NATIONAL).notAnswered()).isEqualTo(Count.of(2, 2));
        assertThat(q07.in(new Group.Region("London")).summary()).isEqualTo(new Suppressed(SuppressionRule.BREAKDOWN_CELL));
    }

    @Test
    void amount_shouldGiveTheOneValueForEveryQuantityNationally_whenOneTrustGaveANumber() {
        // Act
        RoundStatistics statistics = compute(register(TRUSTS), List.of(official("A1").answer("Q07", whole(12)).build()));

        // Assert: n = 1 → min = Q1 = median = Q3 = max = 12
        BigDecimal twelve = BigDecimal.valueOf(12);
        assertThat(((ItemStatistics.Amount) statistics.item("Q07")).in(Group.NATIONAL).summary())
                .isEqualTo(new Summary(1, twelve, twelve, twelve, twelve, twelve));
    }

    @Test
    void amount_shouldTakeEachTrustsReconciledValueOnce_whenSomeValuesAreMediansOfIndividuals() {
        // Arrange: official 3; the median of individuals 2.5 (a non-whole median of a whole-number question);
        // official 10; a conflict; not answered. n = 3: 2.5, 3, 10 → Q1 = 2.75, median 3, Q3 = 6.5
        List<nhssm.core.reconcile.TrustRecord> records = List.of(
                official("A1").answer("Q07", whole(3)).build(),
                individuals("A2", 4).median("Q07", decimal("2.5")).build(),
                official("A3").answer("Q07", whole(10)).build(),
                individuals("A4", 2).conflict("Q07").build(),
                official("A5").build());

        // Act
        GroupFigures.Amount national = ((ItemStatistics.Amount) compute(register(TRUSTS), records).item("Q07"))
                .in(Group.NATIONAL);

        // Assert
        assertThat(national.summary()).isEqualTo(new Summary(3, new BigDecimal("2.5"), new BigDecimal("2.75"),
                new BigDecimal("3"), new BigDecimal("6.5"), new BigDecimal("10")));
        assertThat(national.answered()).isEqualTo(Count.of(3, 5));
        assertThat(national.conflicts()).isEqualTo(Count.of(1, 5));
        assertThat(national.notAnswered()).isEqualTo(Count.of(1, 5));
    }
}
