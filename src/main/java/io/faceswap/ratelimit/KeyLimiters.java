package io.faceswap.ratelimit;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One Resilience4j {@link AtomicRateLimiter} per key and kind, in this node's memory (lock-free; a permit is one
 * compare-and-set). A limiter is rebuilt when the limit that applies to it changes.
 */
@ApplicationScoped
public class KeyLimiters {

    /** What a request got: allowed or not, and the figures for the RateLimit-* and Retry-After headers. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {}

    private record Entry(AtomicRateLimiter limiter, Limit limit, long startNanos) {}

    private final Map<String, Entry> limiters = new ConcurrentHashMap<>();

    /** The monotonic time the buckets refill by (the limiters' and the headers' both). */
    private final LongSupplier nanoTime;

    public KeyLimiters() {
        this(System::nanoTime);
    }

    /** A unit test's own time. */
    KeyLimiters(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    public Decision acquire(String keyId, Kind kind, Limit limit) {
        Entry e = limiters.compute(
                keyId + "/" + kind, (k, old) -> old != null && old.limit().equals(limit) ? old : create(k, limit));
        boolean allowed = e.limiter().acquirePermission();
        int remaining = Math.max(0, e.limiter().getMetrics().getAvailablePermissions());
        long period = limit.period().toNanos();
        // the limiter's cycles are counted from its creation; the next refill is at the end of the current one
        long untilRefill = period - Math.floorMod(nanoTime.getAsLong() - e.startNanos(), period);
        long retry = allowed
                ? 0
                : Math.max(
                        1,
                        seconds(Math.max(
                                untilRefill, e.limiter().getDetailedMetrics().getNanosToWait())));
        return new Decision(allowed, limit.limit(), remaining, seconds(untilRefill), retry);
    }

    private Entry create(String name, Limit limit) {
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(limit.limit())
                .limitRefreshPeriod(limit.period())
                .timeoutDuration(Duration.ZERO) // refuse at once, never park a request thread
                .build();
        long start = nanoTime.getAsLong();
        return new Entry(new AtomicRateLimiter(name, config, nanoTime::getAsLong), limit, start);
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
