package io.faceswap.task;

import java.util.Locale;

/** What a task's faces are put into: a video ({@code videoUrl}) or a still photo ({@code targetImageUrl}). */
public enum TargetKind {
    VIDEO,
    PHOTO;

    /** As clients see it: {@code video}, {@code photo}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
