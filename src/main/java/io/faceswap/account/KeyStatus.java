package io.faceswap.account;

import java.util.Locale;

/** ROLLING: replaced by a roll but still inside its grace period; ROLLED: past it. */
public enum KeyStatus {
    ACTIVE, ROLLING, ROLLED, REVOKED, EXPIRED;

    /** The name on the wire: lower case. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
