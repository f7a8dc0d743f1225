package io.faceswap.batch;

import io.faceswap.api.DatabaseFaults;
import io.faceswap.config.NodeIdentity;
import io.faceswap.logging.LogContext;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskErrorCode;
import io.faceswap.task.TaskLifecycle;
import io.faceswap.task.TaskQueries;
import io.faceswap.task.TaskSettings;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the task in step with its job. Before a run: records the execution (once per run) if the task is still this
 * node's to run, else stops the run at once. After it: a requested cancel or a recorded failure becomes the task's
 * outcome. Success is recorded by the job's last step, so that it commits only once the result is in place. A run
 * stopped by a shutdown leaves its task processing: its lease lapses and a node takes it over. So does a run that
 * failed because the database was unreachable ({@link Interruptions}), at once if the database is back by then,
 * up to {@code max-attempts}; past that the task fails SERVICE_INTERRUPTED, uncharged.
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
    TaskQueries queries;

    @Inject
    LeaseKeeper leases;

    @Inject
    NodeIdentity node;

    @Inject
    Interruptions interruptions;

    @Inject
    TaskSettings settings;

    @Override
    public void beforeJob() {
        leases.started(taskId);
        FaceSwapTask task = queries.find(taskId);
        LogContext.remember(taskId, task.getRequestId(), task.getUserId());
        LogContext.enterTask(taskId);
        LOG.info(() -> "Task " + taskId + ": job execution " + jobContext.getExecutionId() + " starts");
        boolean ours;
        long since = System.nanoTime();
        try {
            ours = lifecycle.jobStarted(taskId, jobContext.getExecutionId(), node.id());
            if (ours) {
                leases.renewed(taskId, since); // jobStarted set a fresh lease
            }
        } catch (RuntimeException e) {
            if (DatabaseFaults.isConnectionFault(e)) {
                interruptions.note(taskId);
            }
            throw e;
        }
        if (!ours || queries.find(taskId).isCancelRequested()) {
            BatchRuntime.getJobOperator().stop(jobContext.getExecutionId());
        }
    }

    @Override
    public void afterJob() {
        boolean interrupted = interruptions.take(taskId);
        try {
            FaceSwapTask task = queries.find(taskId);
            if (task.getStatus().terminal() || !node.id().equals(task.getNode()) || task.isPaused()) {
                return; // ended already, taken over by another node, or paused by an admin
            }
            BatchStatus status = jobContext.getBatchStatus();
            if (task.isCancelRequested()) {
                lifecycle.canceled(taskId);
            } else if (interrupted && status == BatchStatus.FAILED && task.getErrorCode() == null) {
                interrupted(task);
            } else if (status == BatchStatus.FAILED) {
                lifecycle.fail(
                        taskId,
                        task.getErrorCode() != null
                                ? TaskErrorCode.of(task.getErrorCode())
                                : TaskErrorCode.INTERNAL_ERROR,
                        task.getErrorCode() != null ? task.getErrorMessage() : "Processing failed");
            } else if (status == BatchStatus.COMPLETED) {
                lifecycle.fail(taskId, TaskErrorCode.INTERNAL_ERROR, "Processing ended without a result");
            } else {
                LOG.info(() -> "Task " + taskId + " job ended " + status + "; its lease lapses and a node resumes it");
            }
        } catch (RuntimeException e) {
            if (!DatabaseFaults.isConnectionFault(e)) {
                throw e;
            }
            // still out of reach: the lease lapses and a node resumes the task when the database is back
            LOG.log(Level.FINE, "Task " + taskId + ": run ended during a database outage", e);
        } finally {
            leases.ended(taskId);
            LOG.info(() -> "Task " + taskId + ": job execution " + jobContext.getExecutionId() + " ended "
                    + jobContext.getBatchStatus());
            LogContext.forget(taskId);
            LogContext.clear();
        }
    }

    private void interrupted(FaceSwapTask task) {
        if (task.getAttempts() >= settings.maxAttempts()) {
            lifecycle.fail(
                    taskId,
                    TaskErrorCode.SERVICE_INTERRUPTED,
                    "Processing was interrupted " + task.getAttempts() + " times by our database being unreachable");
        } else {
            leases.ended(taskId); // before the release: the next dispatch must not see it as still running here
            if (lifecycle.releaseLease(taskId, node.id())) {
                LOG.info(() -> "Task " + taskId + ": run interrupted by the database outage; resuming it");
            }
        }
    }
}
