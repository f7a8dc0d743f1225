package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.ApiCaller;
import io.faceswap.auth.ApiKeyFormat;
import io.faceswap.auth.SecureTokens;
import io.faceswap.billing.BillingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What customers do with tasks: create (holding seconds), read, cancel. Owner checks happen here. */
@ApplicationScoped
@Transactional
public class TaskService {

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    BillingService billing;

    @Inject
    Clock clock;

    @Inject
    Event<TaskEvents.Queued> queued;

    @Inject
    Event<TaskEvents.CancelRequested> cancelRequested;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.max-duration-seconds", defaultValue = "600")
    double maxDurationSeconds;

    public record Created(FaceSwapTask task, boolean replayed) {
    }

    public Created create(ApiCaller caller, CreateTaskRequest request, String idempotencyKey) {
        if (request.duration() > maxDurationSeconds) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "duration: must be at most " + maxDurationSeconds
                    + " seconds");
        }
        long hold = (long) Math.ceil(request.duration());
        // the hold locks the user's row: concurrent creates of one user are serialised, so the idempotency check
        // below cannot race with itself
        billing.hold(caller.userId(), hold);
        String fingerprint = ApiKeyFormat.hash(request.title() + "\n" + request.imageUrl() + "\n"
                + request.videoUrl() + "\n" + request.duration());
        if (idempotencyKey != null) {
            Optional<FaceSwapTask> earlier = byIdempotencyKey(caller.userId(), idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().getRequestFingerprint().equals(fingerprint)) {
                    throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
                }
                billing.settle(caller.userId(), hold, 0); // give back this attempt's hold
                return new Created(earlier.get(), true);
            }
        }
        FaceSwapTask task = new FaceSwapTask(SecureTokens.objectId(), caller.userId(), caller.keyId(),
                request.title(), request.imageUrl(), request.videoUrl(), request.duration(), hold, idempotencyKey,
                fingerprint, clock.instant());
        em.persist(task);
        queued.fire(new TaskEvents.Queued(task.getId()));
        return new Created(task, false);
    }

    /** The caller's tasks among {@code ids}, in the order asked; others' and unknown ids are simply absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FaceSwapTask> listByIds(ApiCaller caller, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<FaceSwapTask> found = em.createQuery(
                        "select t from FaceSwapTask t where t.id in :ids and t.userId = :u", FaceSwapTask.class)
                .setParameter("ids", ids).setParameter("u", caller.userId()).getResultList();
        return ids.stream().flatMap(id -> found.stream().filter(t -> t.getId().equals(id))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FaceSwapTask owned(ApiCaller caller, String id) {
        FaceSwapTask task = em.find(FaceSwapTask.class, id);
        if (task == null || !task.getUserId().equals(caller.userId())) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No task " + id);
        }
        return task;
    }

    /**
     * A queued task ends here and now; a running one is asked to stop (its job ends at the next chunk boundary and
     * the task becomes canceled then). Cancelling a canceled task again is fine; a finished one is 409.
     */
    public FaceSwapTask cancel(ApiCaller caller, String id) {
        owned(caller, id);
        FaceSwapTask task = em.find(FaceSwapTask.class, id, LockModeType.PESSIMISTIC_WRITE);
        switch (task.getStatus()) {
            case QUEUED -> {
                task.finish(TaskStatus.CANCELED, null, "Canceled by the client", clock.instant());
                billing.settle(task.getUserId(), task.getHeldSeconds(), 0);
                task.settle(0);
            }
            case PROCESSING -> {
                task.requestCancel(clock.instant());
                if (task.getJobExecutionId() != null) {
                    cancelRequested.fire(new TaskEvents.CancelRequested(id, task.getJobExecutionId()));
                }
            }
            case CANCELED -> { }
            default -> throw new ApiException(ErrorCode.TASK_NOT_CANCELABLE,
                    "Task " + id + " has already " + task.getStatus().wire());
        }
        return task;
    }

    private Optional<FaceSwapTask> byIdempotencyKey(String userId, String key) {
        return em.createQuery("select t from FaceSwapTask t where t.userId = :u and t.idempotencyKey = :k",
                        FaceSwapTask.class)
                .setParameter("u", userId).setParameter("k", key).getResultStream().findFirst();
    }
}
