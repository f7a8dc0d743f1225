package io.faceswap.task;

import io.faceswap.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Deletes a task's data on request (issue 26), for the client, an admin, or any later caller such as a take-down:
 * the task is canceled as a client cancel would (a queued one at once, a running one at its next chunk; its held
 * seconds come back), its media, segments and result are erased from the shared storage after the commit (and
 * again when a running job ends), and the row stays as a tombstone with its books unchanged. Idempotent: a second
 * delete changes nothing and writes no second audit entry.
 */
@ApplicationScoped
@Transactional
public class TaskDeletion {

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    TaskQueries queries;

    @Inject
    AuditLog audit;

    @Inject
    Event<TaskEvents.CancelRequested> cancelRequested;

    @Inject
    Event<TaskEvents.Deleted> deleted;

    /** Deletes the task's data; returns the tombstone, or null when there is no such task. */
    public FaceSwapTask delete(String taskId, String reason) {
        FaceSwapTask before = queries.find(taskId);
        if (before == null) {
            return null;
        }
        if (before.getDeletedAt() != null) {
            return before;
        }
        String statusBefore = before.getStatus().wire();
        if (!lifecycle.cancelNow(taskId) && lifecycle.requestCancel(taskId)) {
            // read again after the request: a job that started since `before` was read has checked for a cancel
            // already (beforeJob) and must be stopped by its execution id, or it runs to success and is charged
            Long execution = queries.find(taskId).getJobExecutionId();
            if (execution != null) {
                cancelRequested.fire(new TaskEvents.CancelRequested(taskId, execution));
            }
        }
        if (lifecycle.markDeleted(taskId)) {
            audit.record(
                    AuditLog.TASK_DELETE,
                    before.getUserId(),
                    taskId,
                    "status was " + statusBefore + (reason == null ? "" : "; " + reason));
            deleted.fire(new TaskEvents.Deleted(taskId));
        }
        return queries.find(taskId);
    }
}
