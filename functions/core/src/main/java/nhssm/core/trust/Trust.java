package nhssm.core.trust;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An English NHS trust from the reference list.
 *
 * @param type the peer group (acute, acute_specialist, mental_health, community, ambulance) or another
 *             type that joins no peer group but counts nationally
 */
public record Trust(String odsCode, String name, String type, String region, LocalDate openDate, LocalDate closeDate) {

    public Optional<LocalDate> closed() {
        return Optional.ofNullable(closeDate);
    }

    /** Open on {@code date}: opened on or before it and not closed on or before it. */
    public boolean isOpenOn(LocalDate date) {
        return !openDate.isAfter(date) && (closeDate == null || closeDate.isAfter(date));
    }
}
