package io.faceswap.metrics;

import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskEvents;
import io.faceswap.task.TaskQueries;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts tasks as they are created and as they end (by status and error code), and records their time in the queue
 * and in processing when they end. The end is read inside the ending transaction (after it, the transaction's
 * connection is gone and a read there broke the pool's connection) and counted once it commits, so a rolled-back
 * end is not counted. Exactly once per task: the end event is raised once, by the node whose update ended it.
 */
@ApplicationScoped
public class TaskMeters {
    private static final Logger LOG = Logger.getLogger(TaskMeters.class.getName());

    @Inject
    Meters meters;

    @Inject
    TaskQueries queries;

    @Resource
    TransactionSynchronizationRegistry transactions;

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskEvents.Queued event) {
        meters.taskCreated(1);
    }

    void onEnded(@Observes TaskEvents.Ended event) {
        FaceSwapTask task = null;
        try {
            task = queries.find(event.taskId());
        } catch (RuntimeException e) {
            // a metric is never worth failing the caller for: the end is still counted, its code unknown
            LOG.log(Level.FINE, "Task " + event.taskId() + " not read for its metrics", e);
        }
        String code = task == null ? "unknown" : task.getErrorCode() == null ? "none" : task.getErrorCode();
        Duration queued = task == null ? null : between(task.getCreatedAt(), task.getStartedAt());
        Duration running = task == null ? null : between(task.getStartedAt(), task.getFinishedAt());
        Runnable record = () -> {
            meters.taskEnded(event.status().name(), code);
            meters.taskTimes(queued, running);
        };
        if (transactions.getTransactionKey() == null) {
            record.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    record.run();
                }
            }
        });
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null || to.isBefore(from) ? null : Duration.between(from, to);
    }
}
