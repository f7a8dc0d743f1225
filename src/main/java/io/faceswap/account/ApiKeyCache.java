package io.faceswap.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.ApiCaller;
import io.faceswap.auth.ApiKeyFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Key hash to key, remembered for at most {@code ttl} (1 s at most in production) so that the sk filter reads the
 * database about once a second per key instead of on every request.
 * <p>
 * Why this is safe in a cluster: an entry is never older than {@code ttl} from the moment its row was read, and a
 * revocation commits after any read that missed it, so every node refuses a revoked key within {@code ttl} of the
 * revocation with no message between nodes. The node that revokes forgets the key at once ({@link #forgetKey}).
 * Expiry needs no reload at all: the cached expiry time is compared with the clock on every request. Unknown keys
 * are cached too (as empty), so a client hammering with a wrong key costs one query a second, not one per request;
 * the size cap bounds what a stream of random keys can take. A user's suspension is read with each key (from the
 * user's account row), so it reaches every node exactly as a revocation does.
 * <p>
 * Plain Java (no CDI), so that its timing is tested with a fake ticker and clock.
 */
public final class ApiKeyCache {
    static final long MAX_ENTRIES = 100_000;

    private final Cache<String, Optional<KeySnapshot>> byHash;
    private final Function<String, Optional<KeySnapshot>> loader;
    private final Clock clock;
    private final BiConsumer<String, Instant> onUse;

    /**
     * @param loader reads a key by its hash from the database
     * @param onUse  called with the key id and time of each accepted request (lastUsedAt bookkeeping)
     */
    public ApiKeyCache(
            Duration ttl,
            Ticker ticker,
            Clock clock,
            Function<String, Optional<KeySnapshot>> loader,
            BiConsumer<String, Instant> onUse) {
        this.byHash = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(MAX_ENTRIES)
                .ticker(ticker)
                .executor(Runnable::run) // maintenance on the caller's thread: no pool threads inside the server
                .build();
        this.loader = loader;
        this.clock = clock;
        this.onUse = onUse;
    }

    /** @throws ApiException API_KEY_UNKNOWN, API_KEY_REVOKED, API_KEY_EXPIRED, API_KEY_ROLLED or USER_SUSPENDED */
    public ApiCaller authenticate(String presentedKey) {
        KeySnapshot key = byHash.get(ApiKeyFormat.hash(presentedKey), loader)
                .orElseThrow(() -> new ApiException(ErrorCode.API_KEY_UNKNOWN));
        Instant now = clock.instant();
        switch (key.statusAt(now)) {
            case REVOKED -> throw new ApiException(ErrorCode.API_KEY_REVOKED);
            case EXPIRED -> throw new ApiException(ErrorCode.API_KEY_EXPIRED);
            case ROLLED -> throw new ApiException(ErrorCode.API_KEY_ROLLED);
            case ACTIVE, ROLLING -> {
                if (key.userSuspended()) { // read with the key, so it ages out of the cache just as a revocation
                    throw new ApiException(ErrorCode.USER_SUSPENDED);
                }
                onUse.accept(key.keyId(), now);
            }
        }
        return new ApiCaller(key.userId(), key.keyId());
    }

    /** This node suspended or unsuspended the user: every key of the user is read again at its next use. */
    public void forgetUser(String userId) {
        byHash.asMap()
                .values()
                .removeIf(cached -> cached.map(k -> k.userId().equals(userId)).orElse(false));
    }

    /** This node revoked the key: no need to wait for the entry to age out. */
    public void forgetKey(String keyId) {
        byHash.asMap()
                .values()
                .removeIf(cached -> cached.map(k -> k.keyId().equals(keyId)).orElse(false));
    }
}
