package io.faceswap.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks and claims the next queued task, fairly: round robin over the users that have queued work and a free
 * per-user slot (the user whose last claim is oldest goes first), oldest task first within a user. Dispatchers on
 * every node serialise on the schema's {@code dispatch_lock} row, so the global and per-user limits hold cluster-wide.
 */
@ApplicationScoped
@Transactional
public class TaskClaims {
    /** Choices that lost a race with a cancel before the tick gives up (the next tick or wake-up goes on). */
    private static final int RETRIES = 5;

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    TaskSettings settings;

    /**
     * Claims the next task, or none when the limits are reached or nothing is queued. Cancels and deletions do not
     * take the dispatch lock, so the task chosen can leave the queue between the queries (or before its claim):
     * then the choice is made again, up to {@link #RETRIES} times (each retry means a task left the queue).
     */
    public Optional<String> claimNext(String node) {
        em.find(DispatchLock.class, DispatchLock.ID, LockModeType.PESSIMISTIC_WRITE);
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            Optional<String> user = nextUser();
            if (user.isEmpty()) {
                return Optional.empty();
            }
            List<String> oldest = em.createQuery(
                            "select t.id from FaceSwapTask t where t.status = :q "
                                    + "and t.userId = :u order by t.createdAt, t.id",
                            String.class)
                    .setParameter("q", TaskStatus.QUEUED)
                    .setParameter("u", user.get())
                    .setMaxResults(1)
                    .getResultList();
            if (!oldest.isEmpty() && lifecycle.claim(oldest.get(0), node)) {
                return Optional.of(oldest.get(0));
            }
        }
        return Optional.empty(); // the queue kept changing under us: the next tick or wake-up goes on
    }

    /** The eligible user whose turn it is, or none. */
    private Optional<String> nextUser() {
        Map<String, Long> running = perUser("select t.userId, count(t) from FaceSwapTask t "
                + "where t.status = :p and t.paused = false group by t.userId");
        if (running.values().stream().mapToLong(Long::longValue).sum() >= settings.maxRunning()) {
            return Optional.empty();
        }
        List<Object[]> waiting = em.createQuery(
                        "select t.userId, min(t.createdAt) from FaceSwapTask t "
                                + "where t.status = :q group by t.userId",
                        Object[].class)
                .setParameter("q", TaskStatus.QUEUED)
                .getResultList();
        List<Object[]> eligible = waiting.stream()
                .filter(r -> running.getOrDefault((String) r[0], 0L) < settings.maxRunningPerUser())
                .toList();
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Instant> lastClaim =
                lastClaims(eligible.stream().map(r -> (String) r[0]).toList());
        Comparator<Object[]> order = Comparator.comparing(
                        (Object[] r) -> lastClaim.get((String) r[0]), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(r -> (Instant) r[1]);
        return Optional.of((String) eligible.stream().min(order).orElseThrow()[0]);
    }

    private Map<String, Long> perUser(String jpql) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] r : em.createQuery(jpql, Object[].class)
                .setParameter("p", TaskStatus.PROCESSING)
                .getResultList()) {
            counts.put((String) r[0], (Long) r[1]);
        }
        return counts;
    }

    private Map<String, Instant> lastClaims(List<String> users) {
        Map<String, Instant> last = new HashMap<>();
        for (Object[] r : em.createQuery(
                        "select t.userId, max(t.claimedAt) from FaceSwapTask t "
                                + "where t.userId in :u group by t.userId",
                        Object[].class)
                .setParameter("u", users)
                .getResultList()) {
            last.put((String) r[0], (Instant) r[1]);
        }
        return last;
    }
}
