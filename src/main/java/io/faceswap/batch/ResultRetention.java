package io.faceswap.batch;

import io.faceswap.config.StoppableSchedule;
import io.faceswap.task.TaskLifecycle;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Deletes the files of tasks ended longer ago than {@code clipzap.results.retention-days}, hourly; marks them expired. */
@ApplicationScoped
public class ResultRetention {
    private static final Logger LOG = Logger.getLogger(ResultRetention.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clipzap.results.retention-days")
    double retentionDays;

    private StoppableSchedule schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        schedule = new StoppableSchedule(scheduler);
        schedule.every(
                () -> {
                    try {
                        purge();
                    } catch (RuntimeException e) {
                        LOG.log( // an outage is the probe's to report, once
                                io.faceswap.api.DatabaseFaults.isConnectionFault(e)
                                        ? java.util.logging.Level.FINE
                                        : java.util.logging.Level.WARNING,
                                "Result purge failed; retried in an hour",
                                e);
                    }
                },
                1,
                60,
                TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.stop(); // waits for a purge in flight: see StoppableSchedule
        }
    }

    /** @return how many results were purged */
    public int purge() {
        var cutoff = clock.instant().minus(Duration.ofMinutes((long) (retentionDays * 24 * 60)));
        int purged = lifecycle.expireEndedBefore(cutoff);
        if (purged > 0) {
            int count = purged;
            LOG.info(() -> "Purged " + count + " results older than " + retentionDays + " days");
        }
        return purged;
    }
}
