package io.faceswap.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.ApiKeyFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sk filter's cache, on a fake ticker and clock: what it saves, and how long a change to a key can go unseen. */
class ApiKeyCacheTest {
    private static final Duration TTL = Duration.ofSeconds(1);
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final MutableClock clock = new MutableClock();
    /** The "database": key hash to key, changed behind the cache's back as another node would. */
    private final Map<String, KeySnapshot> database = new ConcurrentHashMap<>();

    private final AtomicInteger reads = new AtomicInteger();
    private final List<String> used = new ArrayList<>();
    private ApiKeyCache cache;
    private final String sk = ApiKeyFormat.generate();

    @BeforeEach
    void setUp() {
        cache = new ApiKeyCache(
                TTL,
                nanos::get,
                clock,
                hash -> {
                    reads.incrementAndGet();
                    return Optional.ofNullable(database.get(hash));
                },
                (keyId, at) -> used.add(keyId));
        database.put(ApiKeyFormat.hash(sk), new KeySnapshot("k1", "u1", null, false, false));
    }

    @Test
    void aKnownKeyIsReadOnceWhileItsEntryLives() {
        for (int i = 0; i < 100; i++) {
            assertEquals("u1", cache.authenticate(sk).userId());
            advance(Duration.ofMillis(9)); // 891 ms in all: still inside the second
        }
        assertEquals(1, reads.get());
        assertEquals(100, used.size(), "every accepted request still counts for lastUsedAt");
        advance(Duration.ofMillis(200));
        cache.authenticate(sk);
        assertEquals(2, reads.get(), "read again once the entry is a second old");
    }

    @Test
    void aKeyRevokedElsewhereIsRefusedWithinTheTtl() {
        cache.authenticate(sk);
        advance(Duration.ofMillis(300));
        revokeInDatabase(); // another node revokes: nothing tells this one
        advance(Duration.ofMillis(699));
        cache.authenticate(sk); // still inside the entry's second: the old answer
        advance(Duration.ofMillis(1));
        ApiException refused = assertThrows(ApiException.class, () -> cache.authenticate(sk));
        assertEquals(ErrorCode.API_KEY_REVOKED, refused.error(), "refused 700 ms after the revocation (< 1 s)");
    }

    @Test
    void aKeyRevokedOnThisNodeIsRefusedAtOnce() {
        cache.authenticate(sk);
        revokeInDatabase();
        cache.forgetKey("k1");
        assertEquals(
                ErrorCode.API_KEY_REVOKED,
                assertThrows(ApiException.class, () -> cache.authenticate(sk)).error());
    }

    @Test
    void aCachedKeyIsRefusedTheMomentItExpires() {
        database.put(ApiKeyFormat.hash(sk), new KeySnapshot("k1", "u1", START.plusMillis(500), false, false));
        cache.authenticate(sk);
        advance(Duration.ofMillis(499));
        cache.authenticate(sk);
        advance(Duration.ofMillis(1));
        ApiException refused = assertThrows(ApiException.class, () -> cache.authenticate(sk));
        assertEquals(ErrorCode.API_KEY_EXPIRED, refused.error());
        assertEquals(1, reads.get(), "expiry is checked against the clock, not by reading the key again");
    }

    @Test
    void aRolledKeyWorksUntilItsGraceEndsThenIsRefusedAsRolled() {
        cache.authenticate(sk);
        // a roll on this node: the row gets its successor and an end 500 ms away, and the cache forgets the key
        database.put(ApiKeyFormat.hash(sk), new KeySnapshot("k1", "u1", START.plusMillis(500), false, true));
        cache.forgetKey("k1");
        assertEquals("u1", cache.authenticate(sk).userId(), "rolling: inside the grace");
        advance(Duration.ofMillis(500));
        assertEquals(
                ErrorCode.API_KEY_ROLLED,
                assertThrows(ApiException.class, () -> cache.authenticate(sk)).error());
    }

    @Test
    void anUnknownKeyCostsOneReadPerTtlNotOnePerRequest() {
        String stranger = ApiKeyFormat.generate();
        for (int i = 0; i < 50; i++) {
            assertEquals(
                    ErrorCode.API_KEY_UNKNOWN,
                    assertThrows(ApiException.class, () -> cache.authenticate(stranger))
                            .error());
        }
        assertEquals(1, reads.get());
        database.put(ApiKeyFormat.hash(stranger), new KeySnapshot("k2", "u2", null, false, false));
        advance(TTL);
        assertEquals("u2", cache.authenticate(stranger).userId(), "a key created meanwhile works after the TTL");
    }

    @Test
    void aUserSuspendedElsewhereIsRefusedWithinTheTtlAndForgottenHereAtOnce() {
        String second = ApiKeyFormat.generate();
        database.put(ApiKeyFormat.hash(second), new KeySnapshot("k2", "u1", null, false, false));
        cache.authenticate(sk);
        cache.authenticate(second);
        advance(Duration.ofMillis(400));
        suspendInDatabase("u1"); // another node suspends the user: nothing tells this one
        advance(Duration.ofMillis(599));
        cache.authenticate(sk); // the old answer, inside the entry's second
        advance(Duration.ofMillis(1));
        assertEquals(
                ErrorCode.USER_SUSPENDED,
                assertThrows(ApiException.class, () -> cache.authenticate(sk)).error());
        assertEquals(
                ErrorCode.USER_SUSPENDED,
                assertThrows(ApiException.class, () -> cache.authenticate(second))
                        .error(),
                "every key of the user");

        database.replaceAll((hash, k) -> new KeySnapshot(k.keyId(), k.userId(), null, false, false, false));
        cache.forgetUser("u1"); // unsuspended on this node: read again at once
        assertEquals("u1", cache.authenticate(sk).userId());
        assertEquals("u1", cache.authenticate(second).userId());
    }

    @Test
    void aRevokedKeyOfASuspendedUserStaysRevoked() {
        database.put(ApiKeyFormat.hash(sk), new KeySnapshot("k1", "u1", null, true, false, true));
        assertEquals(
                ErrorCode.API_KEY_REVOKED,
                assertThrows(ApiException.class, () -> cache.authenticate(sk)).error());
    }

    private void suspendInDatabase(String userId) {
        database.replaceAll((hash, k) -> k.userId().equals(userId)
                ? new KeySnapshot(k.keyId(), k.userId(), k.expiresAt(), k.revoked(), k.replaced(), true)
                : k);
    }

    private void revokeInDatabase() {
        database.put(ApiKeyFormat.hash(sk), new KeySnapshot("k1", "u1", null, true, false));
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
        clock.now = clock.now.plus(d);
    }

    private static final class MutableClock extends Clock {
        Instant now = START;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
