package io.faceswap.account;

import java.util.Locale;

public enum KeyStatus {
    ACTIVE, REVOKED, EXPIRED;

    /** The name on the wire: lower case. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
