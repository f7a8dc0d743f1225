package io.faceswap.media;

import java.time.Duration;

/** The end of the total time budget of a fetch; each hop's call gets what is left of it as its call timeout. */
final class Deadline {

    private final long endNanos;

    Deadline(Duration budget) {
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    boolean expired() {
        return remainingNanos() <= 0;
    }

    /** What is left, at least 1 ms: OkHttp reads 0 as "no limit", and a sub-millisecond value as an error. */
    Duration remaining() {
        return Duration.ofMillis(Math.max(1, remainingNanos() / 1_000_000));
    }

    private long remainingNanos() {
        return endNanos - System.nanoTime();
    }
}
