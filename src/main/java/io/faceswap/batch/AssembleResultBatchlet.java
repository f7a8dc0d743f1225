package io.faceswap.batch;

import io.faceswap.swap.video.SegmentAssembler;
import io.faceswap.swap.video.Segments;
import io.faceswap.task.TaskFiles;
import io.faceswap.task.TaskQueries;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Step 3: joins the segments covering every frame, in order, with the original audio into the result MP4. */
@Named
@Dependent
public class AssembleResultBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty(name = "taskId")
    String taskId;

    @Inject
    TaskFiles files;

    @Inject
    TaskQueries queries;

    @Override
    public String process() {
        long frames = queries.find(taskId).getFramesTotal();
        SegmentAssembler.assemble(
                Segments.chain(files.segments(taskId), frames), files.video(taskId), files.result(taskId));
        return "ASSEMBLED";
    }
}
