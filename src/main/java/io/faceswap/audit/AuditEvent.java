package io.faceswap.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit log; never changed once written. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
    @Id
    @Column(length = 24)
    private String id;

    @Column(nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 100)
    private String actor;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(length = 64)
    private String userId;

    @Column(length = 100)
    private String subject;

    @Column(length = 500)
    private String detail;

    protected AuditEvent() {}

    AuditEvent(String id, Instant occurredAt, String actor, String kind, String userId, String subject, String detail) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.kind = kind;
        this.userId = userId;
        this.subject = subject;
        this.detail = detail;
    }

    public String getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getKind() {
        return kind;
    }

    public String getUserId() {
        return userId;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetail() {
        return detail;
    }
}
