package nhssm.core.stats;

import static nhssm.core.stats.Fixtures.code;
import static nhssm.core.stats.Fixtures.compute;
import static nhssm.core.stats.Fixtures.individuals;
import static nhssm.core.stats.Fixtures.official;
import static nhssm.core.stats.Fixtures.point;
import static nhssm.core.stats.Fixtures.register;
import static nhssm.core.stats.Fixtures.trust;
import static nhssm.core.stats.Fixtures.whole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.stats.QuartileBand.Position;
import nhssm.core.trust.Trust;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Placing one trust among its peers. Acute trusts P1–P8 give Q07 = 2, 4, 4, 6, 8, 10, 10, 12 (n = 8).
 * Type 7: Q1 at 0-based position 7·0.25 = 1.75 → 4 + 0.75·(4 − 4) = 4; Q3 at 5.25 → 10 + 0.25·(10 − 10) = 10.
 * So 2 is in the lower quarter (below 4), 12 in the upper quarter (above 10), and 4 … 10 in the middle
 * half, including the trusts that sit exactly on a quartile.
 */
class QuartileBandTest {

    private static final long[] ACCOUNTS = {2, 4, 4, 6, 8, 10, 10, 12};

    private static RoundStatistics statistics() {
        List<Trust> trusts = new ArrayList<>(Fixtures.trusts("P", 11, "acute", "London"));
        trusts.add(trust("X1", "other", "London"));
        trusts.addAll(Fixtures.trusts("AM", 4, "ambulance", "London"));
        List<TrustRecord> records = new ArrayList<>();
        for (int i = 1; i <= ACCOUNTS.length; i++) {
            Fixtures.Record record = official("P" + i).answer("Q07", whole(ACCOUNTS[i - 1])).answer("Q18", point(3));
            records.add((i == 1 ? record.answer("Q18", code("DONT_KNOW")) : record).build());
        }
        records.add(official("P9").build());
        records.add(individuals("P10", 2).conflict("Q07").build());
        records.add(official("X1").answer("Q07", whole(5)).build());
        for (int i = 1; i <= 4; i++) {
            records.add(official("AM" + i).answer("Q07", whole(i)).build());
        }
        return compute(register(trusts), records);
    }

    @ParameterizedTest(name = "{0} with {1} accounts: {2}")
    @CsvSource({
            "P1, 2,  LOWER_QUARTER",
            "P2, 4,  MIDDLE_HALF",
            "P4, 6,  MIDDLE_HALF",
            "P5, 8,  MIDDLE_HALF",
            "P6, 10, MIDDLE_HALF",
            "P8, 12, UPPER_QUARTER",
    })
    void quartileBand_shouldPlaceTheTrustAgainstItsPeerGroup_whenTiesAtAQuartileGoToTheMiddleHalf(
            String ods, long accounts, Position expected) {
        // Act
        QuartileBand band = statistics().quartileBand("Q07", ods);

        // Assert
        Summary peers = new Summary(8, BigDecimal.valueOf(2), BigDecimal.valueOf(4), BigDecimal.valueOf(7),
                BigDecimal.valueOf(10), BigDecimal.valueOf(12));
        assertThat(band).isEqualTo(new QuartileBand.Placed(PeerGroup.ACUTE, BigDecimal.valueOf(accounts), expected, peers));
    }

    @Test
    void quartileBand_shouldPlaceEveryTrustInTheMiddleHalf_whenAllPeersShareOneValue() {
        // Act: Q18 = 3 for P2–P8 (P1 said DONT_KNOW): Q1 = Q3 = 3
        QuartileBand band = statistics().quartileBand("Q18", "P2");

        // Assert
        assertThat(band).isInstanceOfSatisfying(QuartileBand.Placed.class,
                placed -> assertThat(placed.position()).isEqualTo(Position.MIDDLE_HALF));
    }

    @Test
    void quartileBand_shouldSayWhyATrustIsNotPlaced_whenItHasNoNumberOrNoPeerGroup() {
        RoundStatistics statistics = statistics();

        assertThat(statistics.quartileBand("Q07", "P9")).isEqualTo(new QuartileBand.NotPlaced(QuartileBand.Reason.NOT_ANSWERED));
        assertThat(statistics.quartileBand("Q07", "P10")).isEqualTo(new QuartileBand.NotPlaced(QuartileBand.Reason.CONFLICT));
        assertThat(statistics.quartileBand("Q18", "P1")).isEqualTo(new QuartileBand.NotPlaced(QuartileBand.Reason.NOT_A_NUMBER));
        assertThat(statistics.quartileBand("Q07", "X1")).isEqualTo(new QuartileBand.NotPlaced(QuartileBand.Reason.NO_PEER_GROUP));
        assertThat(statistics.quartileBand("Q07", "P11")).isEqualTo(new QuartileBand.NotPlaced(QuartileBand.Reason.NOT_COUNTED));
    }

    @Test
    void quartileBand_shouldBeSuppressed_whenThePeerGroupHasFewerThanFiveRespondingTrusts() {
        // Act: four ambulance trusts responded
        QuartileBand band = statistics().quartileBand("Q07", "AM2");

        // Assert
        assertThat(band).isEqualTo(new Suppressed(SuppressionRule.PEER_GROUP_RESPONDING));
    }

    @Test
    void quartileBand_shouldRefuse_whenTheItemIsAChoice() {
        assertThatThrownBy(() -> statistics().quartileBand("Q08", "P1")).isInstanceOf(IllegalArgumentException.class);
    }
}
