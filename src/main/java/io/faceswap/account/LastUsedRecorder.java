package io.faceswap.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps {@code lastUsedAt} roughly current without a database write on every request: a key's time is written at
 * most once per interval (per server), in its own transaction so a failing request never loses it.
 */
@ApplicationScoped
public class LastUsedRecorder {

    @Inject
    Writer writer;

    @Inject
    @ConfigProperty(name = "clipzap.keys.last-used-write-interval-seconds")
    long intervalSeconds;

    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

    public void used(String keyId, Instant now) {
        Instant previous = lastWritten.get(keyId);
        if (previous != null && previous.plusSeconds(intervalSeconds).isAfter(now)) {
            return;
        }
        // only the thread that wins the swap writes; concurrent requests of the same key skip
        boolean won = previous == null
                ? lastWritten.putIfAbsent(keyId, now) == null
                : lastWritten.replace(keyId, previous, now);
        if (won) {
            writer.write(keyId, now);
        }
    }

    /** A bean of its own so that the transaction interceptor applies. */
    @ApplicationScoped
    public static class Writer {
        @PersistenceContext(unitName = "faceswap")
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void write(String keyId, Instant now) {
            em.createQuery("update ApiKey k set k.lastUsedAt = :t where k.id = :id")
                    .setParameter("t", now)
                    .setParameter("id", keyId)
                    .executeUpdate();
        }
    }
}
