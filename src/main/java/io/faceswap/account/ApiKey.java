package io.faceswap.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** An OpenAPI key. Only its hash is stored; the key itself is shown once, at creation. */
@Entity
@Table(name = "api_key", indexes = @Index(name = "ix_api_key_user", columnList = "userId"))
public class ApiKey {

    @Id
    @Column(length = 24)
    private String id;

    @Column(nullable = false, length = 64)
    private String userId;

    @Column(length = 100)
    private String name;

    @Column(nullable = false, unique = true, length = 64)
    private String keyHash;

    @Column(nullable = false, length = 64)
    private String maskedKey;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant expiresAt;
    private Instant revokedAt;
    private Instant lastUsedAt;
    /** The key that replaced this one in a roll; this one then works until {@code expiresAt} (the grace). */
    @Column(length = 24)
    private String replacedBy;

    protected ApiKey() {}

    public ApiKey(
            String id,
            String userId,
            String name,
            String keyHash,
            String maskedKey,
            Instant createdAt,
            Instant expiresAt) {
        this.id = id;
        this.userId = userId;
        this.name = name;
        this.keyHash = keyHash;
        this.maskedKey = maskedKey;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public KeyStatus statusAt(Instant now) {
        return KeyStatus.of(revokedAt != null, replacedBy != null, expiresAt, now);
    }

    /** Replaced by {@code successorId}: this key keeps working until {@code graceEnd} (or its own earlier expiry). */
    void rolledTo(String successorId, Instant graceEnd) {
        replacedBy = successorId;
        if (expiresAt == null || graceEnd.isBefore(expiresAt)) {
            expiresAt = graceEnd;
        }
    }

    public String getReplacedBy() {
        return replacedBy;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public String getName() {
        return name;
    }

    public String getMaskedKey() {
        return maskedKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
