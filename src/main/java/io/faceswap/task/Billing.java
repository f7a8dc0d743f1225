package io.faceswap.task;

/**
 * What a video costs: its length, but never less than its frames at 30 per second, so a high declared frame rate
 * cannot buy many frames for few seconds. A task is charged this (rounded up) on success, at most what it held.
 */
public final class Billing {
    static final double FRAMES_PER_BILLED_SECOND = 30.0;

    private Billing() {}

    public static double billableSeconds(double durationSeconds, long frames) {
        return Math.max(durationSeconds, frames / FRAMES_PER_BILLED_SECOND);
    }

    /** What a video task that succeeded is charged: its billable seconds rounded up, at most the {@code held}. */
    static long chargedSeconds(long held, double durationSeconds, long frames) {
        return Math.min(held, (long) Math.ceil(billableSeconds(durationSeconds, frames)));
    }
}
