package io.faceswap.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Hands every failure to the {@link FailureRecorder}: a chunk's error in whichever partition thread it happens, and
 * a batchlet step's exception when the step ends.
 */
@Named
@Dependent
public class FailureCaptureListener extends AbstractChunkListener implements StepListener {

    @Inject
    @BatchProperty(name = "taskId")
    String taskId;

    @Inject
    FailureRecorder failures;

    @Inject
    StepContext stepContext;

    @Override
    public void onError(Exception error) {
        failures.record(taskId, error);
    }

    @Override
    public void beforeStep() {
        // nothing to prepare
    }

    @Override
    public void afterStep() {
        if (stepContext.getException() != null) {
            failures.record(taskId, stepContext.getException());
        }
    }
}
