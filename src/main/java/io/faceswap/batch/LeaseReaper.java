package io.faceswap.batch;

import io.faceswap.config.NodeIdentity;
import io.faceswap.metrics.Meters;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskErrorCode;
import io.faceswap.task.TaskFiles;
import io.faceswap.task.TaskLifecycle;
import io.faceswap.task.TaskQueries;
import io.faceswap.task.TaskSettings;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.logging.Logger;

/**
 * Takes over tasks whose node stopped renewing their lease (it died, hung, or was cut off), and, once after this
 * server starts, the tasks this node held before it went down. The takeover is a conditional update on the lapsed
 * lease, so exactly one node wins; the winner restarts the job execution from its checkpoints through the shared
 * job repository, counting an attempt. Past {@code clipzap.tasks.max-attempts} the task fails as NODE_LOST.
 */
@ApplicationScoped
public class LeaseReaper {
    private static final Logger LOG = Logger.getLogger(LeaseReaper.class.getName());

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    TaskQueries queries;

    @Inject
    TaskSettings settings;

    @Inject
    NodeIdentity node;

    @Inject
    JobSettings jobs;

    @Inject
    LeaseKeeper leases;

    @Inject
    TaskFiles files;

    @Inject
    Meters meters;

    /** Takes over one orphan; every failure is the caller's to log, the other orphans go on. */
    void takeOver(FaceSwapTask orphan) {
        String taskId = orphan.getId();
        if (node.id().equals(orphan.getNode()) && leases.runsHere(taskId)) {
            // its lease lapsed while the database was out of reach, but its job still runs here: keep it, never
            // start a second run of it beside the first
            long since = System.nanoTime();
            if (lifecycle.renewLeases(java.util.List.of(taskId), node.id()) == 1) {
                leases.renewed(taskId, since);
            }
            return;
        }
        if (!lifecycle.takeOver(taskId, node.id(), orphan.getLeaseUntil())) {
            return; // another node was quicker, or the task moved on
        }
        meters.leaseTakeover();
        LOG.info(() -> "Task " + taskId + ": taking over from node " + orphan.getNode() + " (attempt "
                + (orphan.getAttempts() + 1) + ")");
        if (orphan.isCancelRequested()) {
            lifecycle.canceled(taskId);
        } else if (orphan.getAttempts() + 1 > settings.maxAttempts()) {
            lifecycle.fail(
                    taskId,
                    TaskErrorCode.NODE_LOST,
                    "Processing was interrupted " + orphan.getAttempts() + " times by lost servers");
        } else if (orphan.getJobExecutionId() == null) {
            lifecycle.requeue(taskId, node.id());
        } else {
            resume(orphan, orphan.getJobExecutionId());
        }
    }

    private void resume(FaceSwapTask task, long execution) {
        JobOperator operator = BatchRuntime.getJobOperator();
        BatchStatus status;
        try {
            status = operator.getJobExecution(execution).getBatchStatus();
        } catch (NoSuchJobExecutionException e) {
            lifecycle.fail(task.getId(), TaskErrorCode.INTERNAL_ERROR, "The processing job's record was lost");
            return;
        }
        switch (status) {
            case COMPLETED -> endCompleted(task.getId());
            case ABANDONED -> lifecycle.fail(task.getId(), TaskErrorCode.ABANDONED, "Processing was abandoned");
            case FAILED -> {
                if (task.getErrorCode() != null) {
                    lifecycle.fail(task.getId(), TaskErrorCode.of(task.getErrorCode()), task.getErrorMessage());
                } else {
                    restart(operator, task.getId(), execution);
                }
            }
            default -> restart(operator, task.getId(), execution);
        }
    }

    private void restart(JobOperator operator, String taskId, long execution) {
        leases.started(taskId);
        try {
            long next = operator.restart(execution, jobs.restartParameters(taskId));
            LOG.info(() -> "Task " + taskId + ": execution " + execution + " restarted as " + next);
        } catch (RuntimeException e) {
            leases.ended(taskId);
            throw e;
        }
    }

    /** The job finished but the task did not hear of it (its node died in between). */
    private void endCompleted(String taskId) {
        if (Files.isRegularFile(files.result(taskId))) {
            lifecycle.resultWritten(taskId, files.result(taskId).toFile().length());
            if (!lifecycle.succeed(taskId)) {
                lifecycle.canceled(taskId); // its cancel was requested (succeed refuses then); ended already: no-op
            }
        } else {
            lifecycle.fail(taskId, TaskErrorCode.INTERNAL_ERROR, "Processing ended without a result");
        }
    }
}
