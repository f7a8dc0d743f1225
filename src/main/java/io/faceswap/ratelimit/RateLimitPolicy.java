package io.faceswap.ratelimit;

import io.faceswap.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits that apply to a user: an admin's override, else the configured defaults. Overrides are read through
 * a cache of {@code clipzap.rate-limit.override-cache-seconds} (5), so a change made on another node applies here
 * within that time without a query on every request.
 */
@ApplicationScoped
public class RateLimitPolicy {

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    private record Cached(Optional<Limit[]> override, long readAtNanos) {}

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** The monotonic time the cache ages by; a unit test moves its own. */
    LongSupplier nanoTime = System::nanoTime;

    // Read once: enabled(), limitFor() and defaults() run on every sk request, and a Config lookup each time was a
    // measurable part of a listbyids call (issue 10). Limits are set per server at start (-D or environment).
    @Inject
    @ConfigProperty(name = "clipzap.rate-limit.enabled")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "clipzap.rate-limit.override-cache-seconds")
    long overrideCacheSeconds;

    @Inject
    @ConfigProperty(name = "clipzap.rate-limit.read.limit")
    int readLimit;

    @Inject
    @ConfigProperty(name = "clipzap.rate-limit.read.period-millis")
    long readPeriodMillis;

    @Inject
    @ConfigProperty(name = "clipzap.rate-limit.create.limit")
    int createLimit;

    @Inject
    @ConfigProperty(name = "clipzap.rate-limit.create.period-millis")
    long createPeriodMillis;

    public boolean enabled() {
        return enabled;
    }

    /** No transaction: a find outside one reads committed data, and the interceptor cost more than the read. */
    public Limit limitFor(String userId, Kind kind) {
        Cached c = cache.get(userId);
        long now = nanoTime.getAsLong();
        if (c == null || now - c.readAtNanos() > overrideCacheSeconds * 1_000_000_000L) {
            c = new Cached(
                    Optional.ofNullable(em.find(RateLimitOverride.class, userId))
                            .map(o -> new Limit[] {o.read(), o.create()}),
                    now);
            cache.put(userId, c);
        }
        return c.override().map(o -> kind == Kind.READ ? o[0] : o[1]).orElseGet(() -> defaults(kind));
    }

    public Limit defaults(Kind kind) {
        return kind == Kind.READ
                ? new Limit(readLimit, Duration.ofMillis(readPeriodMillis))
                : new Limit(createLimit, Duration.ofMillis(createPeriodMillis));
    }

    /** Sets (both limits given) or removes (null) a user's override; this node applies it at once. */
    @Transactional
    public void override(String userId, Limit read, Limit create) {
        RateLimitOverride o = em.find(RateLimitOverride.class, userId);
        if (read == null) {
            if (o != null) {
                em.remove(o);
            }
        } else {
            if (o == null) {
                o = new RateLimitOverride(userId);
                o.set(read, create, clock.instant());
                em.persist(o);
            } else {
                o.set(read, create, clock.instant());
            }
        }
        cache.remove(userId);
        audit.record(
                AuditLog.RATE_LIMIT_SET,
                userId,
                null,
                read == null
                        ? "defaults"
                        : "read " + read.limit() + "/" + read.period().toMillis() + " ms, create " + create.limit()
                                + "/" + create.period().toMillis() + " ms");
    }
}
