package nhssm.core.survey;

import java.time.Instant;

/** When a round accepts submissions: from {@code opensAt} (inclusive) until {@code closesAt} (exclusive). */
public record RoundWindow(Instant opensAt, Instant closesAt) {

    public RoundWindow {
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("a round must open before it closes: " + opensAt + " / " + closesAt);
        }
    }

    public boolean isOpenAt(Instant instant) {
        return !instant.isBefore(opensAt) && instant.isBefore(closesAt);
    }
}
