package nhssm.core.stats;

import static nhssm.core.stats.Fixtures.compute;
import static nhssm.core.stats.Fixtures.individuals;
import static nhssm.core.stats.Fixtures.official;
import static nhssm.core.stats.Fixtures.register;
import static nhssm.core.stats.Fixtures.trust;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.survey.Option;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustRegister;
import org.junit.jupiter.api.Test;

/**
 * Worked example "Northfield": seven trusts in the reference list, of which six are open on the census
 * date (2026-10-01):
 *
 * <pre>
 * ods  type           region      open on census?        record
 * A1   acute          London      yes                    official return + 2 individuals
 * A2   acute          London      yes                    3 individuals
 * A3   acute          London      yes                    a record with no submitted response
 * A4   acute          London      yes                    only a record of round 2025
 * M1   mental_health  London      yes                    official return
 * X1   other          North West  yes                    official return
 * C1   acute          London      no (closed 2025-03-31) official return  → ignored
 * F1   acute          London      no (opens 2027-04-01)  official return  → ignored
 * ZZZ  (not in the list)                                 official return  → ignored
 * </pre>
 *
 * National: open 6; responding A1, A2, M1, X1 = 4 of 6 (below 20 trusts: no percentage); official
 * returns A1, M1, X1 = 3 of 6; individual responses 2 + 3 = 5. Acute: open A1–A4 = 4, responding 2,
 * official 1. London: open A1–A4, M1 = 5, responding 3. X1 ("other") joins no peer group but counts
 * nationally and in the North West.
 */
class ParticipationTest {

    private static final TrustRegister NORTHFIELD = register(List.of(
            trust("A1", "acute", "London"),
            trust("A2", "acute", "London"),
            trust("A3", "acute", "London"),
            trust("A4", "acute", "London"),
            trust("M1", "mental_health", "London"),
            trust("X1", "other", "North West"),
            new Trust("C1", "TRUST C1", "acute", "London", LocalDate.of(2001, 4, 1), LocalDate.of(2025, 3, 31)),
            new Trust("F1", "TRUST F1", "acute", "London", LocalDate.of(2027, 4, 1), null)));

    private static final List<TrustRecord> RECORDS = List.of(
            official("A1").individuals(2).build(),
            individuals("A2", 3).build(),
            new Fixtures.Record("A3").build(),
            official("A4").round("2025").build(),
            official("M1").build(),
            official("X1").build(),
            official("C1").build(),
            official("F1").build(),
            official("ZZZ").build());

    @Test
    void participation_shouldCountRespondingTrustsAgainstTrustsOpenOnTheCensusDate_whenNational() {
        // Act
        Participation national = compute(NORTHFIELD, RECORDS).participation(Group.NATIONAL);

        // Assert
        assertThat(national.openTrusts()).isEqualTo(6);
        assertThat(national.responding()).isEqualTo(new Count(4, 6, OptionalInt.empty()));
        assertThat(national.officialReturns()).isEqualTo(new Count(3, 6, OptionalInt.empty()));
        assertThat(national.individualResponses()).isEqualTo(5);
    }

    @Test
    void participation_shouldCountEachPeerGroupAndRegion_whenTrustsOfAnotherTypeCountOnlyNationallyAndInTheirRegion() {
        // Act
        RoundStatistics statistics = compute(NORTHFIELD, RECORDS);

        // Assert
        Participation acute = statistics.participation(new Group.Peer(PeerGroup.ACUTE));
        assertThat(acute.openTrusts()).isEqualTo(4);
        assertThat(acute.responding()).isEqualTo(Count.of(2, 4));
        assertThat(acute.officialReturns()).isEqualTo(Count.of(1, 4));
        assertThat(statistics.participation(new Group.Peer(PeerGroup.MENTAL_HEALTH)).responding()).isEqualTo(Count.of(1, 1));
        assertThat(statistics.participation(new Group.Peer(PeerGroup.AMBULANCE)).responding()).isEqualTo(Count.of(0, 0));
        assertThat(statistics.participation(new Group.Region("London")).responding()).isEqualTo(Count.of(3, 5));
        assertThat(statistics.participation(new Group.Region("North West")).responding()).isEqualTo(Count.of(1, 1));
        int openInPeerGroups = statistics.participation().stream()
                .filter(p -> p.group() instanceof Group.Peer).mapToInt(Participation::openTrusts).sum();
        assertThat(openInPeerGroups).as("X1 is open but in no peer group").isEqualTo(5);
    }

    @Test
    void compute_shouldListEveryGroup_whenInTheOrderNationalPeerGroupsRegions() {
        // Act
        List<Group> groups = compute(NORTHFIELD, RECORDS).groups();

        // Assert
        assertThat(groups).containsExactly(Group.NATIONAL,
                new Group.Peer(PeerGroup.ACUTE), new Group.Peer(PeerGroup.ACUTE_SPECIALIST),
                new Group.Peer(PeerGroup.MENTAL_HEALTH), new Group.Peer(PeerGroup.COMMUNITY),
                new Group.Peer(PeerGroup.AMBULANCE),
                new Group.Region("London"), new Group.Region("North West"));
    }

