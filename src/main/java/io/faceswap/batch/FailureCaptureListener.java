package io.faceswap.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Hands every chunk error (in whichever partition thread) to the {@link FailureRecorder}. */
@Named
@Dependent
public class FailureCaptureListener extends AbstractChunkListener {

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
}
