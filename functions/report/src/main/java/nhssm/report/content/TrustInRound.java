package nhssm.report.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nhssm.core.reconcile.Reconciled;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.stats.Group;
import nhssm.core.stats.ItemStatistics;
import nhssm.core.stats.PeerGroup;
import nhssm.core.survey.Question;
import nhssm.core.survey.Section;
import nhssm.core.trust.Trust;
import nhssm.core.trust.TrustName;

/**
 * One trust in one round, as its report sees it: the reference-list entry, its counted record (absent when
 * the trust did not respond), its peer group (absent for a type that joins none) and the round's data.
 */
record TrustInRound(RoundData data, Trust trust, Optional<TrustRecord> record, Optional<PeerGroup> peerGroup) {

    /**
     * The trust with this ODS code in the round.
     *
     * @throws IllegalArgumentException when the code is not in the reference list, or the trust was not open
     *                                  on the round's census date (it has no part in the round)
     */
    static TrustInRound of(RoundData data, String odsCode) {
        Trust trust = data.register().find(odsCode)
                .orElseThrow(() -> new IllegalArgumentException("No trust with ODS code " + odsCode));
        if (!trust.isOpenOn(data.definition().censusDate())) {
            throw new IllegalArgumentException("Trust " + odsCode + " was not open on the census date of round "
                    + data.definition().round());
        }
        return new TrustInRound(data, trust, data.statistics().record(odsCode), PeerGroup.ofType(trust.type()));
    }

    String ods() {
        return trust.odsCode();
    }

    /** The trust's name as printed: "King's College Hospital NHS Foundation Trust". */
    String name() {
        return TrustName.displayed(trust.name());
    }

    boolean responded() {
        return record.isPresent();
    }

    Optional<Reconciled> value(String questionId) {
        return record.flatMap(r -> r.value(questionId));
    }

    Optional<Group.Peer> peers() {
        return peerGroup.map(Group.Peer::new);
    }

    /** The groups the trust is compared with: all trusts, then its peer group when it has one. */
    List<Group> comparisonGroups() {
        List<Group> groups = new ArrayList<>();
        groups.add(Group.NATIONAL);
        peers().ifPresent(groups::add);
        return List.copyOf(groups);
    }

    /** "acute trusts and all trusts", or "all trusts" for a trust without a peer group. */
    String comparedWith() {
        return peers().map(p -> ItemFigures.inSentence(p) + " and all trusts").orElse("all trusts");
    }

    /** "acute trusts" inside a sentence, or "no peer group". */
    String peersInSentence() {
        return peers().map(ItemFigures::inSentence).orElse("no peer group");
    }

    /** The statistics of the tabulated questions of one section, in definition order. */
    List<ItemStatistics> items(Section section) {
        return data.statistics().items().stream()
                .filter(i -> i.question().section().equals(section.code()))
                .toList();
    }

    /** The questions of one section, in definition order. */
    List<Question> questions(Section section) {
        return data.definition().questions().stream().filter(q -> q.section().equals(section.code())).toList();
    }
}
