package nhssm.core.stats;

import static nhssm.core.stats.Fixtures.code;
import static nhssm.core.stats.Fixtures.compute;
import static nhssm.core.stats.Fixtures.decimal;
import static nhssm.core.stats.Fixtures.individuals;
import static nhssm.core.stats.Fixtures.official;
import static nhssm.core.stats.Fixtures.point;
import static nhssm.core.stats.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.survey.Option;
import nhssm.core.trust.Trust;
import org.junit.jupiter.api.Test;

/**
 * "Staff are actively encouraged to share their work" (Q18: 1–5 or DONT_KNOW), seven mental health
 * trusts in the Midlands:
 *
 * <pre>
 * S1 official 4      S2 official 4      S3 official 2
 * S4 median of four individuals 3.5 (between points)
 * S5 official DONT_KNOW
 * S6 responded, Q18 not answered        S7 individuals split: CONFLICT
 * </pre>
 *
 * Responding 7; answered S1–S5 = 5. Per point (of 5): 1 → 0, 2 → 1, 3 → 0, 4 → 2, 5 → 0; DONT_KNOW 1;
 * between points 1 (3 + 1 + 1 = 5). Summary over the numbers 2, 3.5, 4, 4 (n = 4, DONT_KNOW excluded):
 * Q1 at 0-based position 0.75 → 2 + 0.75·1.5 = 3.125; median at 1.5 → 3.5 + 0.5·0.5 = 3.75; Q3 at 2.25
 * → 4 + 0.25·0 = 4.
 */
class ScaleStatisticsTest {

    private static final List<Trust> MIDLANDS = Fixtures.trusts("S", 7, "mental_health", "Midlands");

    private static final List<TrustRecord> RECORDS = List.of(
            official("S1").answer("Q18", point(4)).individuals(4).distribution("Q18", Map.of("4", 3, "5", 1)).build(),
            official("S2").answer("Q18", point(4)).individuals(5)
                    .roles(Map.of("CEO", 1, "CLINICIAN", 3, "OTHER", 1))
                    .distribution("Q18", Map.of("3", 1, "4", 3, "DONT_KNOW", 1)).build(),
            official("S3").answer("Q18", point(2)).build(),
            individuals("S4", 4).median("Q18", decimal("3.5")).build(),
            official("S5").answer("Q18", code("DONT_KNOW")).build(),
            official("S6").build(),
            individuals("S7", 2).conflict("Q18").build());

    @Test
    void scale_shouldCountTrustsAtEachPointAndExtraCodeAndSummariseThePoints_whenSomeValuesFallBetweenPoints() {
        // Act
        RoundStatistics statistics = compute(register(MIDLANDS), RECORDS);

        // Assert
        for (Group group : List.of(Group.NATIONAL, new Group.Peer(PeerGroup.MENTAL_HEALTH), new Group.Region("Midlands"))) {
            GroupFigures.Scale figures = ((ItemStatistics.Scale) statistics.item("Q18")).in(group);
            assertThat(figures.points()).extracting(OptionCell::option).containsExactly(
                    new Option("1", "Strongly disagree"), new Option("2", "Disagree"),
                    new Option("3", "Neither agree nor disagree"), new Option("4", "Agree"), new Option("5", "Strongly agree"));
            assertThat(figures.points()).extracting(OptionCell::cell).containsExactly(
                    Count.of(0, 5), Count.of(1, 5), Count.of(0, 5), Count.of(2, 5), Count.of(0, 5));
            assertThat(figures.extras()).extracting(OptionCell::code).containsExactly("DONT_KNOW");
            assertThat(figures.extras().getFirst().cell()).isEqualTo(Count.of(1, 5));
            assertThat(figures.betweenPoints()).isEqualTo(Count.of(1, 5));
            assertThat(figures.answered()).isEqualTo(Count.of(5, 7));
            assertThat(figures.conflicts()).isEqualTo(Count.of(1, 7));
            assertThat(figures.notAnswered()).isEqualTo(Count.of(1, 7));
            assertThat(figures.summary()).isEqualTo(new Summary(4, new BigDecimal("2"), new BigDecimal("3.125"),
                    new BigDecimal("3.75"), new BigDecimal("4"), new BigDecimal("4")));
        }
    }

