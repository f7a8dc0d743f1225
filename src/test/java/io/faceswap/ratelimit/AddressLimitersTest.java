package io.faceswap.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Limits of the key-less calls, per client address; IPv6 per /64. */
class AddressLimitersTest {

    @Test
    void eachAddressHasItsOwnBucketAndARefusalSaysWhenToRetry() {
        AddressLimiters limiters = new AddressLimiters(new Limit(3, Duration.ofMinutes(1)));
        for (int i = 0; i < 3; i++) {
            assertTrue(limiters.acquire("192.0.2.1").allowed());
        }
        KeyLimiters.Decision refused = limiters.acquire("192.0.2.1");
        assertFalse(refused.allowed());
        assertTrue(
                refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 60,
                "retry within the period: " + refused.retryAfterSeconds());
        assertTrue(limiters.acquire("192.0.2.2").allowed(), "another address is not affected");
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareABucket() {
        AddressLimiters limiters = new AddressLimiters(new Limit(2, Duration.ofMinutes(1)));
        assertTrue(limiters.acquire("2001:db8:1:2::1").allowed());
        assertTrue(limiters.acquire("2001:db8:1:2:ffff::9").allowed());
        assertFalse(limiters.acquire("2001:db8:1:2:0:0:0:abcd").allowed(), "same /64, third call");
        assertTrue(limiters.acquire("2001:db8:1:3::1").allowed(), "the next /64 is another client");
    }

    @Test
    void bucketsAreAddressesOrSlash64Prefixes() {
        assertEquals("203.0.113.7", AddressLimiters.bucketOf("203.0.113.7"));
        assertEquals("v6:20010db800010002", AddressLimiters.bucketOf("2001:db8:1:2::1"));
        assertEquals("v6:20010db800010002", AddressLimiters.bucketOf("[2001:db8:1:2::1%eth0]"));
        assertNotEquals(AddressLimiters.bucketOf("::1"), AddressLimiters.bucketOf("2001:db8::1"));
        assertEquals("not:an-address", AddressLimiters.bucketOf("not:an-address"), "never resolved as a name");
    }
}
