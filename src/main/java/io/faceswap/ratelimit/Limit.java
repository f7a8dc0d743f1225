package io.faceswap.ratelimit;

import java.time.Duration;

/**
 * A bucket of {@code limit} requests, refilled completely every {@code period} (Resilience4j's model): on average
 * limit/period per second, with bursts up to {@code limit}.
 */
public record Limit(int limit, Duration period) {
    public Limit {
        if (limit < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a limit needs at least 1 request in a positive period");
        }
    }

    public double perSecond() {
        return limit * 1000.0 / period.toMillis();
    }
}
