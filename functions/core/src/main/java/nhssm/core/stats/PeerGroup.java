package nhssm.core.stats;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five peer groups of SURVEY.md: a trust's peer group is its type in the reference list. Trusts of
 * any other type (learning_disability, other) join no peer group but count nationally and in their region.
 */
public enum PeerGroup {
    ACUTE("acute", "Acute trusts"),
    ACUTE_SPECIALIST("acute_specialist", "Acute specialist trusts"),
    MENTAL_HEALTH("mental_health", "Mental health trusts"),
    COMMUNITY("community", "Community trusts"),
    AMBULANCE("ambulance", "Ambulance trusts");

    private final String type;
    private final String label;

    PeerGroup(String type, String label) {
        this.type = type;
        this.label = label;
    }

    /** The trust type in the reference list (the {@code type} column). */
    public String type() {
        return type;
    }

    public String label() {
        return label;
    }

    /** The peer group of a trust of this type, or empty for a type that joins none. */
    public static Optional<PeerGroup> ofType(String trustType) {
        return Arrays.stream(values()).filter(g -> g.type.equals(trustType)).findFirst();
    }
}
