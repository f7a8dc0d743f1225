package io.faceswap.batch;

import io.faceswap.swap.face.FaceSwapper;
import io.faceswap.swap.face.SourceFace;
import io.faceswap.swap.video.CorruptVideoException;
import io.faceswap.swap.video.FrameReader;
import io.faceswap.swap.video.VideoInfo;
import io.faceswap.task.TaskFiles;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads the frames of this partition's range, one item per frame, from its checkpoint on (a restart continues
 * with the first frame not committed).
 */
@Named
@Dependent
public class VideoFrameReader extends AbstractItemReader {

    @Inject
    @BatchProperty(name = "taskId")
    String taskId;

    @Inject
    @BatchProperty(name = "from")
    String from;

    @Inject
    @BatchProperty(name = "to")
    String to;

    @Inject
    @BatchProperty(name = "largestFaceOnly")
    String largestFaceOnly;

    @Inject
    @BatchProperty(name = "multiBandBlend")
    String multiBandBlend;

    @Inject
    PartitionState partition;

    @Inject
    TaskMedia media;

    @Inject
    TaskFiles files;

    private long next;
    private long end;
    private PartitionWork work;

    @Override
    public void open(Serializable checkpoint) {
        next = checkpoint instanceof FrameCheckpoint c ? c.nextFrame() : Long.parseLong(from);
        end = Long.parseLong(to);
        VideoInfo info = media.video(taskId);
        SourceFace source = media.source(taskId);
        work = new PartitionWork(info, new FrameReader(files.video(taskId), next, 1, info.timeline()), source,
                new FaceSwapper(source, Boolean.parseBoolean(largestFaceOnly), true,
                        Boolean.parseBoolean(multiBandBlend)));
        partition.open(work);
    }

    @Override
    public Object readItem() {
        if (next >= end) {
            return null;
        }
        Mat frame = work.reader().next();
        if (frame == null) {
            throw new CorruptVideoException("The video ends at frame " + next + " of " + end);
        }
        return new FrameItem(next++, frame, 0);
    }

    @Override
    public Serializable checkpointInfo() {
        return new FrameCheckpoint(next);
    }

    @Override
    public void close() {
        partition.close();
    }
}
