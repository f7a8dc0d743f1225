package io.faceswap.health;

import io.faceswap.config.Heartbeats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness (/health/live on the management port): the dispatcher and the lease keeper ticked within
 * {@code clipzap.health.liveness-periods} (3) of their periods. A node whose loops stopped takes no task and lets
 * its running tasks' leases lapse, yet still answers HTTP: only a restart helps it. A database outage does not
 * make a node unlive (the loops keep ticking and failing fast); readiness reports it.
 */
@ApplicationScoped
public class LivenessChecks {

    @Inject
    Heartbeats heartbeats;

    @Inject
    @ConfigProperty(name = "clipzap.health.liveness-periods")
    int periods;

    @Produces
    @Liveness
    HealthCheck dispatcher() {
        return () -> ticked("dispatcher", heartbeats::sinceDispatcherTick, heartbeats.dispatcherPeriod());
    }

    @Produces
    @Liveness
    HealthCheck leaseKeeper() {
        return () -> ticked("lease-keeper", heartbeats::sinceLeaseKeeperTick, heartbeats.leaseKeeperPeriod());
    }

    private HealthCheckResponse ticked(String name, Supplier<Duration> since, Duration period) {
        Duration ago = since.get();
        if (period == null) {
            return HealthCheckResponse.named(name)
                    .up()
                    .withData("state", "starting")
                    .build();
        }
        return HealthCheckResponse.named(name)
                .status(ago.compareTo(period.multipliedBy(periods)) <= 0)
                .withData("lastTickMillisAgo", ago.toMillis())
                .withData("periodMillis", period.toMillis())
                .build();
    }
}
