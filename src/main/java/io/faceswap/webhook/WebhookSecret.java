package io.faceswap.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One signing secret of a user. The current one has no expiry; a roll gives the ones before it an end. The secret
 * rests sealed ({@link SealedSecrets}) in {@code secretSealed}; {@code secretValue} is the clear column of rows
 * written before V4, emptied by {@link SecretSealing} at start.
 */
@Entity
@Table(name = "webhook_secret")
public class WebhookSecret {
    @Id
    @Column(length = 24)
    private String id;

    @Column(nullable = false, length = 64)
    private String userId;

    @Column(length = 100)
    private String secretValue;

    @Column(length = 200)
    private String secretSealed;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant expiresAt;

    protected WebhookSecret() {}

    WebhookSecret(String id, String userId, String secretSealed, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.secretSealed = secretSealed;
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

    /** The secret: opened from its sealed form, or a clear row another node has not sealed yet (rolling upgrade). */
    String secret(SecretSealer sealer) {
        return secretSealed != null ? sealer.open(id, secretSealed) : secretValue;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
