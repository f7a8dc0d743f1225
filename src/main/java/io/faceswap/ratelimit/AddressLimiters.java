package io.faceswap.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Rate limits for calls that need no key (abuse reports): one Resilience4j {@link AtomicRateLimiter} per client
 * address, in this node's memory like the per-key buckets. IPv6 addresses count per /64, the block one subscriber
 * usually gets, so a client cannot walk its own block to escape the limit. Unlike keys, addresses are unbounded in
 * number: the map keeps at most {@value #MAX_ADDRESSES} of them, idle ones leave after two periods.
 * <p>
 * Plain Java (no CDI), so that it is tested without a server.
 */
public final class AddressLimiters {
    static final long MAX_ADDRESSES = 100_000;

    private final Limit limit;
    private final Cache<String, AtomicRateLimiter> byAddress;

    public AddressLimiters(Limit limit) {
        this.limit = limit;
        this.byAddress = Caffeine.newBuilder()
                .expireAfterAccess(limit.period().multipliedBy(2))
                .maximumSize(MAX_ADDRESSES)
                .executor(Runnable::run) // no pool threads inside the server
                .build();
    }

    /** Draws one permit for {@code address}; the answer carries Retry-After seconds when refused. */
    public KeyLimiters.Decision acquire(String address) {
        AtomicRateLimiter limiter = byAddress.get(bucketOf(address), this::create);
        boolean allowed = limiter.acquirePermission();
        int remaining = Math.max(0, limiter.getMetrics().getAvailablePermissions());
        long wait = limiter.getDetailedMetrics().getNanosToWait();
        long retry = allowed ? 0 : Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
        return new KeyLimiters.Decision(allowed, limit.limit(), remaining, retry, retry);
    }

    /** The address, or its /64 for IPv6; anything unparsable counts as itself. */
    static String bucketOf(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        String literal = address.replaceAll("^\\[|]$|%.*$", "");
        if (!literal.matches("[0-9A-Fa-f:.]+")) {
            return address; // never a name: getByName would resolve it
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder("v6:");
            for (int i = 0; i < 8; i++) {
                prefix.append(String.format("%02x", bytes[i]));
            }
            return prefix.toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private AtomicRateLimiter create(String name) {
        return new AtomicRateLimiter(
                name,
                RateLimiterConfig.custom()
                        .limitForPeriod(limit.limit())
                        .limitRefreshPeriod(limit.period())
                        .timeoutDuration(Duration.ZERO) // refuse at once, never park a request thread
                        .build());
    }
}
