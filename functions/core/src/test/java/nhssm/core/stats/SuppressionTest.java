package nhssm.core.stats;

import static nhssm.core.stats.Fixtures.code;
import static nhssm.core.stats.Fixtures.compute;
import static nhssm.core.stats.Fixtures.decimal;
import static nhssm.core.stats.Fixtures.official;
import static nhssm.core.stats.Fixtures.register;
import static nhssm.core.stats.Fixtures.whole;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.trust.Trust;
import org.junit.jupiter.api.Test;

/**
 * SURVEY.md's thresholds at their edges: a peer-group figure needs 5 responding trusts (4 vs 5); a
 * breakdown cell needs 3 trusts behind it (2 vs 3); national figures are always shown.
 */
class SuppressionTest {

    private static final Suppressed PEER_GROUP = new Suppressed(SuppressionRule.PEER_GROUP_RESPONDING);
    private static final Suppressed BREAKDOWN = new Suppressed(SuppressionRule.BREAKDOWN_CELL);

    /** Ten ambulance trusts in the South West; the first {@code responding} send an official return: Q08 YES, Q07 = 10 × i. */
    private static RoundStatistics ambulance(int responding) {
        List<Trust> trusts = Fixtures.trusts("AM", 10, "ambulance", "South West");
        List<TrustRecord> records = new ArrayList<>();
        for (int i = 1; i <= responding; i++) {
            records.add(official("AM" + i).answer("Q08", code("YES")).answer("Q07", whole(10L * i)).build());
        }
        return compute(register(trusts), records);
    }

    private static Stream<Cell> cells(GroupFigures.Choice figures) {
        return Stream.concat(figures.options().stream().map(OptionCell::cell),
                Stream.of(figures.answered(), figures.conflicts(), figures.notAnswered()));
    }

    @Test
    void peerGroup_shouldBeSuppressedWhole_whenFourTrustsOfTheGroupResponded() {
        // Act
        RoundStatistics statistics = ambulance(4);

        // Assert: every ambulance cell is [c] under the peer-group rule, never 0 and never missing
        GroupFigures.Choice q08 = ((ItemStatistics.Choice) statistics.item("Q08")).in(new Group.Peer(PeerGroup.AMBULANCE));
        assertThat(q08.options()).hasSize(3);
        assertThat(cells(q08)).containsOnly(PEER_GROUP);
        GroupFigures.Amount q07 = ((ItemStatistics.Amount) statistics.item("Q07")).in(new Group.Peer(PeerGroup.AMBULANCE));
        assertThat(q07.summary()).isEqualTo(PEER_GROUP);
        // national is always shown: 4 of 4, counts only
        GroupFigures.Choice national = ((ItemStatistics.Choice) statistics.item("Q08")).in(Group.NATIONAL);
        assertThat(national.options().getFirst().cell()).isEqualTo(Count.of(4, 4));
        // the region is not a peer group: 4 trusts ≥ 3, shown
        GroupFigures.Choice region = ((ItemStatistics.Choice) statistics.item("Q08")).in(new Group.Region("South West"));
        assertThat(region.options().getFirst().cell()).isEqualTo(Count.of(4, 4));
    }

    @Test
    void peerGroup_shouldBeShown_whenFiveTrustsOfTheGroupResponded() {
        // Act
        RoundStatistics statistics = ambulance(5);

        // Assert: YES 5 of 5; NO and DONT_KNOW 0 of 5 are shown as 0 (a true count, not a suppressed one)
        GroupFigures.Choice q08 = ((ItemStatistics.Choice) statistics.item("Q08")).in(new Group.Peer(PeerGroup.AMBULANCE));
        assertThat(q08.options()).extracting(OptionCell::cell).containsExactly(Count.of(5, 5), Count.of(0, 5), Count.of(0, 5));
        // Q07 = 10, 20, 30, 40, 50: n = 5, quartiles on order statistics 20 and 40
        GroupFigures.Amount q07 = ((ItemStatistics.Amount) statistics.item("Q07")).in(new Group.Peer(PeerGroup.AMBULANCE));
        assertThat(q07.summary()).isEqualTo(new Summary(5, BigDecimal.valueOf(10), BigDecimal.valueOf(20),
                BigDecimal.valueOf(30), BigDecimal.valueOf(40), BigDecimal.valueOf(50)));
    }

