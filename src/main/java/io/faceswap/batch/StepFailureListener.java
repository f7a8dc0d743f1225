package io.faceswap.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Hands a batchlet step's exception to the {@link FailureRecorder}. */
@Named
@Dependent
public class StepFailureListener extends AbstractStepListener {

    @Inject
    @BatchProperty(name = "taskId")
    String taskId;

    @Inject
    FailureRecorder failures;

    @Inject
    StepContext stepContext;

    @Override
    public void afterStep() {
        if (stepContext.getException() != null) {
            failures.record(taskId, stepContext.getException());
        }
    }
}
