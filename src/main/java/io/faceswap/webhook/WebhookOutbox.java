package io.faceswap.webhook;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.SecureTokens;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.ResultLinks;
import io.faceswap.task.TaskQueries;
import io.faceswap.task.TaskStatus;
import io.faceswap.task.TaskView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes deliveries: one per ended task that has a callback (its id is the task's id, so a task can never get two,
 * whichever node or sweep writes it first), and one per replay. The payload is the task's view at its end.
 */
@ApplicationScoped
@Transactional
public class WebhookOutbox {
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final List<TaskStatus> ENDED = List.of(TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.CANCELED);

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    TaskQueries tasks;

    @Inject
    WebhookSettings settings;

    @Inject
    Clock clock;

    @Inject
    ResultLinks links;

    /** In a transaction of its own: called after the task's end committed. False when there is nothing to send. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean enqueueEnded(String taskId) {
        if (em.find(WebhookDelivery.class, taskId) != null) {
            return false;
        }
        FaceSwapTask task = tasks.find(taskId);
        if (task == null || !task.getStatus().terminal()) {
            return false;
        }
        Optional<String> url = Optional.ofNullable(task.getCallbackUrl())
                .or(() -> Optional.ofNullable(em.find(WebhookEndpoint.class, task.getUserId()))
                        .map(WebhookEndpoint::url));
        if (url.isEmpty()) {
            return false;
        }
        String payload = JSON.toJson(TaskView.of(task, settings.publicBaseUrl(), links));
        em.persist(new WebhookDelivery(
                task.getId(),
                "evt_" + task.getId(),
                task.getId(),
                task.getUserId(),
                "task." + task.getStatus().wire(),
                url.get(),
                payload,
                null,
                clock.instant()));
        return true;
    }

    /**
     * Sends a delivery again, as a new delivery with the same event id and payload (receivers de-duplicate on the
     * event id) and a fresh retry schedule. {@code ownerOrNull} limits it to that user's deliveries (404 otherwise).
     */
    public WebhookDelivery replay(String deliveryId, String ownerOrNull) {
        WebhookDelivery original = em.find(WebhookDelivery.class, deliveryId);
        if (original == null || ownerOrNull != null && !original.getUserId().equals(ownerOrNull)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No delivery " + deliveryId);
        }
        WebhookDelivery replay = new WebhookDelivery(
                SecureTokens.objectId(),
                original.getEventId(),
                original.getTaskId(),
                original.getUserId(),
                original.getEventType(),
                original.getUrl(),
                original.getPayload(),
                original.getId(),
                clock.instant());
        em.persist(replay);
        return replay;
    }

    /** Ended tasks with a callback but no delivery: a node died between the task's end and writing its delivery. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> missed(Instant endedAfter, int limit) {
        return em.createQuery(
                        "select t.id from FaceSwapTask t where t.status in :ended and t.finishedAt > :after "
                                + "and (t.callbackUrl is not null or exists (select e.userId from WebhookEndpoint e "
                                + "where e.userId = t.userId)) and not exists (select d.id from WebhookDelivery d "
                                + "where d.id = t.id) order by t.finishedAt",
                        String.class)
                .setParameter("ended", ENDED)
                .setParameter("after", endedAfter)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The admin's default callback for a user; null removes it. */
    public void setDefaultEndpoint(String userId, String url) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, userId);
        if (url == null) {
            if (endpoint != null) {
                em.remove(endpoint);
            }
        } else if (endpoint == null) {
            em.persist(new WebhookEndpoint(userId, url, clock.instant()));
        } else {
            endpoint.set(url, clock.instant());
        }
    }
}
