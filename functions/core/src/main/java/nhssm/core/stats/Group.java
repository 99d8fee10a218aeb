package nhssm.core.stats;

/**
 * The trusts a figure is about: all trusts, one peer group, or one region. Every figure of a peer group
 * or a region is a breakdown cell (a cell of a by-peer-group or by-region table) and is held to the
 * breakdown rule; national figures are always shown.
 */
public sealed interface Group {

    /** All trusts. */
    National NATIONAL = new National();

    /** How a report names the group: "All trusts", "Acute trusts", "London". */
    String label();

    /** Whether the group's figures are breakdown cells (true for peer groups and regions). */
    default boolean breakdown() {
        return true;
    }

    /** Every trust open on the census date, whatever its type or region. */
    record National() implements Group {
        @Override
        public String label() {
            return "All trusts";
        }

        @Override
        public boolean breakdown() {
            return false;
        }
    }

    /** The trusts of one peer group. */
    record Peer(PeerGroup peerGroup) implements Group {
        public Peer {
            java.util.Objects.requireNonNull(peerGroup, "peerGroup");
        }

        @Override
        public String label() {
            return peerGroup.label();
        }
    }

    /** The trusts of one NHS England region, named as in the reference list. */
    record Region(String name) implements Group {
        public Region {
            java.util.Objects.requireNonNull(name, "name");
        }

        @Override
        public String label() {
            return name;
        }
    }
}
