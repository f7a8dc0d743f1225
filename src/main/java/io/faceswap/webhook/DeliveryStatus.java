package io.faceswap.webhook;

import java.util.Locale;

/** PENDING until a 2xx (DELIVERED) or until the retry schedule runs out (FAILED). */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
