package io.faceswap.batch;

import io.faceswap.task.TaskFiles;
import io.faceswap.task.TaskLifecycle;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The last step: the result is in place, so the task succeeds (settling its seconds; intermediates go after commit),
 * unless its cancel or delete was requested meanwhile: then the job listener cancels it, uncharged.
 */
@Named
@Dependent
public class FinishTaskBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty(name = "taskId")
    String taskId;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    TaskFiles files;

    @Override
    public String process() throws IOException {
        lifecycle.resultWritten(taskId, Files.size(files.result(taskId)));
        return lifecycle.succeed(taskId) ? "SUCCEEDED" : "ALREADY_ENDED";
    }
}
