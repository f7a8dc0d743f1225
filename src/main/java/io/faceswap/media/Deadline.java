package io.faceswap.media;

import java.net.SocketTimeoutException;
import java.time.Duration;

/** The end of the total time budget; every blocking socket call is bounded by what is left of it. */
final class Deadline {

    private final long endNanos;

    Deadline(Duration budget) {
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    boolean expired() {
        return remainingNanos() <= 0;
    }

    /**
     * A socket timeout in ms for the next blocking call: the per-call limit, shortened to the remaining budget.
     * Never 0, which sockets read as "wait forever".
     */
    int timeoutMillis(Duration perCallLimit) throws SocketTimeoutException {
        long remaining = remainingNanos();
        if (remaining <= 0) {
            throw new SocketTimeoutException("total time limit exceeded");
        }
        long millis = Math.min(perCallLimit.toMillis(), Math.max(1, remaining / 1_000_000));
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }

    private long remainingNanos() {
        return endNanos - System.nanoTime();
    }
}
