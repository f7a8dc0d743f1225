package io.faceswap.task;

import java.util.Locale;

public enum TaskStatus {
    QUEUED,
    PROCESSING,
    SUCCEEDED,
    FAILED,
    CANCELED;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
