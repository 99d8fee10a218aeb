package nhssm.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The clock a function runs on. On AWS it is the system clock. The local runtime may set
 * {@code NHSSM_CLOCK_FROM} (an ISO instant) so that a local run or a test happens inside a round's
 * window whatever today's date is: the clock then starts at that instant and runs forward from it.
 * template.yaml never sets it.
 */
public final class ServiceClock {

    public static final String VARIABLE = "NHSSM_CLOCK_FROM";

    private ServiceClock() {
    }

    public static Clock fromEnvironment(Map<String, String> env) {
        String from = env.get(VARIABLE);
        if (from == null || from.isBlank()) {
            return Clock.systemUTC();
        }
        try {
            Clock system = Clock.systemUTC();
            return Clock.offset(system, Duration.between(system.instant(), Instant.parse(from.strip())));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(VARIABLE + " must be an ISO instant such as 2026-11-24T09:00:00Z, not '"
                    + from + "'", e);
        }
    }
}
