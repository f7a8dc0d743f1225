package io.faceswap.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** One clock for the whole application, so time-dependent code is testable and consistent. */
@ApplicationScoped
public class Clocks {
    @Produces
    @ApplicationScoped
    Clock clock() {
        // microseconds: what the database keeps, so a value reads back as it was written
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
