package io.faceswap.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event to deliver to one URL. The payload is frozen when the row is written, so every attempt and the
 * signature cover the same bytes. Changed only by conditional updates in {@link WebhookOutbox}, like tasks.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {
    @Id
    @Column(length = 24)
    private String id;

    @Column(nullable = false, length = 40)
    private String eventId;

    @Column(nullable = false, length = 24)
    private String taskId;

    @Column(nullable = false, length = 64)
    private String userId;

    @Column(nullable = false, length = 40)
    private String eventType;

    @Column(nullable = false, length = 2048)
    private String url;

    @Column(nullable = false, length = 16000)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeliveryStatus status;

    private int attempts;
    private Instant nextAttemptAt;
    private Instant leaseUntil;

    @Column(length = 100)
    private String node;

    private Integer lastHttpStatus;

    @Column(length = 500)
    private String lastError;

    @Column(length = 24)
    private String replayOf;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant deliveredAt;

    protected WebhookDelivery() {}

    WebhookDelivery(
            String id,
            String eventId,
            String taskId,
            String userId,
            String eventType,
            String url,
            String payload,
            String replayOf,
            Instant now) {
        this.id = id;
        this.eventId = eventId;
        this.taskId = taskId;
        this.userId = userId;
        this.eventType = eventType;
        this.url = url;
        this.payload = payload;
        this.replayOf = replayOf;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public String getId() {
        return id;
    }

    public String getEventId() {
        return eventId;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getUserId() {
        return userId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getUrl() {
        return url;
    }

    public String getPayload() {
        return payload;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public Integer getLastHttpStatus() {
        return lastHttpStatus;
    }

    public String getLastError() {
        return lastError;
    }

    public String getReplayOf() {
        return replayOf;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}
