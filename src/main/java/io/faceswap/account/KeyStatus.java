package io.faceswap.account;

import java.time.Instant;
import java.util.Locale;

/** ROLLING: replaced by a roll but still inside its grace period; ROLLED: past it. */
public enum KeyStatus {
    ACTIVE,
    ROLLING,
    ROLLED,
    REVOKED,
    EXPIRED;

    /**
     * The one rule, shared by the entity and the filter's cached copy: revoked beats everything; a key replaced by a
     * roll is ROLLING until its end (the grace), then ROLLED; otherwise ACTIVE until it expires.
     */
    public static KeyStatus of(boolean revoked, boolean replaced, Instant expiresAt, Instant now) {
        if (revoked) {
            return REVOKED;
        }
        boolean ended = expiresAt != null && !now.isBefore(expiresAt);
        if (replaced) {
            return ended ? ROLLED : ROLLING;
        }
        return ended ? EXPIRED : ACTIVE;
    }

    /** The name on the wire: lower case. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