    @Test
    void compute_shouldIgnoreAndListRecords_whenTheTrustIsNotOpenOnTheCensusDateUnknownOrOfAnotherRound() {
        // Act
        RoundStatistics statistics = compute(NORTHFIELD, RECORDS);

        // Assert
        assertThat(statistics.ignored()).containsExactly(
                new IgnoredRecord("A4", IgnoredRecord.Reason.OTHER_ROUND),
                new IgnoredRecord("C1", IgnoredRecord.Reason.NOT_OPEN_ON_CENSUS_DATE),
                new IgnoredRecord("F1", IgnoredRecord.Reason.NOT_OPEN_ON_CENSUS_DATE),
                new IgnoredRecord("ZZZ", IgnoredRecord.Reason.NOT_IN_REFERENCE_LIST));
        assertThat(statistics.participants()).extracting(Trust::odsCode).containsExactlyInAnyOrder("A1", "A2", "M1", "X1");
        assertThat(statistics.record("C1")).isEmpty();
    }

    @Test
    void compute_shouldIgnoreATrustClosedBeforeTheCensusDate_whenUsingTheBundledReferenceList() {
        // Arrange: RRP closed on 2024-10-31; RCX is open on 2026-10-01
        TrustRegister bundled = TrustRegister.bundled();

        // Act
        RoundStatistics statistics = compute(bundled, List.of(official("RRP").build(), official("RCX").build()));

        // Assert
        assertThat(statistics.ignored()).containsExactly(new IgnoredRecord("RRP", IgnoredRecord.Reason.NOT_OPEN_ON_CENSUS_DATE));
        Participation national = statistics.participation(Group.NATIONAL);
        assertThat(national.openTrusts()).isEqualTo(202);
        // 1 of 202 = 0.495 % → 0 % (half up needs 0.5)
        assertThat(national.responding()).isEqualTo(new Count(1, 202, OptionalInt.of(0)));
    }

    @Test
    void participation_shouldGiveAWholePercentageRoundedHalfUp_whenTheGroupHas20OrMoreOpenTrusts() {
        // Arrange: 40 open acute trusts in one region; 21 respond, 1 with an official return.
        // 21 / 40 = 52.5 % → 53 %; 1 / 40 = 2.5 % → 3 %
        List<Trust> trusts = Fixtures.trusts("R", 40, "acute", "Midlands");
        List<TrustRecord> records = new ArrayList<>();
        records.add(official("R1").build());
        for (int i = 2; i <= 21; i++) {
            records.add(individuals("R" + i, 1).build());
        }

        // Act
        Participation acute = compute(register(trusts), records).participation(new Group.Peer(PeerGroup.ACUTE));

        // Assert
        assertThat(acute.responding()).isEqualTo(new Count(21, 40, OptionalInt.of(53)));
        assertThat(acute.officialReturns()).isEqualTo(new Count(1, 40, OptionalInt.of(3)));
    }

    @Test
    void respondentRoles_shouldSumIndividualRolesNationally_whenAtLeastFiveIndividuals() {
        // Arrange: A1 has 2 individuals (CEO, CLINICIAN), A2 has 3 (2 CLINICIAN, 1 OTHER): 5 in all
        List<TrustRecord> records = List.of(
                official("A1").individuals(2).roles(Map.of("CEO", 1, "CLINICIAN", 1)).build(),
                individuals("A2", 3).roles(Map.of("CLINICIAN", 2, "OTHER", 1)).build());

        // Act
        List<OptionCell> roles = compute(NORTHFIELD, records).respondentRoles();

        // Assert
        assertThat(roles).extracting(OptionCell::option).extracting(Option::code).containsExactly("CEO", "CHAIR_NED",
                "EXEC_DIRECTOR", "COMMS_DIRECTOR_HEAD", "COMMS_DIGITAL_OFFICER", "CLINICIAN", "HR_OD", "IT_IG", "OTHER");
        assertThat(roles.get(0).cell()).isEqualTo(Count.of(1, 5));
        assertThat(roles.get(1).cell()).isEqualTo(Count.of(0, 5));
        assertThat(roles.get(5).cell()).isEqualTo(Count.of(3, 5));
        assertThat(roles.get(8).cell()).isEqualTo(Count.of(1, 5));
    }

    @Test
    void respondentRoles_shouldBeSuppressed_whenFewerThanFiveIndividualsResponded() {
        // Arrange: 4 individuals in all
        List<TrustRecord> records = List.of(official("A1").individuals(2).build(), individuals("A2", 2).build());

        // Act
        List<OptionCell> roles = compute(NORTHFIELD, records).respondentRoles();

        // Assert
        assertThat(roles).extracting(OptionCell::cell).containsOnly(new Suppressed(SuppressionRule.INDIVIDUAL_RESPONSES));
    }

    @Test
    void participation_shouldNeverBeSuppressed_whenAPeerGroupHasFewerThanFiveRespondingTrusts() {
        // Act: acute has 2 responding trusts, below the peer-group threshold of 5
        Participation acute = compute(NORTHFIELD, RECORDS).participation(new Group.Peer(PeerGroup.ACUTE));

        // Assert: participation is shown (the trusts are listed by name anyway)
        assertThat(acute.responding()).isEqualTo(Count.of(2, 4));
    }
}
