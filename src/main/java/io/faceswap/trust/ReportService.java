package io.faceswap.trust;

import io.faceswap.audit.AuditLog;
import io.faceswap.auth.SecureTokens;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Files abuse reports, lists them for admins, and closes them when their task is taken down or dismissed. */
@ApplicationScoped
@Transactional
public class ReportService {

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    TaskQueries tasks;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * Stores the report whatever it names. The same work is done whether or not the task exists (one lookup, one
     * insert, one audit entry), so neither the answer nor its timing tells a reporter which ids are real.
     */
    public AbuseReport file(ReportRequest request) {
        String taskId = request.reportedTaskId().orElse(null);
        FaceSwapTask task = taskId == null ? null : tasks.find(taskId);
        AbuseReport report = new AbuseReport(
                SecureTokens.objectId(),
                clock.instant(),
                taskId,
                request.resultUrl(),
                request.reason(),
                request.contact());
        em.persist(report);
        audit.record(
                AuditLog.REPORT,
                task == null ? null : task.getUserId(),
                report.getId(),
                "task " + (taskId == null ? "(none named)" : taskId + (task == null ? " (no such task)" : "")));
        return report;
    }

    /** Newest first, optionally by status and task. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AbuseReport> list(String status, String taskId, int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (status != null) {
            where.append(" and r.status = :s");
        }
        if (taskId != null) {
            where.append(" and r.taskId = :t");
        }
        TypedQuery<AbuseReport> q = em.createQuery(
                        "select r from AbuseReport r" + where + " order by r.createdAt desc, r.id desc",
                        AbuseReport.class)
                .setMaxResults(limit);
        if (status != null) {
            q.setParameter("s", status);
        }
        if (taskId != null) {
            q.setParameter("t", taskId);
        }
        return q.getResultList();
    }

    /** Closes every open report of the task (its result was taken down); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    int actioned(String taskId) {
        return em.createQuery("update AbuseReport r set r.status = :a, r.resolvedAt = :now "
                        + "where r.taskId = :t and r.status = :o")
                .setParameter("a", AbuseReport.ACTIONED)
                .setParameter("now", clock.instant())
                .setParameter("t", taskId)
                .setParameter("o", AbuseReport.OPEN)
                .executeUpdate();
    }

    /** An admin found nothing to act on; null when there is no such report. */
    public AbuseReport dismiss(String reportId, String note) {
        AbuseReport report = em.find(AbuseReport.class, reportId);
        if (report != null && AbuseReport.OPEN.equals(report.getStatus())) {
            report.resolve(AbuseReport.DISMISSED, clock.instant());
            audit.record(AuditLog.REPORT_DISMISS, null, reportId, note);
        }
        return report;
    }
}
