package io.faceswap.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One signing secret of a user. The current one has no expiry; a roll gives the ones before it an end. */
@Entity
@Table(name = "webhook_secret")
public class WebhookSecret {
    @Id
    @Column(length = 24)
    private String id;

    @Column(nullable = false, length = 64)
    private String userId;

    @Column(nullable = false, length = 100)
    private String secretValue;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant expiresAt;

    protected WebhookSecret() {}

    WebhookSecret(String id, String userId, String secretValue, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.secretValue = secretValue;
        this.createdAt = createdAt;
    }

    boolean validAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    /** Ends this secret at {@code end}, unless it already ends sooner. */
    void endBy(Instant end) {
        if (expiresAt == null || end.isBefore(expiresAt)) {
            expiresAt = end;
        }
    }

    String id() {
        return id;
    }

    String secret() {
        return secretValue;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
