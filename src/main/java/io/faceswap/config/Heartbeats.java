package io.faceswap.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * When the node's background loops last ran, and whether the face models are loaded: written by the loops with one
 * call each, read by the liveness and readiness checks. A loop that has not ticked yet counts from the application's
 * start, so a node is not called dead while it boots.
 */
@ApplicationScoped
public class Heartbeats {
    private final long startedNanos = System.nanoTime();
    private volatile long dispatcherNanos = startedNanos;
    private volatile long leaseKeeperNanos = startedNanos;
    private volatile boolean modelsLoaded;
    private volatile Duration dispatcherPeriod;
    private volatile Duration leaseKeeperPeriod;

    /** The loops' periods, declared by whoever schedules them. */
    public void periods(Duration dispatcher, Duration leaseKeeper) {
        dispatcherPeriod = dispatcher;
        leaseKeeperPeriod = leaseKeeper;
    }

    public void dispatcherTicked() {
        dispatcherNanos = System.nanoTime();
    }

    public void leaseKeeperTicked() {
        leaseKeeperNanos = System.nanoTime();
    }

    public void modelsLoaded() {
        modelsLoaded = true;
    }

    public boolean areModelsLoaded() {
        return modelsLoaded;
    }

    /** Null until the loops are scheduled. */
    public Duration dispatcherPeriod() {
        return dispatcherPeriod;
    }

    public Duration leaseKeeperPeriod() {
        return leaseKeeperPeriod;
    }

    public Duration sinceDispatcherTick() {
        return Duration.ofNanos(System.nanoTime() - dispatcherNanos);
    }

    public Duration sinceLeaseKeeperTick() {
        return Duration.ofNanos(System.nanoTime() - leaseKeeperNanos);
    }
}
