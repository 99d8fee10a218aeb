package nhssm.local.dynamodb.conformance;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for work the service does in the background by asking again until it answers or a deadline passes. */
public final class Poll {

    private Poll() {
    }

    /** The first present answer of {@code attempt} before {@code within} has passed; fails the test after it. */
    public static <T> T until(Duration within, String what, Supplier<Optional<T>> attempt) {
        long deadline = System.nanoTime() + within.toNanos();
        long pauseMillis = 5;
        while (true) {
            Optional<T> answer = attempt.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not seen within " + within + ": " + what);
            }
            // A short, growing pause between attempts, so polling does not flood the server.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pauseMillis));
            pauseMillis = Math.min(pauseMillis * 2, 250);
        }
    }
}
