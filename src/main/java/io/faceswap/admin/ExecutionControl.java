package io.faceswap.admin;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskFiles;
import io.faceswap.task.TaskLifecycle;
import io.faceswap.task.TaskStatus;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Properties;

/**
 * Stop, restart and abandon, keeping the task in step: a stopped execution leaves its task processing (paused,
 * holding its seconds) until it is restarted, or abandoned, which fails the task with ABANDONED and releases them.
 */
@ApplicationScoped
public class ExecutionControl {

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    TaskFiles files;

    public void stop(long executionId) {
        try {
            operator().stop(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No execution " + executionId);
        } catch (JobExecutionNotRunningException e) {
            throw new ApiException(ErrorCode.CONFLICT, "Execution " + executionId + " is not running");
        }
    }

    /** @return the new execution's id */
    public long restart(long executionId, String taskId) {
        FaceSwapTask task = taskOf(taskId);
        if (task.getStatus() != TaskStatus.PROCESSING) {
            throw new ApiException(ErrorCode.CONFLICT, "Task " + taskId + " has ended (" + task.getStatus().wire()
                    + "); only a paused task's execution can be restarted");
        }
        try {
            Properties parameters = operator().getParameters(executionId);
            long next = operator().restart(executionId, parameters);
            lifecycle.jobStarted(taskId, next, System.getProperty("jboss.node.name", "local"));
            return next;
        } catch (NoSuchJobExecutionException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No execution " + executionId);
        } catch (JobExecutionNotMostRecentException | JobRestartException e) {
            throw new ApiException(ErrorCode.CONFLICT, "Execution " + executionId + " cannot be restarted: "
                    + e.getMessage());
        }
    }

    public void abandon(long executionId, String taskId) {
        try {
            operator().abandon(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No execution " + executionId);
        } catch (JobExecutionIsRunningException e) {
            throw new ApiException(ErrorCode.CONFLICT, "Execution " + executionId + " is running; stop it first");
        }
        if (taskId != null && lifecycle.fail(taskId, "ABANDONED", "Processing was abandoned by an operator")) {
            files.clean(taskId, false);
        }
    }

    private FaceSwapTask taskOf(String taskId) {
        FaceSwapTask task = taskId == null ? null : lifecycle.find(taskId);
        if (task == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "The execution belongs to no known task");
        }
        return task;
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
