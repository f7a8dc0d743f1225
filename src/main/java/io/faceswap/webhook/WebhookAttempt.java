package io.faceswap.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The log line of one attempt: when, which node, the HTTP status (if any answer came), latency, error. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {
    @Id
    @Column(length = 24)
    private String id;

    @Column(nullable = false, length = 24)
    private String deliveryId;

    @Column(nullable = false, length = 24)
    private String taskId;

    private int attemptNo;

    @Column(nullable = false)
    private Instant attemptedAt;

    private Integer httpStatus;
    private long latencyMillis;

    @Column(length = 500)
    private String error;

    @Column(length = 100)
    private String node;

    protected WebhookAttempt() {}

    WebhookAttempt(
            String id,
            WebhookDelivery delivery,
            int attemptNo,
            Instant attemptedAt,
            Integer httpStatus,
            long latencyMillis,
            String error,
            String node) {
        this.id = id;
        this.deliveryId = delivery.getId();
        this.taskId = delivery.getTaskId();
        this.attemptNo = attemptNo;
        this.attemptedAt = attemptedAt;
        this.httpStatus = httpStatus;
        this.latencyMillis = latencyMillis;
        this.error = error;
        this.node = node;
    }

    public String getDeliveryId() {
        return deliveryId;
    }

    public int getAttemptNo() {
        return attemptNo;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public Integer getHttpStatus() {
        return httpStatus;
    }

    public long getLatencyMillis() {
        return latencyMillis;
    }

    public String getError() {
        return error;
    }

    public String getNode() {
        return node;
    }
}
