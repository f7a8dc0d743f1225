package io.faceswap.task;

import io.faceswap.billing.BillingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The queue and the processing side of a task's life, for the batch layer: claim, start, progress, and the one way
 * out (succeeded, failed or canceled) that also settles the held seconds exactly once.
 */
@ApplicationScoped
@Transactional
public class TaskLifecycle {

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    BillingService billing;

    @Inject
    Clock clock;

    /** Claims the oldest queued task if fewer than {@code maxRunning} are processing anywhere. */
    public Optional<String> claimNext(int maxRunning, String node) {
        DispatchLock lock = em.find(DispatchLock.class, DispatchLock.ID, LockModeType.PESSIMISTIC_WRITE);
        if (lock == null) {
            em.persist(new DispatchLock(DispatchLock.ID));
            em.flush();
        }
        long running = em.createQuery("select count(t) from FaceSwapTask t where t.status = :s", Long.class)
                .setParameter("s", TaskStatus.PROCESSING).getSingleResult();
        if (running >= maxRunning) {
            return Optional.empty();
        }
        List<String> oldest = em.createQuery("select t.id from FaceSwapTask t where t.status = :s "
                        + "order by t.createdAt, t.id", String.class)
                .setParameter("s", TaskStatus.QUEUED).setMaxResults(1).getResultList();
        if (oldest.isEmpty()) {
            return Optional.empty();
        }
        int claimed = em.createQuery("update FaceSwapTask t set t.status = :p, t.node = :n, t.updatedAt = :now "
                        + "where t.id = :id and t.status = :q")
                .setParameter("p", TaskStatus.PROCESSING).setParameter("n", node).setParameter("now", clock.instant())
                .setParameter("id", oldest.get(0)).setParameter("q", TaskStatus.QUEUED).executeUpdate();
        return claimed == 1 ? Optional.of(oldest.get(0)) : Optional.empty();
    }

    /** A claimed task whose job never started (the server died in between) goes back to the queue. */
    public void requeue(String taskId) {
        em.createQuery("update FaceSwapTask t set t.status = :q, t.node = null where t.id = :id and t.status = :p "
                        + "and t.jobExecutionId is null")
                .setParameter("q", TaskStatus.QUEUED).setParameter("p", TaskStatus.PROCESSING)
                .setParameter("id", taskId).executeUpdate();
    }

