package nhssm.core.stats;

import static nhssm.core.stats.Fixtures.code;
import static nhssm.core.stats.Fixtures.codes;
import static nhssm.core.stats.Fixtures.compute;
import static nhssm.core.stats.Fixtures.individuals;
import static nhssm.core.stats.Fixtures.official;
import static nhssm.core.stats.Fixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.trust.Trust;
import org.junit.jupiter.api.Test;

/** Single choice, yes/no and multiple choice: each trust counts once, conflicts and "not answered" apart. */
class ChoiceStatisticsTest {

    /**
     * "Register of accounts" (Q08: YES / NO / DONT_KNOW), 25 open acute trusts in London, T1 … T25:
     *
     * <pre>
     * T1–T12   YES (official)                    12
     * T13–T15  NO (official), T16–T17 NO (majority) 5
     * T18–T20  DONT_KNOW (official)               3
     * T21–T22  CONFLICT (individuals split)       2   excluded from the base
     * T23–T24  responded, Q08 not answered        2   excluded from the base
     * T25      did not respond                        not in any figure but the response rate
     * </pre>
     *
     * Responding 24. Answered 12 + 5 + 3 = 20 of 24 = 83.3 % → 83 %. Base 20 (so percentages are shown):
     * YES 12/20 = 60 %, NO 5/20 = 25 %, DONT_KNOW 3/20 = 15 %. Conflicts 2/24 = 8.3 % → 8 %; not answered
     * 2/24 → 8 %. 12 + 5 + 3 + 2 + 2 = 24.
     */
    private static List<TrustRecord> registerOfAccounts() {
        List<TrustRecord> records = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            records.add(official("T" + i).answer("Q08", code("YES")).build());
        }
        for (int i = 13; i <= 15; i++) {
            records.add(official("T" + i).answer("Q08", code("NO")).build());
        }
        records.add(individuals("T16", 3).majority("Q08", code("NO")).build());
        records.add(individuals("T17", 3).majority("Q08", code("NO")).build());
        for (int i = 18; i <= 20; i++) {
            records.add(official("T" + i).answer("Q08", code("DONT_KNOW")).build());
        }
        records.add(individuals("T21", 2).conflict("Q08").build());
        records.add(individuals("T22", 2).conflict("Q08").build());
        records.add(official("T23").build());
        records.add(official("T24").build());
        return records;
    }

    private static final List<Trust> LONDON_ACUTE = Fixtures.trusts("T", 25, "acute", "London");

    private static Map<String, CountCell> byCode(GroupFigures.Choice figures) {
        return figures.options().stream().collect(Collectors.toMap(OptionCell::code, OptionCell::cell));
    }

    @Test
    void choice_shouldCountTrustsPerOptionOutOfTrustsWithAUsableValue_whenSomeConflictAndSomeDidNotAnswer() {
        // Act
        GroupFigures.Choice national = ((ItemStatistics.Choice) compute(register(LONDON_ACUTE), registerOfAccounts())
                .item("Q08")).in(Group.NATIONAL);

        // Assert
        assertThat(national.options()).extracting(OptionCell::code).containsExactly("YES", "NO", "DONT_KNOW");
        assertThat(byCode(national)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "YES", new Count(12, 20, OptionalInt.of(60)),
                "NO", new Count(5, 20, OptionalInt.of(25)),
                "DONT_KNOW", new Count(3, 20, OptionalInt.of(15))));
        assertThat(national.answered()).isEqualTo(new Count(20, 24, OptionalInt.of(83)));
        assertThat(national.conflicts()).isEqualTo(new Count(2, 24, OptionalInt.of(8)));
        assertThat(national.notAnswered()).isEqualTo(new Count(2, 24, OptionalInt.of(8)));
    }

    @Test
    void choice_shouldGiveThePeerGroupAndRegionTheSameFigures_whenAllTrustsShareThem() {
        // Act
        ItemStatistics.Choice q08 = (ItemStatistics.Choice) compute(register(LONDON_ACUTE), registerOfAccounts()).item("Q08");

        // Assert: 24 responding acute trusts (≥ 5), every base ≥ 3
        GroupFigures.Choice national = q08.in(Group.NATIONAL);
        for (Group group : List.of(new Group.Peer(PeerGroup.ACUTE), new Group.Region("London"))) {
            GroupFigures.Choice figures = q08.in(group);
            assertThat(figures.options()).isEqualTo(national.options());
            assertThat(figures.conflicts()).isEqualTo(national.conflicts());
            assertThat(figures.notAnswered()).isEqualTo(national.notAnswered());
        }
    }

    @Test
    void choice_shouldGiveCountsOnly_whenFewerThan20TrustsHaveAUsableValue() {
        // Arrange: T12 gives no answer after all, so 19 trusts have a usable value
        List<TrustRecord> records = new ArrayList<>(registerOfAccounts());
        records.set(11, official("T12").build());

        // Act
        GroupFigures.Choice national = ((ItemStatistics.Choice) compute(register(LONDON_ACUTE), records)
                .item("Q08")).in(Group.NATIONAL);

        // Assert: 11, 5 and 3 of 19, no percentages; the answered, conflict and not-answered counts are
        // out of the 24 responding trusts and keep theirs
        assertThat(byCode(national)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "YES", new Count(11, 19, OptionalInt.empty()),
                "NO", new Count(5, 19, OptionalInt.empty()),
                "DONT_KNOW", new Count(3, 19, OptionalInt.empty())));
        assertThat(national.answered()).isEqualTo(new Count(19, 24, OptionalInt.of(79)));
        assertThat(national.notAnswered()).isEqualTo(new Count(3, 24, OptionalInt.of(13)));
    }

    /**
     * Platforms (Q06, multiple choice), five community trusts in the East of England:
     *
     * <pre>
     * B1 official  X_TWITTER, FACEBOOK, INSTAGRAM
     * B2 official  FACEBOOK (listed twice: still one trust)
     * B3 majority  FACEBOOK, LINKEDIN
     * B4 majority  no option chosen by a majority: a value, under no option
     * B5 official  Q06 not answered
     * </pre>
     *
     * Answered 4 of 5. FACEBOOK 3 of 4; X_TWITTER, INSTAGRAM, LINKEDIN 1 of 4 each; NONE and the rest
     * 0 of 4. The option counts add up to 6, more than the 4 trusts: a trust counts once per option.
     */
    @Test
    void choice_shouldCountATrustOncePerOption_whenMultipleChoice() {
        // Arrange
        List<Trust> trusts = Fixtures.trusts("B", 5, "community", "East of England");
        List<TrustRecord> records = List.of(
                official("B1").answer("Q06", codes("X_TWITTER", "FACEBOOK", "INSTAGRAM")).build(),
                official("B2").answer("Q06", codes("FACEBOOK", "FACEBOOK")).build(),
                individuals("B3", 3).majority("Q06", codes("FACEBOOK", "LINKEDIN")).build(),
                individuals("B4", 3).majority("Q06", codes()).build(),
                official("B5").build());

        // Act
        ItemStatistics.Choice q06 = (ItemStatistics.Choice) compute(register(trusts), records).item("Q06");

        // Assert
        for (Group group : List.of(Group.NATIONAL, new Group.Peer(PeerGroup.COMMUNITY), new Group.Region("East of England"))) {
            GroupFigures.Choice figures = q06.in(group);
            Map<String, CountCell> cells = byCode(figures);
            assertThat(cells).hasSize(15);
            assertThat(cells.get("FACEBOOK")).isEqualTo(Count.of(3, 4));
            assertThat(cells.get("X_TWITTER")).isEqualTo(Count.of(1, 4));
            assertThat(cells.get("INSTAGRAM")).isEqualTo(Count.of(1, 4));
            assertThat(cells.get("LINKEDIN")).isEqualTo(Count.of(1, 4));
            assertThat(cells.get("NONE")).isEqualTo(Count.of(0, 4));
            assertThat(cells.get("MASTODON")).isEqualTo(Count.of(0, 4));
            assertThat(figures.answered()).isEqualTo(Count.of(4, 5));
            assertThat(figures.notAnswered()).isEqualTo(Count.of(1, 5));
            assertThat(figures.conflicts()).isEqualTo(Count.of(0, 5));
        }
    }

    @Test
    void choice_shouldUseYesAndNo_whenTheQuestionIsYesNo() {
        // Arrange: publication consent (Q05) from three official returns
        List<Trust> trusts = Fixtures.trusts("Y", 3, "acute", "London");
        List<TrustRecord> records = List.of(
                official("Y1").answer("Q05", code("YES")).build(),
                official("Y2").answer("Q05", code("NO")).build(),
                official("Y3").answer("Q05", code("YES")).build());

        // Act
        GroupFigures.Choice national = ((ItemStatistics.Choice) compute(register(trusts), records).item("Q05"))
                .in(Group.NATIONAL);

        // Assert
        assertThat(byCode(national)).containsExactlyInAnyOrderEntriesOf(Map.of("YES", Count.of(2, 3), "NO", Count.of(1, 3)));
    }

    @Test
    void items_shouldCoverEveryQuestionCarryingAValueOfTheTrust_whenInDefinitionOrder() {
        // Act
        List<String> ids = compute(register(LONDON_ACUTE), List.of()).items().stream().map(i -> i.question().id()).toList();

        // Assert: not the trust code (Q01), free text (Q04, Q42, Q43), the respondent's role (Q02: see
        // respondentRoles) or the consent to quote (Q42_CONSENT): none is a value of the trust
        assertThat(ids).doesNotContain("Q01", "Q02", "Q04", "Q42", "Q42_CONSENT", "Q43")
                .startsWith("Q05", "Q06", "Q07")
                .endsWith("Q40", "Q41", "Q44")
                .hasSize(Fixtures.DEFINITION.questions().size() - 6);
    }
}