    @Test
    void scaleOptions_shouldLabelPointsByTheirNumber_whenTheScaleHasAnchorsOnlyAtItsEnds() {
        // Act: Q29 is anchored at 1 and 5 only
        ItemStatistics.Scale q29 = (ItemStatistics.Scale) compute(register(MIDLANDS), RECORDS).item("Q29");

        // Assert
        assertThat(q29.in(Group.NATIONAL).points()).extracting(OptionCell::option).extracting(Option::label)
                .containsExactly("Mostly broadcasting", "2", "3", "4", "Mostly two-way conversation and community");
        assertThat(q29.in(Group.NATIONAL).extras()).isEmpty();
    }

    @Test
    void individualAnswers_shouldBeSuppressed_whenFourIndividualsAnswered() {
        // Act
        List<OptionCell> cells = compute(register(MIDLANDS), RECORDS).individualAnswers("Q18", "S1");

        // Assert
        assertThat(cells).extracting(OptionCell::code).containsExactly("1", "2", "3", "4", "5", "DONT_KNOW");
        assertThat(cells).extracting(OptionCell::cell).containsOnly(new Suppressed(SuppressionRule.INDIVIDUAL_RESPONSES));
    }

    @Test
    void individualAnswers_shouldBeCountedOutOfTheIndividuals_whenFiveIndividualsAnswered() {
        // Act
        List<OptionCell> cells = compute(register(MIDLANDS), RECORDS).individualAnswers("Q18", "S2");

        // Assert: 3 → 1, 4 → 3, DONT_KNOW → 1, of 5
        assertThat(cells).extracting(OptionCell::cell).containsExactly(
                Count.of(0, 5), Count.of(0, 5), Count.of(1, 5), Count.of(3, 5), Count.of(0, 5), Count.of(1, 5));
    }

    @Test
    void individualAnswers_shouldBeSuppressed_whenNoIndividualAnswered() {
        // Act: S3 has an official return only
        List<OptionCell> cells = compute(register(MIDLANDS), RECORDS).individualAnswers("Q18", "S3");

        // Assert
        assertThat(cells).extracting(OptionCell::cell).containsOnly(new Suppressed(SuppressionRule.INDIVIDUAL_RESPONSES));
    }

    @Test
    void individualRoles_shouldBeShownFromFiveIndividualsOnly_whenAskedForOneTrust() {
        // Act
        RoundStatistics statistics = compute(register(MIDLANDS), RECORDS);

        // Assert: S1 has 4 individuals, S2 has 5 (CEO 1, CLINICIAN 3, OTHER 1)
        assertThat(statistics.individualRoles("S1")).extracting(OptionCell::cell)
                .containsOnly(new Suppressed(SuppressionRule.INDIVIDUAL_RESPONSES));
        List<OptionCell> s2 = statistics.individualRoles("S2");
        assertThat(s2.getFirst()).isEqualTo(new OptionCell(new Option("CEO", "Chief executive"), Count.of(1, 5)));
        assertThat(s2).extracting(OptionCell::cell).containsExactly(Count.of(1, 5), Count.of(0, 5), Count.of(0, 5),
                Count.of(0, 5), Count.of(0, 5), Count.of(3, 5), Count.of(0, 5), Count.of(0, 5), Count.of(1, 5));
    }

    @Test
    void individualAnswers_shouldRefuse_whenTheItemIsNotAScaleOrTheTrustIsNotCounted() {
        RoundStatistics statistics = compute(register(MIDLANDS), RECORDS);

        assertThatThrownBy(() -> statistics.individualAnswers("Q08", "S1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> statistics.individualAnswers("Q18", "NOPE")).isInstanceOf(IllegalArgumentException.class);
    }
}
