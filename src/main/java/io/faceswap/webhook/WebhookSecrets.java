package io.faceswap.webhook;

import io.faceswap.audit.AuditLog;
import io.faceswap.auth.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Users' signing secrets: created or rolled (the old ones stay valid for a grace period, so receivers can switch
 * without losing a message), and the valid ones for signing.
 */
@ApplicationScoped
@Transactional
public class WebhookSecrets {
    static final String PREFIX = "whsec_";
    private static final int RANDOM_CHARS = 40; // ~238 bits of base62

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    SecretSealer sealer;

    /** A new secret, shown once; the user's other secrets end after {@code grace} (now if zero). */
    public record Rolled(String id, String secret, Instant createdAt, Instant previousValidUntil, int previousValid) {}

    public Rolled roll(String userId, Duration grace) {
        Instant now = clock.instant();
        List<WebhookSecret> valid = valid(userId, now);
        Instant end = now.plus(grace);
        valid.forEach(s -> s.endBy(end));
        String id = SecureTokens.objectId();
        String secret = PREFIX + SecureTokens.base62(RANDOM_CHARS);
        WebhookSecret fresh = new WebhookSecret(id, userId, sealer.seal(id, secret), now);
        em.persist(fresh);
        audit.record(
                AuditLog.WEBHOOK_SECRET_ROLL,
                userId,
                fresh.id(),
                valid.size() + " previous secret(s) valid " + "until " + end);
        return new Rolled(fresh.id(), secret, now, valid.isEmpty() ? null : end, valid.size());
    }

    /** The secrets to sign with now, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> signingSecrets(String userId) {
        return valid(userId, clock.instant()).stream()
                .map(s -> s.secret(sealer))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasValid(String userId) {
        return !valid(userId, clock.instant()).isEmpty();
    }

    private List<WebhookSecret> valid(String userId, Instant now) {
        return em.createQuery(
                        "select s from WebhookSecret s where s.userId = :u and (s.expiresAt is null "
                                + "or s.expiresAt > :now) order by s.createdAt desc",
                        WebhookSecret.class)
                .setParameter("u", userId)
                .setParameter("now", now)
                .getResultList();
    }
}
