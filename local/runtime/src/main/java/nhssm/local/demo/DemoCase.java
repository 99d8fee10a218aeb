package nhssm.local.demo;

import nhssm.core.reconcile.Provenance;
import nhssm.core.reconcile.TrustRecord;
import nhssm.core.stats.Group;
import nhssm.core.stats.PeerGroup;
import nhssm.core.stats.RoundStatistics;
import nhssm.core.stats.Thresholds;
import nhssm.core.trust.Trust;

/**
 * A kind of responding trust whose report the demo writes, because the per-trust report must handle it.
 * Each is recognised in the reconciled data, not in what the seeder meant to send.
 */
public enum DemoCase {

    /** Free text in Welsh, with emoji: the fonts and the language marking must cope. */
    WELSH_EMOJI("welsh-emoji", "free text in Welsh with emoji"),
    /** Responded through staff only: every value is reconciled from individual responses. */
    NO_OFFICIAL_RETURN("no-official-return", "no official return"),
    /** Staff disagree with no majority: the report lists the conflicts to resolve. */
    CONFLICTS("conflicts", "answers in conflict"),
    /** Too few trusts of its peer group responded for peer figures: they are shown suppressed. */
    SMALL_PEER_GROUP("small-peer-group", "its peer group below the suppression threshold");

    private final String slug;
    private final String description;

    DemoCase(String slug, String description) {
        this.slug = slug;
        this.description = description;
    }

    /** The case in a file name: {@code trust-RJ1-conflicts.pdf}. */
    public String slug() {
        return slug;
    }

    public String description() {
        return description;
    }

    /** Whether a responding trust with this record is of this case, in a round with these statistics. */
    boolean fits(Trust trust, TrustRecord record, RoundStatistics statistics) {
        return switch (this) {
            case WELSH_EMOJI -> record.freeText().stream().anyMatch(text -> isWelshWithEmoji(text.text()));
            case NO_OFFICIAL_RETURN -> !record.hasOfficialReturn();
            case CONFLICTS -> record.values().values().stream().anyMatch(v -> v.provenance() == Provenance.CONFLICT);
            case SMALL_PEER_GROUP -> PeerGroup.ofType(trust.type())
                    .map(Group.Peer::new)
                    .filter(peers -> statistics.groups().contains(peers))
                    .map(peers -> statistics.participation(peers).responding().count()
                            < Thresholds.PEER_GROUP_MIN_RESPONDING_TRUSTS)
                    .orElse(false);
        };
    }

    /**
     * Welsh by its letters ŵ and ŷ, which no other language of the UK uses; an emoji is a symbol
     * beyond the Basic Multilingual Plane, where fonts are least likely to have it.
     */
    static boolean isWelshWithEmoji(String text) {
        boolean welsh = text.chars().anyMatch(c -> "ŵŷŴŶ".indexOf(c) >= 0);
        boolean emoji = text.codePoints().anyMatch(cp -> Character.isSupplementaryCodePoint(cp)
                && Character.getType(cp) == Character.OTHER_SYMBOL);
        return welsh && emoji;
    }
}
