package io.faceswap.batch;

import io.faceswap.health.DatabaseProbe;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskErrorCode;
import io.faceswap.task.TaskLifecycle;
import io.faceswap.task.TaskQueries;
import io.faceswap.task.TaskSettings;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends tasks that run past their time budget ({@code factor} x declared duration + {@code base} seconds from their
 * first start; 3 x duration + 120 s by default): the task fails TIME_BUDGET_EXCEEDED, is not charged, and frees its
 * slot at once. Its job is asked to stop; a decode hung in native code cannot be interrupted, but whatever it does
 * later is refused (the task is no longer processing), so it cannot hold a slot or write a result. Time this node
 * found the database unreachable is added to the budget, with one lease on top if there was any (a run cut short by
 * an outage waits up to a lease to be resumed): the customer is not told their task took too long when it was our
 * database that was down.
 */
@ApplicationScoped
public class TimeBudgetWatchdog {
    private static final Logger LOG = Logger.getLogger(TimeBudgetWatchdog.class.getName());

    @Inject
    TaskQueries queries;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    Clock clock;

    @Inject
    DatabaseProbe database;

    @Inject
    TaskSettings settings;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.time-budget-factor")
    double factor;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.time-budget-base-seconds")
    long baseSeconds;

    /** One check of every running task (any node's: the end is a conditional update, so it happens once). */
    void check() {
        Instant now = clock.instant();
        for (FaceSwapTask task : queries.running()) {
            Duration budget = budget(task.declaredSwapSeconds()); // a trimmed task's budget is its trimmed part's
            if (task.getStartedAt() != null
                    && task.getStartedAt()
                            .plus(budget)
                            .plus(outageCredit(task, now))
                            .isBefore(now)
                    && lifecycle.fail(
                            task.getId(),
                            TaskErrorCode.TIME_BUDGET_EXCEEDED,
                            "Processing took longer than " + budget.toSeconds() + " s, the budget for "
                                    + (task.isPhoto() ? "a photo" : "a " + task.declaredSwapSeconds() + " s video"))) {
                LOG.warning(() -> "Task " + task.getId() + " exceeded its time budget of " + budget.toSeconds() + " s");
                stop(task.getJobExecutionId());
            }
        }
    }

    private Duration outageCredit(FaceSwapTask task, Instant now) {
        Duration out = database.unavailableBetween(task.getStartedAt(), now);
        return out.isZero() ? out : out.plus(settings.lease());
    }

    Duration budget(double declaredSeconds) {
        return Duration.ofMillis((long) ((factor * declaredSeconds + baseSeconds) * 1000));
    }

    private static void stop(Long execution) {
        try {
            if (execution != null) {
                BatchRuntime.getJobOperator().stop(execution);
            }
        } catch (JobExecutionNotRunningException | NoSuchJobExecutionException e) {
            // already over, or on another node: that node's next chunk is refused
        }
    }
}
