package io.faceswap.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

/**
 * The one place a task's files are deleted: once its end (or its result's expiry) has committed. A task that
 * succeeded keeps its result; every other end, and a delete, removes everything.
 */
@ApplicationScoped
public class TaskFileJanitor {
    private static final Logger LOG = Logger.getLogger(TaskFileJanitor.class.getName());

    @Inject
    TaskFiles files;

    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskEvents.Ended event) {
        // a task deleted while it ran keeps nothing, even a result its job finished before it saw the cancel
        boolean keepResult = event.status() == TaskStatus.SUCCEEDED && !event.deleted();
        clean(event.taskId(), keepResult);
    }

    void onDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskEvents.Deleted event) {
        clean(event.taskId(), false);
    }

    void onExpired(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskEvents.Expired event) {
        clean(event.taskId(), false);
    }

    private void clean(String taskId, boolean keepResult) {
        try {
            files.clean(taskId, keepResult);
        } catch (UncheckedIOException e) {
            // the retention purge retries later; the task's state is already final
            LOG.warning("Task " + taskId + ": files not cleaned: " + e.getCause());
        }
    }
}
