package io.faceswap.admin;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.config.NodeIdentity;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskErrorCode;
import io.faceswap.task.TaskLifecycle;
import io.faceswap.task.TaskQueries;
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
 * Stop, restart and abandon, keeping the task in step: a stopped execution's task is paused (it keeps its seconds,
 * frees its slot, and nothing resumes it automatically) until an admin restarts it, here, or abandons it, which
 * fails the task with ABANDONED and releases its seconds.
 */
@ApplicationScoped
public class ExecutionControl {

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    TaskQueries tasks;

    @Inject
    NodeIdentity node;

    public void stop(long executionId, String taskId) {
        if (taskId != null) {
            lifecycle.pause(taskId);
        }
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
        if (task.getStatus() != TaskStatus.PROCESSING || !lifecycle.resume(taskId, node.id())) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Task " + taskId + " has ended (" + task.getStatus().wire()
                            + "); only a paused task's execution can be restarted");
        }
        try {
            Properties parameters = operator().getParameters(executionId);
            return operator().restart(executionId, parameters);
        } catch (NoSuchJobExecutionException e) {
            lifecycle.pause(taskId);
            throw new ApiException(ErrorCode.NOT_FOUND, "No execution " + executionId);
        } catch (JobExecutionNotMostRecentException | JobRestartException e) {
            lifecycle.pause(taskId);
            throw new ApiException(
                    ErrorCode.CONFLICT, "Execution " + executionId + " cannot be restarted: " + e.getMessage());
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
        if (taskId != null) {
            lifecycle.fail(taskId, TaskErrorCode.ABANDONED, "Processing was abandoned by an operator");
        }
    }

    private FaceSwapTask taskOf(String taskId) {
        FaceSwapTask task = taskId == null ? null : tasks.find(taskId);
        if (task == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "The execution belongs to no known task");
        }
        return task;
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
