package io.faceswap.batch;

import io.faceswap.task.TaskEvents;
import io.faceswap.task.TaskLifecycle;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobStartException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts queued tasks as batch jobs, oldest first, while fewer than {@code clipzap.tasks.max-running} run. Wakes
 * up when a task is queued or a job ends, and polls as a safety net (another server may have freed a slot).
 */
@ApplicationScoped
public class TaskDispatcher {
    private static final Logger LOG = Logger.getLogger(TaskDispatcher.class.getName());
    static final String JOB = "faceswap";

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    InterruptedJobRecovery recovery;

    @Inject
    JobSettings settings;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.max-running", defaultValue = "2")
    int maxRunning;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.poll-millis", defaultValue = "2000")
    long pollMillis;

    private volatile boolean recovered;
    private ScheduledFuture<?> poll;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        poll = scheduler.scheduleWithFixedDelay(this::dispatch, 1000, pollMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (poll != null) {
            poll.cancel(false);
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskEvents.Queued event) {
        wakeUp();
    }

    /** Dispatch soon, off the caller's thread. */
    public void wakeUp() {
        scheduler.execute(this::dispatch);
    }

    /** Serialised within this server; across servers the claim's row lock does the same. */
    synchronized void dispatch() {
        if (!recovered) {
            recovery.recover();
            recovered = true;
        }
        Optional<String> next;
        while ((next = lifecycle.claimNext(maxRunning, settings.node())).isPresent()) {
            startJob(next.get());
        }
    }

    private void startJob(String taskId) {
        JobOperator operator = BatchRuntime.getJobOperator();
        try {
            long execution = operator.start(JOB, settings.jobParameters(taskId));
            lifecycle.jobStarted(taskId, execution, settings.node());
            LOG.fine(() -> "Task " + taskId + " started as job execution " + execution);
        } catch (JobStartException e) {
            LOG.severe("Task " + taskId + " could not start: " + e.getMessage());
            lifecycle.fail(taskId, FailureCodes.INTERNAL_ERROR, "The processing job could not start");
        }
    }

    static Properties restartParameters(Properties base) {
        Properties p = new Properties();
        p.putAll(base);
        // force: a crashed execution is still STARTED in the repository; this restarts it from its checkpoints
        p.setProperty("jberet.restart.mode", "force");
        return p;
    }
}
