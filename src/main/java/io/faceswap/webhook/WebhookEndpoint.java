package io.faceswap.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's default callback, set by the admin; a task's own {@code callbackUrl} wins over it. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {
    @Id
    @Column(length = 64)
    private String userId;

    @Column(nullable = false, length = 2048)
    private String url;

    @Column(nullable = false)
    private Instant updatedAt;

    protected WebhookEndpoint() {}

    WebhookEndpoint(String userId, String url, Instant now) {
        this.userId = userId;
        set(url, now);
    }

    void set(String newUrl, Instant now) {
        this.url = newUrl;
        this.updatedAt = now;
    }

    String url() {
        return url;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