    public void jobStarted(String taskId, long executionId, String node) {
        task(taskId).running(executionId, node, clock.instant());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FaceSwapTask find(String taskId) {
        return em.find(FaceSwapTask.class, taskId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FaceSwapTask> processingOn(String node) {
        return em.createQuery("select t from FaceSwapTask t where t.status = :p and (t.node = :n or t.node is null)",
                FaceSwapTask.class).setParameter("p", TaskStatus.PROCESSING).setParameter("n", node).getResultList();
    }

    public void probed(String taskId, long frames, double seconds) {
        task(taskId).probed(frames, seconds, clock.instant());
    }

    /** Called in the chunk's transaction: progress commits together with the chunk's checkpoint data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void framesCommitted(String taskId, long frames, long faces) {
        em.createQuery("update FaceSwapTask t set t.framesDone = t.framesDone + :f, t.facesFound = t.facesFound + :c,"
                        + " t.updatedAt = :now where t.id = :id")
                .setParameter("f", frames).setParameter("c", faces).setParameter("now", clock.instant())
                .setParameter("id", taskId).executeUpdate();
    }

    /** Counted in a transaction of its own, so work that a crash throws away is still counted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void framesProcessed(String taskId, long frames) {
        em.createQuery("update FaceSwapTask t set t.framesProcessed = t.framesProcessed + :f where t.id = :id")
                .setParameter("f", frames).setParameter("id", taskId).executeUpdate();
    }

    public void resultWritten(String taskId, long bytes) {
        task(taskId).resultWritten(bytes, clock.instant());
    }

    /** Charges the real length of the video (never more than was held) and returns the rest. */
    public boolean succeed(String taskId) {
        FaceSwapTask t = locked(taskId);
        if (!t.finish(TaskStatus.SUCCEEDED, null, null, clock.instant())) {
            return false;
        }
        long charge = Math.min(t.getHeldSeconds(), (long) Math.ceil(t.getVideoSeconds()));
        settle(t, charge);
        return true;
    }

    public boolean fail(String taskId, String code, String message) {
        FaceSwapTask t = locked(taskId);
        if (!t.finish(TaskStatus.FAILED, code, message, clock.instant())) {
            return false;
        }
        settle(t, 0);
        return true;
    }

    public boolean canceled(String taskId) {
        FaceSwapTask t = locked(taskId);
        if (!t.finish(TaskStatus.CANCELED, null, "Canceled by the client", clock.instant())) {
            return false;
        }
        settle(t, 0);
        return true;
    }

    /** Newest first; {@code status} and {@code userId} are optional; {@code idOrUser} matches either exactly. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FaceSwapTask> search(TaskStatus status, String idOrUser, int limit) {
        StringBuilder jpql = new StringBuilder("select t from FaceSwapTask t where 1 = 1");
        if (status != null) {
            jpql.append(" and t.status = :s");
        }
        if (idOrUser != null) {
            jpql.append(" and (t.id = :q or t.userId = :q)");
        }
        var query = em.createQuery(jpql.append(" order by t.createdAt desc, t.id").toString(), FaceSwapTask.class);
        if (status != null) {
            query.setParameter("s", status);
        }
        if (idOrUser != null) {
            query.setParameter("q", idOrUser);
        }
        return query.setMaxResults(limit).getResultList();
    }

    public record QueueFigures(long queued, long processing, long succeeded, long failed, long canceled,
                               long succeededLastHour, long framesLastHour, Double oldestQueuedSeconds) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public QueueFigures figures() {
        java.util.Map<TaskStatus, Long> counts = new java.util.EnumMap<>(TaskStatus.class);
        for (Object[] row : em.createQuery("select t.status, count(t) from FaceSwapTask t group by t.status",
                Object[].class).getResultList()) {
            counts.put((TaskStatus) row[0], (Long) row[1]);
        }
        java.time.Instant now = clock.instant();
        Object[] hour = em.createQuery("select count(t), coalesce(sum(t.framesTotal), 0) from FaceSwapTask t "
                        + "where t.status = :s and t.finishedAt >= :since", Object[].class)
                .setParameter("s", TaskStatus.SUCCEEDED).setParameter("since", now.minusSeconds(3600))
                .getSingleResult();
        java.time.Instant oldest = em.createQuery("select min(t.createdAt) from FaceSwapTask t where t.status = :q",
                java.time.Instant.class).setParameter("q", TaskStatus.QUEUED).getSingleResult();
        return new QueueFigures(counts.getOrDefault(TaskStatus.QUEUED, 0L),
                counts.getOrDefault(TaskStatus.PROCESSING, 0L), counts.getOrDefault(TaskStatus.SUCCEEDED, 0L),
                counts.getOrDefault(TaskStatus.FAILED, 0L), counts.getOrDefault(TaskStatus.CANCELED, 0L),
                ((Number) hour[0]).longValue(), ((Number) hour[1]).longValue(),
                oldest == null ? null : (now.toEpochMilli() - oldest.toEpochMilli()) / 1000.0);
    }

    /** Ended tasks whose files may go: finished before cutoff, results not yet expired. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> endedBefore(java.time.Instant cutoff) {
        return em.createQuery("select t.id from FaceSwapTask t where t.status in :ended and t.expired = false "
                        + "and t.finishedAt < :c", String.class)
                .setParameter("ended", List.of(TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.CANCELED))
                .setParameter("c", cutoff).setMaxResults(10_000).getResultList();
    }

    public void markExpired(String taskId) {
        task(taskId).markExpired(clock.instant());
    }

    private void settle(FaceSwapTask t, long charge) {
        if (!t.isSettled()) {
            billing.settle(t.getUserId(), t.getHeldSeconds(), charge);
            t.settle(charge);
        }
    }

    private FaceSwapTask task(String taskId) {
        return em.find(FaceSwapTask.class, taskId);
    }

    private FaceSwapTask locked(String taskId) {
        return em.find(FaceSwapTask.class, taskId, LockModeType.PESSIMISTIC_WRITE);
    }
}
