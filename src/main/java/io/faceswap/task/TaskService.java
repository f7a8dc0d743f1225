package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.api.ValidationExceptionMapper;
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
import java.util.List;
import java.util.Map;
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
        boolean photo = target(request);
        if (!photo && request.duration() == null) {
            throw invalid("duration", "must not be null");
        }
        if (!photo && request.duration() > maxDurationSeconds) {
            throw invalid("duration", "must be at most " + maxDurationSeconds + " seconds");
        }
        requireTrimValid(request, photo);
        String selector = FaceMappings.selector(request);
        String mappings =
                FaceMappings.encode(request.faceMappings(), id -> detectedFaces.identity(caller.userId(), id));
        requireParsable("imageUrl", request.imageUrl());
        if (photo) {
            requireParsable("targetImageUrl", request.targetImageUrl());
        } else {
            requireParsable("videoUrl", request.videoUrl());
        }
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

    /**
     * The trim, checked against itself and the declared duration (the video's real length is checked when the task
     * runs: TRIM_PAST_END). Nothing is held or stored for a refused one.
     */
    private static void requireTrimValid(CreateTaskRequest request, boolean photo) {
        Double start = request.startSeconds();
        Double end = request.endSeconds();
        if (photo && (start != null || end != null)) { // a still has no time to trim: refused, never ignored
            throw invalid(start != null ? "startSeconds" : "endSeconds", "only for a video target (videoUrl)");
        }
        if (photo) {
            return;
        }
        if ((start != null && start < 0) || (end != null && end < 0)) {
            throw new ApiException(
                    ErrorCode.TRIM_NEGATIVE,
                    "startSeconds and endSeconds must not be negative (got " + start + ", " + end + ")");
        }
        double from = start == null ? 0 : start;
        if (end != null && from >= end) {
            throw new ApiException(
                    ErrorCode.TRIM_EMPTY, "startSeconds (" + from + ") must be before endSeconds (" + end + ")");
        }
        if (from >= request.duration()) {
            throw new ApiException(
                    ErrorCode.TRIM_PAST_END,
                    "startSeconds (" + from + ") must be before the end of the video (duration " + request.duration()
                            + ")");
        }
        if (end != null && end > request.duration()) {
            throw new ApiException(
                    ErrorCode.TRIM_PAST_END,
                    "endSeconds (" + end + ") must not be after the end of the video (duration " + request.duration()
                            + ")");
        }
    }

    /**
     * Which target the request names: true for a photo (targetImageUrl), false for a video (videoUrl). Neither is
     * 40010, both 40011: told at once, before anything is held.
     */
    private static boolean target(CreateTaskRequest request) {
        boolean video = request.videoUrl() != null, photo = request.targetImageUrl() != null;
        if (video && photo) {
            throw new ApiException(
                    ErrorCode.TARGET_CONFLICT,
                    "videoUrl and targetImageUrl: give one target, not both",
                    fieldErrors(
                            new ValidationExceptionMapper.FieldError(
                                    "targetImageUrl", "must not be given with videoUrl"),
                            new ValidationExceptionMapper.FieldError(
                                    "videoUrl", "must not be given with targetImageUrl")));
        }
        if (!video && !photo) {
            throw new ApiException(
                    ErrorCode.TARGET_MISSING,
                    "videoUrl or targetImageUrl: a target is required",
                    fieldErrors(
                            new ValidationExceptionMapper.FieldError(
                                    "targetImageUrl", "one of videoUrl and targetImageUrl is required"),
                            new ValidationExceptionMapper.FieldError(
                                    "videoUrl", "one of videoUrl and targetImageUrl is required")));
        }
        return photo;
    }

    /** 400 / 40001 with the same {@code errors} list Bean Validation's failures carry. */
    private static ApiException invalid(String field, String message) {
        return new ApiException(
                ErrorCode.VALIDATION_FAILED,
                field + ": " + message,
                fieldErrors(new ValidationExceptionMapper.FieldError(field, message)));
    }

    private static Map<String, Object> fieldErrors(ValidationExceptionMapper.FieldError... errors) {
        return Map.of("errors", List.of(errors));
    }

    /** A URL the downloader could not even parse is the client's mistake, told now rather than as a failed task. */
    private static void requireParsable(String field, String url) {
        FaceMappings.requireParsable(field, url);
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
