package nhssm.core.stats;

import static nhssm.core.stats.Fixtures.code;
import static nhssm.core.stats.Fixtures.compute;
import static nhssm.core.stats.Fixtures.official;
import static nhssm.core.stats.Fixtures.point;
import static nhssm.core.stats.Fixtures.register;
import static nhssm.core.stats.Fixtures.whole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import nhssm.core.reconcile.Distribution;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;
import org.junit.jupiter.api.Test;

/** Input that cannot be right is refused loudly, never counted or dropped. */
class InputTest {

    private static final TrustRegister REGISTER = register(List.<Trust>of(Fixtures.trust("A1", "acute", "London")));

    @Test
    void compute_shouldRefuse_whenTwoRecordsHaveTheSameTrust() {
        assertThatThrownBy(() -> compute(REGISTER, List.of(official("A1").build(), official("A1").build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A1");
    }

    @Test
    void compute_shouldRefuse_whenACodeIsNotOneOfTheQuestionsCodes() {
        assertThatThrownBy(() -> compute(REGISTER, List.of(official("A1").answer("Q08", code("MAYBE")).build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Q08").hasMessageContaining("MAYBE");
    }

    @Test
    void compute_shouldRefuse_whenAValueHasTheWrongKindForItsQuestion() {
        assertThatThrownBy(() -> compute(REGISTER, List.of(official("A1").answer("Q08", whole(3)).build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Q08");
        assertThatThrownBy(() -> compute(REGISTER, List.of(official("A1").answer("Q18", point(6)).build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("off the scale");
        assertThatThrownBy(() -> compute(REGISTER, List.of(official("A1").individuals(1)
                .roles(Map.of("ASTRONAUT", 1)).build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ASTRONAUT");
    }

    @Test
    void compute_shouldIgnoreValuesOfQuestionsTheDefinitionDoesNotTabulate_whenFreeTextOrUnknown() {
        // Act
        RoundStatistics statistics = compute(REGISTER, List.of(official("A1")
                .answer("Q42", new nhssm.core.response.Answer.Text("An example")).answer("Q99", code("YES")).build()));

        // Assert
        assertThat(statistics.participation(Group.NATIONAL).responding()).isEqualTo(Count.of(1, 1));
    }

    @Test
    void thresholds_shouldAgreeWithTheReconciledRecord_whenItDecidesWhetherADistributionIsShown() {
        assertThat(Thresholds.INDIVIDUAL_RESPONSES_MIN).isEqualTo(Distribution.MIN_SHOWN);
        assertThat(SuppressionRule.PEER_GROUP_RESPONDING.minimum()).isEqualTo(5);
        assertThat(SuppressionRule.BREAKDOWN_CELL.minimum()).isEqualTo(3);
        assertThat(SuppressionRule.INDIVIDUAL_RESPONSES.minimum()).isEqualTo(5);
        assertThat(Thresholds.PERCENT_MIN_BASE).isEqualTo(20);
    }
}