    /** Five acute trusts in London (always answering Q08) and {@code northWest} acute trusts in the North West. */
    private static RoundStatistics acuteWithNorthWest(int northWest) {
        List<Trust> trusts = new ArrayList<>(Fixtures.trusts("L", 5, "acute", "London"));
        trusts.addAll(Fixtures.trusts("N", 3, "acute", "North West"));
        List<TrustRecord> records = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            records.add(official("L" + i).answer("Q08", code("NO")).build());
        }
        for (int i = 1; i <= northWest; i++) {
            records.add(official("N" + i).answer("Q08", code("YES")).build());
        }
        return compute(register(trusts), records);
    }

    @Test
    void breakdownCell_shouldBeSuppressed_whenOnlyTwoTrustsAreBehindIt() {
        // Act
        RoundStatistics statistics = acuteWithNorthWest(2);

        // Assert: the North West's cells rest on 2 trusts
        GroupFigures.Choice northWest = ((ItemStatistics.Choice) statistics.item("Q08")).in(new Group.Region("North West"));
        assertThat(cells(northWest)).containsOnly(BREAKDOWN);
        // the acute peer group (7 responding) and the nation are shown
        GroupFigures.Choice acute = ((ItemStatistics.Choice) statistics.item("Q08")).in(new Group.Peer(PeerGroup.ACUTE));
        assertThat(acute.options()).extracting(OptionCell::cell).containsExactly(Count.of(2, 7), Count.of(5, 7), Count.of(0, 7));
    }

    @Test
    void breakdownCell_shouldBeShown_whenThreeTrustsAreBehindIt() {
        // Act
        RoundStatistics statistics = acuteWithNorthWest(3);

        // Assert
        GroupFigures.Choice northWest = ((ItemStatistics.Choice) statistics.item("Q08")).in(new Group.Region("North West"));
        assertThat(northWest.options()).extracting(OptionCell::cell).containsExactly(Count.of(3, 3), Count.of(0, 3), Count.of(0, 3));
        assertThat(northWest.answered()).isEqualTo(Count.of(3, 3));
    }

    /** Six responding acute trusts in London; only the first {@code answering} give Q30 (WTE). */
    private static RoundStatistics wte(int answering) {
        List<Trust> trusts = Fixtures.trusts("W", 6, "acute", "London");
        List<String> wte = List.of("1.5", "0.8", "2.0", "4.0", "1.0", "0.5");
        List<TrustRecord> records = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            Fixtures.Record record = official("W" + i);
            if (i <= answering) {
                record.answer("Q30", decimal(wte.get(i - 1)));
            }
            records.add(record.build());
        }
        return compute(register(trusts), records);
    }

    @Test
    void breakdownCell_shouldSuppressAMedianOfTwoTrusts_whenThePeerGroupHasEnoughRespondingTrusts() {
        // Act: 6 responding acute trusts, 2 values (1.5, 0.8)
        RoundStatistics statistics = wte(2);

        // Assert
        GroupFigures.Amount acute = ((ItemStatistics.Amount) statistics.item("Q30")).in(new Group.Peer(PeerGroup.ACUTE));
        assertThat(acute.summary()).isEqualTo(BREAKDOWN);
        assertThat(acute.answered()).as("6 responding trusts are behind this cell").isEqualTo(Count.of(2, 6));
        assertThat(acute.notAnswered()).isEqualTo(Count.of(4, 6));
        // nationally shown: 0.8, 1.5 → Q1 = 0.8 + 0.25·0.7 = 0.975, median 1.15, Q3 = 0.8 + 0.75·0.7 = 1.325
        GroupFigures.Amount national = ((ItemStatistics.Amount) statistics.item("Q30")).in(Group.NATIONAL);
        assertThat(national.summary()).isEqualTo(new Summary(2, new BigDecimal("0.8"), new BigDecimal("0.975"),
                new BigDecimal("1.15"), new BigDecimal("1.325"), new BigDecimal("1.5")));
    }

    @Test
    void breakdownCell_shouldShowAMedianOfThreeTrusts_whenThePeerGroupHasEnoughRespondingTrusts() {
        // Act: values 1.5, 0.8, 2.0 → sorted 0.8, 1.5, 2.0; h = 1.5, 2, 2.5 (1-based)
        // Q1 = 0.8 + 0.5·0.7 = 1.15; median 1.5; Q3 = 1.5 + 0.5·0.5 = 1.75
        RoundStatistics statistics = wte(3);

        // Assert
        GroupFigures.Amount acute = ((ItemStatistics.Amount) statistics.item("Q30")).in(new Group.Peer(PeerGroup.ACUTE));
        assertThat(acute.summary()).isEqualTo(new Summary(3, new BigDecimal("0.8"), new BigDecimal("1.15"),
                new BigDecimal("1.5"), new BigDecimal("1.75"), new BigDecimal("2")));
    }

    @Test
    void suppressed_shouldBeShownAsBracketedC_whenRendered() {
        assertThat(Suppressed.SYMBOL).isEqualTo("[c]");
        assertThat(SuppressionRule.PEER_GROUP_RESPONDING.description()).contains("at least 5 trusts");
        assertThat(SuppressionRule.BREAKDOWN_CELL.description()).contains("at least 3 trusts");
        assertThat(SuppressionRule.INDIVIDUAL_RESPONSES.description()).contains("at least 5 individuals");
    }
}
