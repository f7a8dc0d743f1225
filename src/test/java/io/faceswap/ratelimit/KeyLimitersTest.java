package io.faceswap.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.ratelimit.KeyLimiters.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyLimitersTest {
    // a period far longer than the test, so no refill happens while it runs
    private static final Limit THREE_PER_HOUR = new Limit(3, Duration.ofHours(1));

    private final KeyLimiters limiters = new KeyLimiters();

    @Test
    void aBucketAllowsItsLimitThenRefusesWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            Decision d = limiters.acquire("k1", Kind.READ, THREE_PER_HOUR);
            assertTrue(d.allowed());
            assertEquals(3, d.limit());
            assertEquals(2 - i, d.remaining());
            assertEquals(0, d.retryAfterSeconds());
        }
        Decision refused = limiters.acquire("k1", Kind.READ, THREE_PER_HOUR);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertTrue(refused.retryAfterSeconds() > 3500 && refused.retryAfterSeconds() <= 3600, refused.toString());
        assertTrue(refused.resetSeconds() > 3500 && refused.resetSeconds() <= 3600, refused.toString());
    }

    @Test
    void keysAndKindsHaveBucketsOfTheirOwn() {
        for (int i = 0; i < 3; i++) {
            limiters.acquire("k1", Kind.READ, THREE_PER_HOUR);
        }
        assertFalse(limiters.acquire("k1", Kind.READ, THREE_PER_HOUR).allowed());
        assertTrue(limiters.acquire("k2", Kind.READ, THREE_PER_HOUR).allowed());
        assertTrue(limiters.acquire("k1", Kind.CREATE, THREE_PER_HOUR).allowed());
    }

    @Test
    void aChangedLimitStartsAFreshBucket() {
        for (int i = 0; i < 3; i++) {
            limiters.acquire("k1", Kind.READ, THREE_PER_HOUR);
        }
        Limit raised = new Limit(5, Duration.ofHours(1));
        Decision d = limiters.acquire("k1", Kind.READ, raised);
        assertTrue(d.allowed());
        assertEquals(5, d.limit());
        assertEquals(4, d.remaining());
    }

    @Test
    void theBucketRefillsAfterItsPeriod() {
        Limit onePerFiftyMillis = new Limit(1, Duration.ofMillis(50));
        assertTrue(limiters.acquire("k1", Kind.READ, onePerFiftyMillis).allowed());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        boolean refilled = false;
        while (!refilled && System.nanoTime() < deadline) {
            refilled = limiters.acquire("k1", Kind.READ, onePerFiftyMillis).allowed();
            Thread.onSpinWait();
        }
        assertTrue(refilled, "a 50 ms bucket refilled within 5 s");
    }

    @Test
    void aLimitNeedsAtLeastOneRequestInAPositivePeriod() {
        assertThrows(IllegalArgumentException.class, () -> new Limit(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Limit(1, Duration.ZERO));
        assertEquals(20.0, new Limit(40, Duration.ofSeconds(2)).perSecond());
    }

    @Test
    void aBucketRefillsAtTheEndOfItsPeriodAndTheHeadersSaySo() {
        AtomicLong nanos = new AtomicLong(123_456_789L);
        KeyLimiters timed = new KeyLimiters(nanos::get);
        Limit twoPerTenSeconds = new Limit(2, Duration.ofSeconds(10));

        assertEquals(new Decision(true, 2, 1, 10, 0), timed.acquire("k1", Kind.CREATE, twoPerTenSeconds));
        nanos.addAndGet(Duration.ofMillis(3200).toNanos());
        assertEquals(new Decision(true, 2, 0, 7, 0), timed.acquire("k1", Kind.CREATE, twoPerTenSeconds));
        assertEquals(
                new Decision(false, 2, 0, 7, 7),
                timed.acquire("k1", Kind.CREATE, twoPerTenSeconds),
                "6.8 s to the refill: rounded up");
        nanos.addAndGet(Duration.ofMillis(6800).toNanos() - 1);
        assertEquals(
                new Decision(false, 2, 0, 1, 1),
                timed.acquire("k1", Kind.CREATE, twoPerTenSeconds),
                "one nanosecond before the refill: still refused, retry in a second");
        nanos.addAndGet(1);
        assertEquals(
                new Decision(true, 2, 1, 10, 0),
                timed.acquire("k1", Kind.CREATE, twoPerTenSeconds),
                "a full bucket at the period's end");
    }

    @Test
    void anIdleBucketFillsUpToItsLimitAndNoFurther() {
        AtomicLong nanos = new AtomicLong();
        KeyLimiters timed = new KeyLimiters(nanos::get);
        Limit threePerSecond = new Limit(3, Duration.ofSeconds(1));
        timed.acquire("k1", Kind.READ, threePerSecond);
        nanos.addAndGet(TimeUnit.MINUTES.toNanos(5));
        for (int i = 0; i < 3; i++) {
            assertTrue(timed.acquire("k1", Kind.READ, threePerSecond).allowed());
        }
        assertFalse(timed.acquire("k1", Kind.READ, threePerSecond).allowed(), "no burst saved up while idle");
    }

    @Test
    void anEqualLimitKeepsItsBucket() {
        for (int i = 0; i < 3; i++) {
            limiters.acquire("k1", Kind.READ, new Limit(3, Duration.ofHours(1)));
        }
        // the policy builds a new Limit on every request: equal figures must not reset the bucket
        assertFalse(limiters.acquire("k1", Kind.READ, new Limit(3, Duration.ofMinutes(60)))
                .allowed());
    }

    @Test
    void concurrentRequestsGetNoMorePermitsThanTheLimit() throws Exception {
        Limit fiftyPerHour = new Limit(50, Duration.ofHours(1));
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> allowed = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                allowed.add(pool.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int i = 0; i < 100; i++) {
                        n += limiters.acquire("k1", Kind.READ, fiftyPerHour).allowed() ? 1 : 0;
                    }
                    return n;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : allowed) {
                total += f.get(30, TimeUnit.SECONDS);
            }
            assertEquals(50, total, "400 attempts on a bucket of 50");
        } finally {
            pool.shutdownNow();
        }
    }
}
