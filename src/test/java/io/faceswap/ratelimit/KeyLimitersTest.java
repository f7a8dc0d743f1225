package io.faceswap.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.ratelimit.KeyLimiters.Decision;
import java.time.Duration;
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
}
