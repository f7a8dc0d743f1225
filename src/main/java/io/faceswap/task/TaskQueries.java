package io.faceswap.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Reads of tasks for operators and the batch layer: one task, searches, queue figures. Changes nothing. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TaskQueries {

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    Clock clock;

    /** A fresh read (never a copy cached earlier in the same transaction). */
    public FaceSwapTask find(String taskId) {
        FaceSwapTask task = em.find(FaceSwapTask.class, taskId);
        if (task != null && em.contains(task)) {
            em.refresh(task); // inside a transaction the context may hold an older copy
        }
        return task;
    }

    /**
     * Processing tasks no live node holds: lease lapsed (or never set), plus, when {@code ownNode} is given, every
     * task that node held (asked once at start: whatever the node held before is an orphan of its previous life).
     */
    public List<FaceSwapTask> orphans(String ownNode, int limit) {
        String own = ownNode == null ? "" : " or t.node = :n";
        var query = em.createQuery(
                        "select t from FaceSwapTask t where t.status = :p and t.paused = false "
                                + "and (t.leaseUntil is null or t.leaseUntil < :now" + own + ") order by t.leaseUntil",
                        FaceSwapTask.class)
                .setParameter("p", TaskStatus.PROCESSING)
                .setParameter("now", clock.instant());
        if (ownNode != null) {
            query.setParameter("n", ownNode);
        }
        return query.setMaxResults(limit).getResultList();
    }

    /** Tasks processing now (not paused), for the time-budget watchdog: at most the running limit of rows. */
    public List<FaceSwapTask> running() {
        return em.createQuery(
                        "select t from FaceSwapTask t where t.status = :p and t.paused = false", FaceSwapTask.class)
                .setParameter("p", TaskStatus.PROCESSING)
                .setMaxResults(1000)
                .getResultList();
    }

    /** A user's tasks that have not ended (queued, processing or paused), for a suspension to stop them. */
    public List<FaceSwapTask> openOf(String userId) {
        return em.createQuery(
                        "select t from FaceSwapTask t where t.userId = :u and t.status in :open", FaceSwapTask.class)
                .setParameter("u", userId)
                .setParameter("open", List.of(TaskStatus.QUEUED, TaskStatus.PROCESSING))
                .getResultList();
    }

    /** Newest first; {@code status} and {@code userId} are optional; {@code idOrUser} matches either exactly. */
    public List<FaceSwapTask> search(TaskStatus status, String idOrUser, int limit) {
        StringBuilder jpql = new StringBuilder("select t from FaceSwapTask t where 1 = 1");
        if (status != null) {
            jpql.append(" and t.status = :s");
        }
        if (idOrUser != null) {
            jpql.append(" and (t.id = :q or t.userId = :q)");
        }
        var query =
                em.createQuery(jpql.append(" order by t.createdAt desc, t.id").toString(), FaceSwapTask.class);
        if (status != null) {
            query.setParameter("s", status);
        }
        if (idOrUser != null) {
            query.setParameter("q", idOrUser);
        }
        return query.setMaxResults(limit).getResultList();
    }

    public record QueueFigures(
            long queued,
            long processing,
            long succeeded,
            long failed,
            long canceled,
            long succeededLastHour,
            long framesLastHour,
            Double oldestQueuedSeconds) {}

    public QueueFigures figures() {
        java.util.Map<TaskStatus, Long> counts = new java.util.EnumMap<>(TaskStatus.class);
        for (Object[] row : em.createQuery(
                        "select t.status, count(t) from FaceSwapTask t group by t.status", Object[].class)
                .getResultList()) {
            counts.put((TaskStatus) row[0], (Long) row[1]);
        }
        java.time.Instant now = clock.instant();
        Object[] hour = em.createQuery(
                        "select count(t), coalesce(sum(t.framesTotal), 0) from FaceSwapTask t "
                                + "where t.status = :s and t.finishedAt >= :since",
                        Object[].class)
                .setParameter("s", TaskStatus.SUCCEEDED)
                .setParameter("since", now.minusSeconds(3600))
                .getSingleResult();
        java.time.Instant oldest = em.createQuery(
                        "select min(t.createdAt) from FaceSwapTask t where t.status = :q", java.time.Instant.class)
                .setParameter("q", TaskStatus.QUEUED)
                .getSingleResult();
        return new QueueFigures(
                counts.getOrDefault(TaskStatus.QUEUED, 0L),
                counts.getOrDefault(TaskStatus.PROCESSING, 0L),
                counts.getOrDefault(TaskStatus.SUCCEEDED, 0L),
                counts.getOrDefault(TaskStatus.FAILED, 0L),
                counts.getOrDefault(TaskStatus.CANCELED, 0L),
                ((Number) hour[0]).longValue(),
                ((Number) hour[1]).longValue(),
                oldest == null ? null : (now.toEpochMilli() - oldest.toEpochMilli()) / 1000.0);
    }
}
