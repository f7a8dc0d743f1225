package io.faceswap.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How tasks are queued, run and leased; every value is a {@code clipzap.tasks.*} setting (README lists them). */
@ApplicationScoped
public class TaskSettings {

    @Inject
    @ConfigProperty(name = "clipzap.tasks.max-running", defaultValue = "2")
    int maxRunning;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.max-running-per-user", defaultValue = "1")
    int maxRunningPerUser;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.max-queued-per-user", defaultValue = "100")
    int maxQueuedPerUser;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.lease-seconds", defaultValue = "60")
    int leaseSeconds;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.lease-renew-seconds", defaultValue = "15")
    int leaseRenewSeconds;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.max-attempts", defaultValue = "3")
    int maxAttempts;

    /** Seconds a photo task holds and is charged (issue 26); the default is in microprofile-config.properties. */
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
