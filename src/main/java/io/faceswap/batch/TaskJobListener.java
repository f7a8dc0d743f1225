package io.faceswap.batch;

import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskFiles;
import io.faceswap.task.TaskLifecycle;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * Keeps the task in step with its job: records the execution when a run begins, and when it ends turns a failure
 * or a requested cancel into the task's outcome (settling the held seconds, deleting partial files).
 * Success is recorded by the job's last step, so that it commits only once the result is in place.
 */
@Named
@Dependent
public class TaskJobListener extends AbstractJobListener {
    private static final Logger LOG = Logger.getLogger(TaskJobListener.class.getName());

    @Inject
    @BatchProperty(name = "taskId")
    String taskId;

    @Inject
    JobContext jobContext;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    FailureRecorder failures;

    @Inject
    TaskFiles files;

    @Inject
    JobSettings settings;

    @Inject
    TaskDispatcher dispatcher;

    @Override
    public void beforeJob() {
        lifecycle.jobStarted(taskId, jobContext.getExecutionId(), settings.node());
        FaceSwapTask task = lifecycle.find(taskId);
        if (task.isCancelRequested() || task.getStatus().terminal()) {
            BatchRuntime.getJobOperator().stop(jobContext.getExecutionId());
        }
    }

    @Override
    public void afterJob() {
        BatchStatus status = jobContext.getBatchStatus();
        FaceSwapTask task = lifecycle.find(taskId);
        if (!task.getStatus().terminal()) {
            if (task.isCancelRequested()) {
                lifecycle.canceled(taskId);
            } else if (status == BatchStatus.FAILED) {
                FailureRecorder.Failure failure = failures.take(taskId).orElse(
                        new FailureRecorder.Failure(FailureCodes.INTERNAL_ERROR, "Processing failed"));
                lifecycle.fail(taskId, failure.code(), failure.message());
            } else {
                // stopped by an operator or a shutdown: stays processing, to be restarted
                LOG.info(() -> "Task " + taskId + " job ended " + status + "; left for restart");
            }
        }
        failures.take(taskId);
        FaceSwapTask after = lifecycle.find(taskId);
        if (after.getStatus().terminal()) {
            files.clean(taskId, after.getStatus() == io.faceswap.task.TaskStatus.SUCCEEDED);
        }
        dispatcher.wakeUp();
    }
}
