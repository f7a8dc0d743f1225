package io.faceswap.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition with a timeout, polling: the one way tests wait for jobs and servers. */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(200);

    private Await() {}

    /** Polls {@code probe} until {@code done} accepts its value; fails with the last value after {@code timeout}. */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        return until(what, timeout, POLL, probe, done);
    }

    /** As above, polling every {@code poll} (short where the test measures how soon the condition held). */
    public static <T> T until(String what, Duration timeout, Duration poll, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; last: " + last);
            }
            try {
                Thread.sleep(poll.toMillis()); // the polling interval of a bounded wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }
}
