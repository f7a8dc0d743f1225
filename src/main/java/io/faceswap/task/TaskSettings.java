package io.faceswap.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How tasks are queued, run and leased; every value is a {@code clipzap.tasks.*} setting (docs/configuration.md). */
@ApplicationScoped
public class TaskSettings {

    @Inject
    @ConfigProperty(name = "clipzap.tasks.max-running")
    int maxRunning;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.max-running-per-user")
    int maxRunningPerUser;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.max-queued-per-user")
    int maxQueuedPerUser;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.lease-seconds")
    int leaseSeconds;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.lease-renew-seconds")
    int leaseRenewSeconds;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.max-attempts")
    int maxAttempts;

    /** Seconds a photo task holds and is charged (issue 26). */
    @Inject
    @ConfigProperty(name = "clipzap.billing.seconds-per-image")
    long secondsPerImage;

    /** Tasks processing at once across all nodes that share the database. */
    public int maxRunning() {
        return maxRunning;
    }

    public int maxRunningPerUser() {
        return maxRunningPerUser;
    }

    public int maxQueuedPerUser() {
        return maxQueuedPerUser;
    }

    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    public Duration leaseRenewal() {
        return Duration.ofSeconds(leaseRenewSeconds);
    }

    public long secondsPerImage() {
        return secondsPerImage;
    }

    /** Runs a task may have (the first claim plus takeovers) before it fails as NODE_LOST. */
    public int maxAttempts() {
        return maxAttempts;
    }
}
