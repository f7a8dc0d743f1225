package io.faceswap.audit;

import io.faceswap.api.Messages;
import io.faceswap.auth.RequestActor;
import io.faceswap.auth.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Writes entries in the caller's transaction, and pages through them newest first. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditLog {
    public static final String KEY_NEW = "key.new";
    public static final String KEY_ROLL = "key.roll";
    public static final String KEY_DELETE = "key.delete";
    public static final String PAYMENT = "payment";
    public static final String WEBHOOK_SECRET_ROLL = "webhook_secret.roll";
    public static final String RATE_LIMIT_SET = "rate_limit.set";
    public static final String TASK_DELETE = "task.delete";
    public static final String RESULT_LINK_KEY_ROLL = "result_link_key.roll";
    // issue 27: consent, reports, take-downs, suspensions
    public static final String CONSENT = "consent.attested";
    public static final String REPORT = "report.filed";
    public static final String REPORT_DISMISS = "report.dismissed";
    public static final String TAKEDOWN = "task.takedown";
    public static final String USER_SUSPEND = "user.suspend";
    public static final String USER_UNSUSPEND = "user.unsuspend";
    public static final String USER_VISIBLE_LABEL = "user.visible_label";

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    RequestActor actor;

    @Inject
    Clock clock;

    public void record(String kind, String userId, String subject, String detail) {
        em.persist(new AuditEvent(
                SecureTokens.objectId(), clock.instant(), actor.name(), kind, userId, subject, Messages.clip(detail)));
    }

    /** A page of entries older than {@code after} (null: the newest), optionally filtered; one extra tells more. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> page(String userId, String kind, Instant from, Instant to, AuditCursor after, int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (userId != null) {
            where.append(" and e.userId = :u");
        }
        if (kind != null) {
            where.append(" and e.kind = :k");
        }
        if (from != null) {
            where.append(" and e.occurredAt >= :from");
        }
        if (to != null) {
            where.append(" and e.occurredAt < :to");
        }
        if (after != null) {
            where.append(" and (e.occurredAt < :at or (e.occurredAt = :at and e.id < :id))");
        }
        TypedQuery<AuditEvent> q = em.createQuery(
                        "select e from AuditEvent e" + where + " order by e.occurredAt desc, e.id desc",
                        AuditEvent.class)
                .setMaxResults(limit);
        if (userId != null) {
            q.setParameter("u", userId);
        }
        if (kind != null) {
            q.setParameter("k", kind);
        }
        if (from != null) {
            q.setParameter("from", from);
        }
        if (to != null) {
            q.setParameter("to", to);
        }
        if (after != null) {
            q.setParameter("at", after.at()).setParameter("id", after.id());
        }
        return q.getResultList();
    }
}
