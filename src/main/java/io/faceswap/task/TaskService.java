package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.ApiCaller;
import io.faceswap.auth.ApiKeyFormat;
import io.faceswap.auth.SecureTokens;
import io.faceswap.billing.BillingService;
import io.faceswap.billing.UserAccount;
import io.faceswap.logging.LogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What customers do with tasks: create (holding seconds), read, cancel. Owner checks happen here. */
@ApplicationScoped
@Transactional
public class TaskService {
    private static final Logger LOG = Logger.getLogger(TaskService.class.getName());

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    BillingService billing;

    @Inject
    Clock clock;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    TaskQueries queries;

    @Inject
    TaskSettings settings;

    @Inject
    CallbackTargets callbacks;

    @Inject
    TaskDeletion deletion;

    @Inject
    ConsentPolicy consent;

    @Inject
    io.faceswap.faces.DetectedFaces detectedFaces;

    @Inject
    Event<TaskEvents.Queued> queued;

    @Inject
    Event<TaskEvents.CancelRequested> cancelRequested;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.max-duration-seconds")
    double maxDurationSeconds;

    public record Created(FaceSwapTask task, boolean replayed) {}

    public Created create(ApiCaller caller, CreateTaskRequest request, String idempotencyKey) {
        boolean photo = CreateRules.target(request);
        CreateRules.check(request, photo, maxDurationSeconds);
        String selector = FaceMappings.selector(request);
        String mappings =
                FaceMappings.encode(request.faceMappings(), id -> detectedFaces.identity(caller.userId(), id));
        if (request.callbackUrl() != null) {
            callbacks.requireUsable(caller.userId(), request.callbackUrl());
        }
        consent.check(request.consent());
        // a photo holds (and is charged) a fixed number of seconds; its duration, if given, plays no part
        double duration = photo ? 0 : request.duration();
        long hold = photo ? settings.secondsPerImage() : (long) Math.ceil(request.trimmedSeconds());
        // the hold locks the user's row: concurrent creates of one user are serialised from here on
        UserAccount account = billing.lock(caller.userId());
        if (account.getSuspendedAt() != null) { // a key read before a suspension committed, within the cache's second
            throw new ApiException(ErrorCode.USER_SUSPENDED);
        }
        String fingerprint = ApiKeyFormat.hash(request.title() + "\n" + request.imageUrl() + "\n"
                + (photo ? "photo " + request.targetImageUrl() : request.videoUrl() + "\n" + duration)
                + (request.callbackUrl() == null ? "" : "\n" + request.callbackUrl())
                + (request.startSeconds() == null && request.endSeconds() == null
                        ? ""
                        : "\ntrim " + request.startSeconds() + " " + request.endSeconds())
                + (Boolean.TRUE.equals(request.visibleLabel()) ? "\nlabel" : "")
                + (selector == null ? "" : "\nfaces " + selector + " " + mappings));
        if (idempotencyKey != null) {
            Optional<FaceSwapTask> earlier = byIdempotencyKey(caller.userId(), idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().getRequestFingerprint().equals(fingerprint)) {
                    throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
                }
                return new Created(earlier.get(), true); // a retry: the original task, whatever the balance now
            }
        }
        long queuedNow = em.createQuery(
                        "select count(t) from FaceSwapTask t where t.userId = :u and t.status = :q", Long.class)
                .setParameter("u", caller.userId())
                .setParameter("q", TaskStatus.QUEUED)
                .getSingleResult();
        if (queuedNow >= settings.maxQueuedPerUser()) {
            throw new ApiException(
                    ErrorCode.TOO_MANY_QUEUED_TASKS,
                    "The user has " + queuedNow + " queued tasks, the most allowed; wait for some to start");
        }
        billing.hold(account, hold);
        FaceSwapTask task = new FaceSwapTask(
                SecureTokens.objectId(),
                caller.userId(),
                caller.keyId(),
                request.title(),
                request.imageUrl(),
                request.videoUrl(),
                request.targetImageUrl(),
                duration,
                hold,
                idempotencyKey,
                fingerprint,
                clock.instant());
        task.setCallbackUrl(request.callbackUrl());
        task.setTrim(request.startSeconds(), request.endSeconds());
        task.setRequestId(LogContext.requestId());
        task.setConsent(request.consent());
        task.setFaces(selector, mappings);
        task.setVisibleLabel(Boolean.TRUE.equals(request.visibleLabel()) || account.isVisibleLabel());
        em.persist(task);
        consent.recorded(task);
        LogContext.task(task.getId());
        LOG.info(() ->
                "Task " + task.getId() + " queued (" + task.getTargetKind().wire() + ", " + hold + " s held"
                        + (request.startSeconds() == null && request.endSeconds() == null
                                ? ""
                                : ", trimmed " + request.startSeconds() + "-" + request.endSeconds())
                        + ")");
        queued.fire(new TaskEvents.Queued(task.getId()));
        return new Created(task, false);
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
     * A queued or paused task ends here and now; a running one is asked to stop (its job ends at the next chunk
     * boundary, and the task becomes canceled then). Cancelling a canceled task again is fine; a finished one is 409.
     * Each step is a conditional update, so a cancel racing the task's own end changes nothing it should not.
     */
    public FaceSwapTask cancel(ApiCaller caller, String id) {
        owned(caller, id);
        if (!lifecycle.cancelNow(id) && lifecycle.requestCancel(id)) {
            Long execution = queries.find(id).getJobExecutionId();
            if (execution != null) {
                cancelRequested.fire(new TaskEvents.CancelRequested(id, execution));
            }
        }
        FaceSwapTask task = queries.find(id);
        if (task.getStatus().terminal() && task.getStatus() != TaskStatus.CANCELED) {
            throw new ApiException(
                    ErrorCode.TASK_NOT_CANCELABLE,
                    "Task " + id + " has already " + task.getStatus().wire());
        }
        return task;
    }

    /** Deletes the caller's task's data (see {@link TaskDeletion}); deleting it again returns the tombstone. */
    public FaceSwapTask delete(ApiCaller caller, String id) {
        owned(caller, id);
        return deletion.delete(id, null);
    }

    private Optional<FaceSwapTask> byIdempotencyKey(String userId, String key) {
        return em.createQuery(
                        "select t from FaceSwapTask t where t.userId = :u and t.idempotencyKey = :k",
                        FaceSwapTask.class)
                .setParameter("u", userId)
                .setParameter("k", key)
                .getResultStream()
                .findFirst();
    }
}
