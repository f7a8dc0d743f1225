package io.faceswap.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the delivery log of a task: its deliveries, newest first, each with its attempts in order. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WebhookLog {

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    /** {@code ownerOrNull} limits the log to that user's deliveries (another user's task reads as empty). */
    public List<WebhookViews.Delivery> ofTask(String taskId, String ownerOrNull) {
        var query = em.createQuery(
                        "select d from WebhookDelivery d where d.taskId = :t"
                                + (ownerOrNull == null ? "" : " and d.userId = :u")
                                + " order by d.createdAt desc, d.id",
                        WebhookDelivery.class)
                .setParameter("t", taskId);
        if (ownerOrNull != null) {
            query.setParameter("u", ownerOrNull);
        }
        List<WebhookDelivery> deliveries = query.getResultList();
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<String, List<WebhookAttempt>> attempts = em.createQuery(
                        "select a from WebhookAttempt a " + "where a.taskId = :t order by a.attemptedAt, a.attemptNo",
                        WebhookAttempt.class)
                .setParameter("t", taskId)
                .getResultStream()
                .collect(Collectors.groupingBy(WebhookAttempt::getDeliveryId));
        return deliveries.stream()
                .map(d -> WebhookViews.Delivery.of(d, attempts.getOrDefault(d.getId(), List.of())))
                .toList();
    }
}
