package io.faceswap.trust;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A report filed by anyone, about a result. {@code taskId} is the id the reporter named (directly or inside the
 * result URL), whether or not a task has it: the reporter is never told. No client address is kept.
 */
@Entity
@Table(name = "abuse_report")
public class AbuseReport {
    static final String OPEN = "open";
    static final String ACTIONED = "actioned";
    static final String DISMISSED = "dismissed";

    @Id
    @Column(length = 24)
    private String id;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(length = 24)
    private String taskId;

    @Column(length = 2048)
    private String resultUrl;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Column(length = 200)
    private String contact;

    @Column(nullable = false, length = 16)
    private String status;

    private Instant resolvedAt;

    protected AbuseReport() {}

    AbuseReport(String id, Instant createdAt, String taskId, String resultUrl, String reason, String contact) {
        this.id = id;
        this.createdAt = createdAt;
        this.taskId = taskId;
        this.resultUrl = resultUrl;
        this.reason = reason;
        this.contact = contact;
        this.status = OPEN;
    }

    void resolve(String outcome, Instant at) {
        status = outcome;
        resolvedAt = at;
    }

    public String getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getResultUrl() {
        return resultUrl;
    }

    public String getReason() {
        return reason;
    }

    public String getContact() {
        return contact;
    }

    public String getStatus() {
        return status;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
