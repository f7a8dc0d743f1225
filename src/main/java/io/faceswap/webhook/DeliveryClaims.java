package io.faceswap.webhook;

import io.faceswap.api.Messages;
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
import java.util.Optional;

/**
 * Claims due deliveries and records attempts, each as a conditional update, like tasks: a delivery is sent only by
 * the node whose lease on it is current, and a node that died mid-send leaves a lease that lapses, after which any
 * node sends the delivery again.
 */
@ApplicationScoped
@Transactional
public class DeliveryClaims {

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    WebhookSettings settings;

    @Inject
    Clock clock;

    /** What one attempt came to: an HTTP status (when the receiver answered) or an error, and the time it took. */
    public record Outcome(Integer httpStatus, String error, Duration latency) {
        boolean delivered() {
            return httpStatus != null && httpStatus >= 200 && httpStatus <= 299;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> due(int limit) {
        return em.createQuery(
                        "select d.id from WebhookDelivery d where d.status = :p and d.nextAttemptAt <= :now "
                                + "and (d.leaseUntil is null or d.leaseUntil < :now) order by d.nextAttemptAt",
                        String.class)
                .setParameter("p", DeliveryStatus.PENDING)
                .setParameter("now", clock.instant())
                .setMaxResults(limit)
                .getResultList();
    }

    /** The delivery, now leased to {@code node}; empty when another node was quicker or it is no longer due. */
    public Optional<WebhookDelivery> claim(String id, String node) {
        Instant now = clock.instant();
        int won = em.createQuery(
                        "update WebhookDelivery d set d.leaseUntil = :lease, d.node = :n where d.id = :id "
                                + "and d.status = :p and d.nextAttemptAt <= :now and (d.leaseUntil is null or d.leaseUntil < :now)")
                .setParameter("lease", now.plus(settings.lease()))
                .setParameter("n", node)
                .setParameter("id", id)
                .setParameter("p", DeliveryStatus.PENDING)
                .setParameter("now", now)
                .executeUpdate();
        if (won != 1) {
            return Optional.empty();
        }
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
        em.refresh(delivery);
        return Optional.of(delivery);
    }

    /** Logs the attempt and moves the delivery on: delivered, due again after the schedule's delay, or failed. */
    public void record(WebhookDelivery delivery, String node, Instant attemptedAt, Outcome outcome) {
        int attemptNo = delivery.getAttempts() + 1;
        em.persist(new WebhookAttempt(
                SecureTokens.objectId(),
                delivery,
                attemptNo,
                attemptedAt,
                outcome.httpStatus(),
                outcome.latency().toMillis(),
                Messages.clip(outcome.error()),
                node));
        Optional<Duration> retryIn =
                outcome.delivered() ? Optional.empty() : settings.retries().delayAfter(attemptNo);
        DeliveryStatus next = outcome.delivered()
                ? DeliveryStatus.DELIVERED
                : retryIn.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
        Instant now = clock.instant();
        em.createQuery("update WebhookDelivery d set d.status = :s, d.attempts = :a, d.leaseUntil = null, "
                        + "d.nextAttemptAt = :next, d.lastHttpStatus = :h, d.lastError = :e, "
                        + "d.deliveredAt = :delivered where d.id = :id and d.status = :p")
                .setParameter("s", next)
                .setParameter("a", attemptNo)
                .setParameter("next", retryIn.map(now::plus).orElse(null))
                .setParameter("h", outcome.httpStatus())
                .setParameter("e", Messages.clip(outcome.error()))
                .setParameter("delivered", outcome.delivered() ? now : null)
                .setParameter("id", delivery.getId())
                .setParameter("p", DeliveryStatus.PENDING)
                .executeUpdate();
    }
}
