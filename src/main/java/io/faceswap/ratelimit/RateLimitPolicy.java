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
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

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

    private record Cached(Optional<Limit[]> override, long readAtNanos) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    // enabled() and defaults() read configuration only: no transaction (they run on every sk request)
    public boolean enabled() {
        return config().getOptionalValue("clipzap.rate-limit.enabled", Boolean.class).orElse(true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Limit limitFor(String userId, Kind kind) {
        long ttl = Duration.ofSeconds(config().getOptionalValue("clipzap.rate-limit.override-cache-seconds",
                Long.class).orElse(5L)).toNanos();
        Cached c = cache.get(userId);
        if (c == null || System.nanoTime() - c.readAtNanos() > ttl) {
            c = new Cached(Optional.ofNullable(em.find(RateLimitOverride.class, userId))
                    .map(o -> new Limit[] {o.read(), o.create()}), System.nanoTime());
            cache.put(userId, c);
        }
        return c.override().map(o -> kind == Kind.READ ? o[0] : o[1]).orElseGet(() -> defaults(kind));
    }

    public Limit defaults(Kind kind) {
        Config c = config();
        String k = kind == Kind.READ ? "read" : "create";
        int limit = c.getOptionalValue("clipzap.rate-limit." + k + ".limit", Integer.class)
                .orElse(kind == Kind.READ ? 40 : 2);
        long periodMillis = c.getOptionalValue("clipzap.rate-limit." + k + ".period-millis", Long.class)
                .orElse(kind == Kind.READ ? 2000L : 1000L);
        return new Limit(limit, Duration.ofMillis(periodMillis));
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
        audit.record(AuditLog.RATE_LIMIT_SET, userId, null, read == null ? "defaults"
                : "read " + read.limit() + "/" + read.period().toMillis() + " ms, create " + create.limit() + "/"
                + create.period().toMillis() + " ms");
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
