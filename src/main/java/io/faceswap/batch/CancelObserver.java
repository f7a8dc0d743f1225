package io.faceswap.batch;

import io.faceswap.task.TaskEvents;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.logging.Logger;

/** Stops the job of a task the client canceled; the job listener then marks the task canceled. */
@ApplicationScoped
public class CancelObserver {
    private static final Logger LOG = Logger.getLogger(CancelObserver.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /**
     * After the cancel commits, on another thread: stopping a job writes to the job repository, which must not
     * happen inside the committing transaction's completion callbacks (the connection is being released there).
     */
    void onCancel(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskEvents.CancelRequested event) {
        executor.execute(() -> stop(event));
    }

    private static void stop(TaskEvents.CancelRequested event) {
        try {
            BatchRuntime.getJobOperator().stop(event.jobExecutionId());
        } catch (JobExecutionNotRunningException | NoSuchJobExecutionException e) {
            // the job is between runs (e.g. waiting for restart): its next beforeJob sees the request and stops
            LOG.fine(() -> "Task " + event.taskId() + ": job not running, cancel recorded for its next run");
        }
    }
}
