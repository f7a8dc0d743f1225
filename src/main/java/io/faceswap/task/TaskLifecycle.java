package io.faceswap.task;

import io.faceswap.api.Messages;
import io.faceswap.billing.BillingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The one owner of a task's state once it exists. Every transition is a conditional update ({@code ... where
 * status = :expected}, and {@code node = :me} for the node holding the lease), so a caller with an old view of the
 * task changes nothing instead of writing its stale copy back. The end of a task (succeeded, failed, canceled)
 * happens once, settles the held seconds once, and raises {@link TaskEvents.Ended} after commit.
 */
@ApplicationScoped
@Transactional
public class TaskLifecycle {
    private static final List<TaskStatus> OPEN = List.of(TaskStatus.QUEUED, TaskStatus.PROCESSING);

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    BillingService billing;

    @Inject
    Clock clock;

    @Inject
    TaskSettings settings;

    @Inject
    Event<TaskEvents.Ended> ended;

    @Inject
    Event<TaskEvents.Expired> expired;

    /** QUEUED -> PROCESSING on {@code node}, with a fresh lease: the first attempt. */
    public boolean claim(String taskId, String node) {
        Instant now = clock.instant();
        return update(
                                "t.status = :p, t.node = :n, t.claimedAt = :now, t.leaseUntil = :lease, t.attempts = 1",
                                "t.status = :q",
                                taskId)
                        .setParameter("p", TaskStatus.PROCESSING)
                        .setParameter("q", TaskStatus.QUEUED)
                        .setParameter("n", node)
                        .setParameter("now", now)
                        .setParameter("lease", now.plus(settings.lease()))
                        .executeUpdate()
                == 1;
    }

    /** Records the job execution now running the task; false when the task is no longer this node's to run. */
    public boolean jobStarted(String taskId, long executionId, String node) {
        Instant now = clock.instant();
        return update(
                                "t.jobExecutionId = :e, t.startedAt = coalesce(t.startedAt, :now), t.leaseUntil = :lease",
                                "t.status = :p and t.node = :n and t.paused = false",
                                taskId)
                        .setParameter("e", executionId)
                        .setParameter("now", now)
                        .setParameter("lease", now.plus(settings.lease()))
                        .setParameter("p", TaskStatus.PROCESSING)
                        .setParameter("n", node)
                        .executeUpdate()
                == 1;
    }

