package io.faceswap.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's usage over whole UTC days: seconds charged per day (by the day the task ended) and tasks by status (by
 * the day they were created). Days are summed here rather than in SQL: date functions differ between H2 and
 * PostgreSQL, and one user's tasks over at most a year are few enough.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TaskUsage {

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    public record Day(LocalDate date, long chargedSeconds, long succeeded) {}

    public record Usage(
            LocalDate from, LocalDate to, long chargedSeconds, Map<String, Long> tasksByStatus, List<Day> days) {}

    public Usage of(String userId, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<LocalDate, long[]> perDay = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            perDay.put(d, new long[2]);
        }
        em.createQuery(
                        "select t.finishedAt, t.chargedSeconds from FaceSwapTask t where t.userId = :u "
                                + "and t.status = :s and t.finishedAt >= :start and t.finishedAt < :end",
                        Object[].class)
                .setParameter("u", userId)
                .setParameter("s", TaskStatus.SUCCEEDED)
                .setParameter("start", start)
                .setParameter("end", end)
                .getResultStream()
                .forEach(r -> {
                    long[] day = perDay.get(LocalDate.ofInstant((Instant) r[0], ZoneOffset.UTC));
                    day[0] += (Long) r[1];
                    day[1]++;
                });
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        for (TaskStatus s : TaskStatus.values()) {
            byStatus.put(s, 0L);
        }
        em.createQuery(
                        "select t.status, count(t) from FaceSwapTask t where t.userId = :u and t.createdAt >= :start "
                                + "and t.createdAt < :end group by t.status",
                        Object[].class)
                .setParameter("u", userId)
                .setParameter("start", start)
                .setParameter("end", end)
                .getResultStream()
                .forEach(r -> byStatus.put((TaskStatus) r[0], (Long) r[1]));
        Map<String, Long> wire = new java.util.LinkedHashMap<>();
        byStatus.forEach((s, n) -> wire.put(s.wire(), n));
        List<Day> days = perDay.entrySet().stream()
                .map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
        return new Usage(from, to, days.stream().mapToLong(Day::chargedSeconds).sum(), wire, days);
    }
}
