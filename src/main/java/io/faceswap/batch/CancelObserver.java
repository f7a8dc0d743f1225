package io.faceswap.batch;

import io.faceswap.task.TaskEvents;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.logging.Logger;

/** Stops the job of a task the client canceled; the job listener then marks the task canceled. */
@ApplicationScoped
public class CancelObserver {
    private static final Logger LOG = Logger.getLogger(CancelObserver.class.getName());

    void onCancel(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskEvents.CancelRequested event) {
        try {
            BatchRuntime.getJobOperator().stop(event.jobExecutionId());
        } catch (JobExecutionNotRunningException | NoSuchJobExecutionException e) {
            // the job is between runs (e.g. waiting for restart): its next beforeJob sees the request and stops
            LOG.fine(() -> "Task " + event.taskId() + ": job not running, cancel recorded for its next run");
        }
    }
}
