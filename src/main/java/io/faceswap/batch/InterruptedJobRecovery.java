package io.faceswap.batch;

import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskFiles;
import io.faceswap.task.TaskLifecycle;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * At start, finds this server's tasks whose jobs were cut short (the JVM died, or the server stopped mid-job) and
 * restarts them from their last checkpoints. A task claimed but never started goes back to the queue.
 */
@ApplicationScoped
public class InterruptedJobRecovery {
    private static final Logger LOG = Logger.getLogger(InterruptedJobRecovery.class.getName());

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    JobSettings settings;

    @Inject
    TaskFiles files;

    public void recover() {
        JobOperator operator = BatchRuntime.getJobOperator();
        for (FaceSwapTask task : lifecycle.processingOn(settings.node())) {
            Long execution = task.getJobExecutionId();
            if (execution == null) {
                lifecycle.requeue(task.getId());
                continue;
            }
            if (task.isCancelRequested()) {
                lifecycle.canceled(task.getId());
                files.clean(task.getId(), false);
                continue;
            }
            BatchStatus status = operator.getJobExecution(execution).getBatchStatus();
            switch (status) {
                case STARTING, STARTED, STOPPING, STOPPED, FAILED -> restart(operator, task, execution, status);
                case COMPLETED, ABANDONED -> lifecycle.fail(task.getId(), FailureCodes.INTERNAL_ERROR,
                        "Processing ended without a result");
            }
        }
    }

    private void restart(JobOperator operator, FaceSwapTask task, long execution, BatchStatus status) {
        if (status == BatchStatus.FAILED) {
            // FAILED with the task still processing: the server died while the listener was recording the failure
            lifecycle.fail(task.getId(), FailureCodes.INTERNAL_ERROR, "Processing failed");
            return;
        }
        long next = operator.restart(execution, TaskDispatcher.restartParameters(settings.jobParameters(task.getId())));
        lifecycle.jobStarted(task.getId(), next, settings.node());
        LOG.info(() -> "Task " + task.getId() + ": interrupted execution " + execution + " (" + status
                + ") restarted as " + next);
    }
}
