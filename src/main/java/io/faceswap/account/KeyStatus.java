package io.faceswap.account;

import java.time.Instant;
import java.util.Locale;

public enum KeyStatus {
    ACTIVE, REVOKED, EXPIRED;

    /** The one rule, shared by the entity and the filter's cached copy: revoked beats expired. */
    public static KeyStatus of(boolean revoked, Instant expiresAt, Instant now) {
        if (revoked) {
            return REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? EXPIRED : ACTIVE;
    }

    /** The name on the wire: lower case. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
