package io.faceswap.trust;

import io.faceswap.account.ApiKeyService;
import io.faceswap.audit.AuditLog;
import io.faceswap.billing.BillingService;
import io.faceswap.billing.UserAccount;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskErrorCode;
import io.faceswap.task.TaskEvents;
import io.faceswap.task.TaskLifecycle;
import io.faceswap.task.TaskQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Suspends a user: the flag on the user's account row, which every key read carries, so that each key of the user
 * is refused with 403 USER_SUSPENDED on this node at once and on every other node within the key cache's second;
 * every task of the user not yet ended fails USER_SUSPENDED with its held seconds released (each exactly once, by
 * the task's conditional end). One transaction under the account's lock, which a create takes too: a create racing
 * the suspension either commits first (and its task is stopped here) or sees the suspension.
 */
@ApplicationScoped
@Transactional
public class SuspensionService {

    @Inject
    BillingService billing;

    @Inject
    ApiKeyService keys;

    @Inject
    TaskQueries queries;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    AuditLog audit;

    @Inject
    Event<TaskEvents.CancelRequested> stopJob;

    public record Outcome(UserAccount account, int tasksStopped) {}

    public Outcome suspend(String userId, String reason) {
        boolean already = billing.setSuspended(userId, true) != null;
        int stopped = 0;
        for (FaceSwapTask task : queries.openOf(userId)) {
            if (lifecycle.fail(task.getId(), TaskErrorCode.USER_SUSPENDED, "The user was suspended by an operator")) {
                stopped++;
                if (task.getJobExecutionId() != null) { // stopped here if it runs here; elsewhere refused at its chunk
                    stopJob.fire(new TaskEvents.CancelRequested(task.getId(), task.getJobExecutionId()));
                }
            }
        }
        if (!already || stopped > 0) {
            audit.record(AuditLog.USER_SUSPEND, userId, null, "tasks stopped " + stopped + "; reason: " + reason);
        }
        keys.userStatusChanged(userId);
        return new Outcome(billing.find(userId).orElseThrow(), stopped);
    }

    public Outcome unsuspend(String userId, String reason) {
        if (billing.setSuspended(userId, false) != null) {
            audit.record(AuditLog.USER_UNSUSPEND, userId, null, reason == null ? null : "reason: " + reason);
        }
        keys.userStatusChanged(userId);
        return new Outcome(billing.find(userId).orElseThrow(), 0);
    }
}
