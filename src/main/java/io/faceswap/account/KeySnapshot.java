package io.faceswap.account;

import java.time.Instant;

/** What the sk filter needs to know of a key, detached from JPA so that it can be cached across requests. */
public record KeySnapshot(
        String keyId, String userId, Instant expiresAt, boolean revoked, boolean replaced, boolean userSuspended) {

    /** A key of a user who is not suspended. */
    public KeySnapshot(String keyId, String userId, Instant expiresAt, boolean revoked, boolean replaced) {
        this(keyId, userId, expiresAt, revoked, replaced, false);
    }

    static KeySnapshot of(ApiKey key, boolean userSuspended) {
        return new KeySnapshot(
                key.getId(),
                key.getUserId(),
                key.getExpiresAt(),
                key.getRevokedAt() != null,
                key.getReplacedBy() != null,
                userSuspended);
    }

    /** Evaluated per request against the current time, so a cached key still stops working the moment it expires. */
    public KeyStatus statusAt(Instant now) {
        return KeyStatus.of(revoked, replaced, expiresAt, now);
    }
}
