package io.faceswap.batch;

import io.faceswap.api.DatabaseFaults;
import io.faceswap.config.NodeIdentity;
import io.faceswap.health.DatabaseProbe;
import io.faceswap.logging.LogContext;
import io.faceswap.task.TaskLifecycle;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Records the first failure of a run in the task's row (a chunk's error in whichever partition thread it happens,
 * a batchlet step's exception when the step ends), so the code survives a crash before the job listener reads it.
 * A failure because the database was unreachable is not the task's: it is noted in {@link Interruptions} instead,
 * and the run is resumed from its checkpoints.
 */
@Named
@Dependent
public class FailureCaptureListener extends AbstractChunkListener implements StepListener {

    @Inject
    @BatchProperty(name = "taskId")
    String taskId;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    StepContext stepContext;

    @Inject
    Interruptions interruptions;

    @Inject
    DatabaseProbe database;

    @Inject
    NodeIdentity node;

    @Override
    public void onError(Exception error) {
        record(error);
    }

    @Override
    public void beforeStep() {
        LogContext.enterTask(taskId); // the step's log lines carry the task's request id
    }

    @Override
    public void afterStep() {
        if (stepContext.getException() != null) {
            record(stepContext.getException());
        }
    }

    private void record(Throwable error) {
        if (FailureClassifier.leaseLost(error)) {
            return;
        }
        if (DatabaseFaults.isConnectionFault(error) || !database.databaseUp()) {
            interruptions.note(taskId);
            return;
        }
        FailureClassifier.Failure failure = FailureClassifier.classify(taskId, error);
        try {
            lifecycle.recordFailure(taskId, node.id(), failure.code(), failure.message());
        } catch (RuntimeException e) {
            if (!DatabaseFaults.isConnectionFault(e)) {
                throw e;
            }
            interruptions.note(taskId); // the outage began just now: the run resumes, the failure is met again
        }
    }
}
