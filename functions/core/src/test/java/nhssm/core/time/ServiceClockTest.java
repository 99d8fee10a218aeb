package nhssm.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceClockTest {

    @Test
    void fromEnvironment_shouldBeTheSystemClock_whenNothingIsSet() {
        assertThat(ServiceClock.fromEnvironment(Map.of()).instant()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
    }

    @Test
    void fromEnvironment_shouldStartAtTheGivenInstantAndRunForward_whenSet() {
        var clock = ServiceClock.fromEnvironment(Map.of(ServiceClock.VARIABLE, "2026-11-24T09:00:00Z"));

        Instant first = clock.instant();
        Instant second = clock.instant();

        assertThat(first).isCloseTo(Instant.parse("2026-11-24T09:00:00Z"), within(5, ChronoUnit.SECONDS));
        assertThat(second).isAfterOrEqualTo(first);
    }

    @Test
    void fromEnvironment_shouldSayWhatItTakes_whenTheValueIsNotAnInstant() {
        assertThatThrownBy(() -> ServiceClock.fromEnvironment(Map.of(ServiceClock.VARIABLE, "next tuesday")))
                .hasMessageContaining("ISO instant");
    }
}