    /** Extends the leases of tasks this node runs; returns how many are still this node's. */
    public int renewLeases(List<String> taskIds, String node) {
        if (taskIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("update FaceSwapTask t set t.leaseUntil = :lease where t.id in :ids "
                        + "and t.status = :p and t.node = :n")
                .setParameter("lease", clock.instant().plus(settings.lease()))
                .setParameter("ids", taskIds)
                .setParameter("p", TaskStatus.PROCESSING)
                .setParameter("n", node)
                .executeUpdate();
    }

    /**
     * Extends one task's lease in a transaction of its own, whatever transaction the caller is in: a run that could
     * not be sure it still held its task asks here before it writes, and the answer must not roll back with its chunk.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renewLeaseNow(String taskId, String node) {
        return renewLeases(List.of(taskId), node) == 1;
    }

    /**
     * What one committed chunk did: frames written, faces swapped (summed over frames), frames redone after a crash,
     * frames with at least one face swapped, and the identity measurements made (their sum and count).
     */
    public record Chunk(
            long frames, long faces, long redone, long framesWithFaces, double identitySum, long identitySamples) {}

    /**
     * A chunk's progress, in the chunk's transaction, renewing the lease in the same write: the one write per chunk.
     * {@code redone} frames were written before by a run whose chunk did not commit, and count as processed again. Throws when the task is
     * not this node's any more (taken over, or ended): the chunk then rolls back and the job stops.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void framesCommitted(String taskId, String node, Chunk chunk) {
        int n = em.createQuery("update FaceSwapTask t set t.framesDone = t.framesDone + :f, "
                        + "t.framesProcessed = t.framesProcessed + :f + :r, "
                        + "t.facesFound = t.facesFound + :c, t.framesSwapped = t.framesSwapped + :w, "
                        + "t.identitySum = t.identitySum + :is, t.identitySamples = t.identitySamples + :in, "
                        + "t.leaseUntil = :lease "
                        + "where t.id = :id and t.status = :p and t.node = :n")
                .setParameter("f", chunk.frames())
                .setParameter("r", chunk.redone())
                .setParameter("c", chunk.faces())
                .setParameter("w", chunk.framesWithFaces())
                .setParameter("is", chunk.identitySum())
                .setParameter("in", chunk.identitySamples())
                .setParameter("lease", clock.instant().plus(settings.lease()))
                .setParameter("id", taskId)
                .setParameter("p", TaskStatus.PROCESSING)
                .setParameter("n", node)
                .executeUpdate();
        if (n != 1) {
            throw new LeaseLostException(taskId, node);
        }
    }

    public void probed(String taskId, String node, long frames, double seconds) {
        update("t.framesTotal = :f, t.videoSeconds = :s", "t.status = :p and t.node = :n", taskId)
                .setParameter("f", frames)
                .setParameter("s", seconds)
                .setParameter("p", TaskStatus.PROCESSING)
                .setParameter("n", node)
                .executeUpdate();
    }

    /**
     * The first failure of a run, kept in the row so that no crash loses it; later ones do not overwrite it, nor does
     * a run on a node that no longer holds the task.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String taskId, String node, TaskErrorCode code, String message) {
        update("t.errorCode = :c, t.errorMessage = :m", "t.status = :p and t.node = :n and t.errorCode is null", taskId)
                .setParameter("c", code.name())
                .setParameter("m", Messages.clip(message))
                .setParameter("p", TaskStatus.PROCESSING)
                .setParameter("n", node)
                .executeUpdate();
    }

    public boolean requestCancel(String taskId) {
        return update("t.cancelRequested = true", "t.status = :p and t.paused = false", taskId)
                        .setParameter("p", TaskStatus.PROCESSING)
                        .executeUpdate()
                == 1;
    }

    /** Admin stop: the task keeps its seconds but frees its slot; no dispatcher or reaper resumes it. */
    public boolean pause(String taskId) {
        return update("t.paused = true", "t.status = :p", taskId)
                        .setParameter("p", TaskStatus.PROCESSING)
                        .executeUpdate()
                == 1;
    }

    /** Admin restart of a paused task, on {@code node}. */
    public boolean resume(String taskId, String node) {
        return update("t.paused = false, t.node = :n, t.leaseUntil = :lease", "t.status = :p", taskId)
                        .setParameter("n", node)
                        .setParameter("lease", clock.instant().plus(settings.lease()))
                        .setParameter("p", TaskStatus.PROCESSING)
                        .executeUpdate()
                == 1;
    }

    /** Takes over a task whose lease lapsed (its node died or hung): one more attempt, on {@code node}. */
    public boolean takeOver(String taskId, String node, Instant lapsedLease) {
        Instant now = clock.instant();
        String same = lapsedLease == null ? "t.leaseUntil is null" : "t.leaseUntil = :old";
        Query takeOver = update(
                        "t.node = :n, t.leaseUntil = :lease, t.attempts = t.attempts + 1",
                        "t.status = :p and t.paused = false and " + same,
                        taskId)
                .setParameter("n", node)
                .setParameter("lease", now.plus(settings.lease()))
                .setParameter("p", TaskStatus.PROCESSING);
        if (lapsedLease != null) {
            takeOver.setParameter("old", lapsedLease);
        }
        return takeOver.executeUpdate() == 1;
    }

    /**
     * Lets the lease of a task this node holds lapse in two seconds (time for the ending run to be recorded), so that
     * a dispatch soon after takes it over and resumes its
     * job from the checkpoints (one more attempt) instead of waiting out the lease: its run was cut short by an
     * outage of the database, not by the task.
     */
    public boolean releaseLease(String taskId, String node) {
        return update("t.leaseUntil = :now", "t.status = :p and t.node = :n", taskId)
                        .setParameter("now", clock.instant().plusSeconds(2))
                        .setParameter("p", TaskStatus.PROCESSING)
                        .setParameter("n", node)
                        .executeUpdate()
                == 1;
    }

    /** A task claimed whose job never started goes back to the queue. */
    public boolean requeue(String taskId, String node) {
        return update(
                                "t.status = :q, t.node = null, t.leaseUntil = null",
                                "t.status = :p and t.node = :n and t.jobExecutionId is null",
                                taskId)
                        .setParameter("q", TaskStatus.QUEUED)
                        .setParameter("p", TaskStatus.PROCESSING)
                        .setParameter("n", node)
                        .executeUpdate()
                == 1;
    }

    /**
     * A photo task's one picture is swapped: its one frame is done, with {@code faces} faces that look like their
     * photos by {@code identity} (NaN: none). Throws when the task is not this node's any more (taken over, or
     * ended), as a video's chunk does.
     */
    public void photoSwapped(String taskId, String node, long faces, double identity) {
        boolean measured = !Double.isNaN(identity);
        int n = update(
                        "t.framesDone = 1, t.framesProcessed = t.framesProcessed + 1, t.facesFound = :c, "
                                + "t.framesSwapped = :w, t.identitySum = :is, t.identitySamples = :in",
                        "t.status = :p and t.node = :n",
                        taskId)
                .setParameter("c", faces)
                .setParameter("w", faces > 0 ? 1L : 0L)
                .setParameter("is", measured ? identity : 0.0)
                .setParameter("in", measured ? 1L : 0L)
                .setParameter("p", TaskStatus.PROCESSING)
                .setParameter("n", node)
                .executeUpdate();
        if (n != 1) {
            throw new LeaseLostException(taskId, node);
        }
    }

    public void resultWritten(String taskId, long bytes) {
        update("t.resultBytes = :b", "t.status = :p", taskId)
                .setParameter("b", bytes)
                .setParameter("p", TaskStatus.PROCESSING)
                .executeUpdate();
    }

    /**
     * Charges the real length of the video (never more than was held; a photo what it held) and returns the rest.
     * False, and nothing changes, for a task ended already or whose cancel (or delete) was requested: its job's end
     * cancels it instead, so a client is never charged for a result it asked to be stopped or erased.
     */
    public boolean succeed(String taskId) {
        return end(taskId, TaskStatus.SUCCEEDED, null, null, " and t.cancelRequested = false");
    }

    public boolean fail(String taskId, TaskErrorCode code, String message) {
        return end(taskId, TaskStatus.FAILED, code.name(), message);
    }

    public boolean canceled(String taskId) {
        return end(taskId, TaskStatus.CANCELED, null, "Canceled by the client");
    }

    /** Cancels a task that holds no running job: queued, or paused by an admin. False for any other state. */
    public boolean cancelNow(String taskId) {
        return end(
                taskId,
                TaskStatus.CANCELED,
                null,
                "Canceled by the client",
                " and (t.status = io.faceswap.task.TaskStatus.QUEUED or t.paused = true)");
    }

    /**
     * Makes the task a tombstone: the time of the delete, and its media URLs blanked (they may name the person).
     * Once only: false when it was already deleted. Its status and books are left as they are.
     */
    public boolean markDeleted(String taskId) {
        return update(
                                "t.deletedAt = :now, t.imageUrl = '', t.videoUrl = '', t.targetImageUrl = '', t.faceMappings = null",
                                "t.deletedAt is null",
                                taskId)
                        .setParameter("now", clock.instant())
                        .executeUpdate()
                == 1;
    }

    /**
     * An admin took the task down (issue 27): its result is gone for good, so it also counts as expired (no
     * resultUrl, and the retention purge leaves it alone). Once only: false when it was already taken down.
     */
    public boolean markTakenDown(String taskId) {
        return update("t.takenDownAt = :now, t.expired = true", "t.takenDownAt is null", taskId)
                        .setParameter("now", clock.instant())
                        .executeUpdate()
                == 1;
    }

    /** Marks the results of tasks ended before {@code cutoff} expired (their files then go); returns how many. */
    public int expireEndedBefore(Instant cutoff) {
        List<String> ids = em.createQuery(
                        "select t.id from FaceSwapTask t where t.status in :ended "
                                + "and t.expired = false and t.finishedAt < :c",
                        String.class)
                .setParameter("ended", List.of(TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.CANCELED))
                .setParameter("c", cutoff)
                .setMaxResults(10_000)
                .getResultList();
        int count = 0;
        for (String id : ids) {
            if (update("t.expired = true", "t.expired = false", id).executeUpdate() == 1) {
                expired.fire(new TaskEvents.Expired(id));
                count++;
            }
        }
        return count;
    }

    private boolean end(String taskId, TaskStatus terminal, String code, String message) {
        return end(taskId, terminal, code, message, "");
    }

    private boolean end(String taskId, TaskStatus terminal, String code, String message, String andCondition) {
        Object[] row = em.createQuery(
                        "select t.startedAt, t.userId, t.heldSeconds, t.videoSeconds, t.framesTotal, t.deletedAt, "
                                + "t.targetKind from FaceSwapTask t where t.id = :id",
                        Object[].class)
                .setParameter("id", taskId)
                .getSingleResult();
        Instant now = clock.instant();
        Instant started = (Instant) row[0];
        double processing = started == null ? 0 : (now.toEpochMilli() - started.toEpochMilli()) / 1000.0;
        String frames = terminal == TaskStatus.SUCCEEDED ? ", t.framesDone = t.framesTotal" : "";
        int changed = update(
                        "t.status = :s, t.errorCode = :c, t.errorMessage = :m, t.finishedAt = :now, "
                                + "t.processingSeconds = :ps, t.leaseUntil = null" + frames,
                        "t.status in :open" + andCondition,
                        taskId)
                .setParameter("s", terminal)
                .setParameter("c", code)
                .setParameter("m", Messages.clip(message))
                .setParameter("now", now)
                .setParameter("ps", processing)
                .setParameter("open", OPEN)
                .executeUpdate();
        if (changed != 1) {
            return false;
        }
        long held = (Long) row[2];
        long charge = terminal != TaskStatus.SUCCEEDED
                ? 0
                : row[6] == TargetKind.PHOTO
                        ? held // a photo holds its fixed price (seconds-per-image at create) and is charged it
                        : Billing.chargedSeconds(held, (Double) row[3], (Long) row[4]);
        settle(taskId, (String) row[1], held, charge);
        ended.fire(new TaskEvents.Ended(taskId, terminal, row[5] != null));
        return true;
    }

    /** Exactly once per task: the flag flips in the same conditional update that books the charge. */
    private void settle(String taskId, String userId, long held, long charge) {
        int first = update("t.settled = true, t.chargedSeconds = :c", "t.settled = false", taskId)
                .setParameter("c", charge)
                .executeUpdate();
        if (first == 1) {
            billing.settle(userId, held, charge);
        }
    }

    private Query update(String set, String condition, String taskId) {
        return em.createQuery("update FaceSwapTask t set " + set + ", t.updatedAt = :at, t.version = t.version + 1 "
                        + "where t.id = :id and " + condition)
                .setParameter("at", clock.instant())
                .setParameter("id", taskId);
    }
}
