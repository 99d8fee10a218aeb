package nhssm.core.stats;

import java.math.BigDecimal;

/**
 * Where one trust's value lies among its peer group's values, for the per-trust report: never a rank,
 * only one of three bands. {@link Placed}, {@link NotPlaced} (the trust has nothing to place, or no
 * peer group), or {@link Suppressed} when the peer group's figure is suppressed.
 */
public sealed interface QuartileBand permits QuartileBand.Placed, QuartileBand.NotPlaced, Suppressed {

    /** The three bands. A value equal to a quartile is in the middle half. */
    enum Position {
        /** Strictly below the peer group's lower quartile. */
        LOWER_QUARTER,
        /** From the lower quartile to the upper quartile, both included. */
        MIDDLE_HALF,
        /** Strictly above the peer group's upper quartile. */
        UPPER_QUARTER;

        /**
         * The band of {@code value} against {@code peers}: below the lower quartile, above the upper
         * quartile, or between them inclusive (ties at either quartile go to the middle half, so that a
         * trust sharing a common value is never pushed into an outer quarter).
         */
        public static Position of(BigDecimal value, Summary peers) {
            if (value.compareTo(peers.lowerQuartile()) < 0) {
                return LOWER_QUARTER;
            }
            if (value.compareTo(peers.upperQuartile()) > 0) {
                return UPPER_QUARTER;
            }
            return MIDDLE_HALF;
        }
    }

    /**
     * The trust's {@code value} is in {@code position} of {@code peers}, the distribution of its
     * {@code peerGroup}'s values (the trust's own value included).
     */
    record Placed(PeerGroup peerGroup, BigDecimal value, Position position, Summary peers) implements QuartileBand {
        public Placed {
            value = Summary.normalised(value);
            if (position != Position.of(value, peers)) {
                throw new IllegalArgumentException(value + " is not in the " + position + " of " + peers);
            }
        }
    }

    /** Nothing to place. */
    record NotPlaced(Reason reason) implements QuartileBand {
    }

    enum Reason {
        /** The trust is not among the counted trusts (not open on the census date, or it did not respond). */
        NOT_COUNTED,
        /** The trust's type joins no peer group. */
        NO_PEER_GROUP,
        /** The trust gave no value. */
        NOT_ANSWERED,
        /** The trust's individuals disagreed (CONFLICT). */
        CONFLICT,
        /** The trust's answer is not a number (DONT_KNOW, NOT_APPLICABLE). */
        NOT_A_NUMBER
    }
}
