package io.faceswap.trust;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.audit.AuditLog;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskDeletion;
import io.faceswap.task.TaskErrorCode;
import io.faceswap.task.TaskEvents;
import io.faceswap.task.TaskLifecycle;
import io.faceswap.task.TaskQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * An admin takes a result down: the task's data is erased, its open reports are closed, and the audit log says who
 * did it and why. {@link #eraseTaskData} erases through the task delete of issue 26, so a taken-down task is
 * also a deleted tombstone.
 */
@ApplicationScoped
@Transactional
public class TakedownService {

    @Inject
    TaskQueries queries;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    TaskDeletion deletion;

    @Inject
    ReportService reports;

    @Inject
    AuditLog audit;

    @Inject
    Event<TaskEvents.CancelRequested> stopJob;

    public record Outcome(FaceSwapTask task, boolean erasedNow, int reportsClosed) {}

    /** 404 for an unknown task; taking a task down twice erases nothing more and writes no second entry. */
    public Outcome takeDown(String taskId, String reason) {
        FaceSwapTask before = queries.find(taskId);
        if (before == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No task " + taskId);
        }
        String statusBefore = before.getStatus().wire();
        boolean now = eraseTaskData(before, reason);
        int closed = reports.actioned(taskId);
        if (now) {
            audit.record(
                    AuditLog.TAKEDOWN,
                    before.getUserId(),
                    taskId,
                    "status was " + statusBefore + "; reports closed " + closed + "; reason: " + reason);
        }
        return new Outcome(queries.find(taskId), now, closed);
    }

    /**
     * Erases the task's data: a task still open ends at once (failed TAKEN_DOWN, nothing charged, its job stopped
     * here or refused at its next chunk on another node); then the task delete erases its files on the shared
     * storage after the commit and leaves the row as a tombstone; last it is marked taken down (410 with its own
     * code on the result).
     *
     * @return false when it was taken down before
     */
    boolean eraseTaskData(FaceSwapTask task, String reason) {
        String id = task.getId();
        if (lifecycle.fail(id, TaskErrorCode.TAKEN_DOWN, "Taken down by an operator")
                && task.getJobExecutionId() != null) {
            stopJob.fire(new TaskEvents.CancelRequested(id, task.getJobExecutionId()));
        }
        deletion.delete(id, "take-down: " + reason);
        return lifecycle.markTakenDown(id);
    }
}
