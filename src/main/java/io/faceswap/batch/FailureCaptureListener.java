package io.faceswap.batch;

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
        if (!FailureClassifier.leaseLost(error)) {
            FailureClassifier.Failure failure = FailureClassifier.classify(taskId, error);
            lifecycle.recordFailure(taskId, failure.code(), failure.message());
        }
    }
}
