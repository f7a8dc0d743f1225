package io.faceswap.batch;

import io.faceswap.credentials.ContentCredentials;
import io.faceswap.swap.video.SegmentAssembler;
import io.faceswap.swap.video.Segments;
import io.faceswap.swap.video.Trim;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskErrorCode;
import io.faceswap.task.TaskFiles;
import io.faceswap.task.TaskQueries;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;

/**
 * Step 3: joins the segments covering every frame, in order, with the original audio into an MP4, then writes it
 * signed with content credentials as the result: the result never exists unsigned, even after a crash between the two.
 * A task with face mappings in which no mapped person was found in any frame fails here, uncharged
 * (NO_MAPPED_FACE_FOUND): there is nothing to deliver.
 */
@Named
@Dependent
public class AssembleResultBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty(name = "taskId")
    String taskId;

    @Inject
    TaskFiles files;

    @Inject
    TaskMedia media;

    @Inject
    ContentCredentials credentials;

    @Inject
    TaskQueries queries;

    @Inject
    LeaseKeeper leases;

    @Override
    public String process() throws InterruptedException {
        FaceSwapTask task = queries.find(taskId);
        if (task.getFaceMappings() != null && task.getFacesFound() == 0) { // facesFound: summed over committed chunks
            throw new TaskFailure(
                    TaskErrorCode.NO_MAPPED_FACE_FOUND,
                    "None of the people of faceMappings was found in any of the video's " + task.getFramesTotal()
                            + " frames");
        }
        leases.awaitHeld(taskId); // this node's to write: not taken over while it was cut off from the database
        Trim.FrameRange range = media.range(taskId); // the trimmed part's frames (or all), timed from its first
        Path result = files.result(taskId);
        Path unsigned = result.resolveSibling(result.getFileName() + ".unsigned.mp4");
        SegmentAssembler.assemble(
                Segments.chain(files.segments(taskId), range.first(), range.end()),
                files.video(taskId),
                unsigned,
                media.video(taskId).timeline(),
                range);
        leases.awaitHeld(taskId); // and still, after the assembly's seconds
        credentials.markAndMove(unsigned, result, taskId);
        return "ASSEMBLED";
    }
}
