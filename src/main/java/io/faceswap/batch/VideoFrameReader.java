package io.faceswap.batch;

import io.faceswap.logging.LogContext;
import io.faceswap.swap.face.FaceSwapper;
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
import java.util.logging.Logger;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads the frames of this partition's range, one item per frame, from its checkpoint on (a restart continues
 * with the first frame not committed).
 */
@Named
@Dependent
public class VideoFrameReader extends AbstractItemReader {
    private static final Logger LOG = Logger.getLogger(VideoFrameReader.class.getName());

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
    @BatchProperty(name = "visibleLabel")
    Boolean visibleLabel;

    @Inject
    @BatchProperty(name = "identityThreshold")
    Double identityThreshold;

    @Inject
    PartitionState partition;

    @Inject
    TaskMedia media;

    @Inject
    TaskFiles files;

    private long next;
    private long end;
    private long first;
    private long openedNanos;
    private PartitionWork work;

    @Override
    public void open(Serializable checkpoint) {
        LogContext.enterTask(taskId); // a partition's thread: its log lines carry the task's request id
        next = checkpoint instanceof FrameCheckpoint c ? c.nextFrame() : Long.parseLong(from);
        end = Long.parseLong(to);
        first = next;
        openedNanos = System.nanoTime();
        VideoInfo info = media.video(taskId);
        SharedSource source = media.takeSource(taskId); // released by the work's close, even after the job's scope
        try {
            work = new PartitionWork(
                    info,
                    new FrameReader(files.video(taskId), next, 1, info.timeline()),
                    source,
                    swapper(source),
                    Boolean.TRUE.equals(visibleLabel));
        } catch (RuntimeException e) {
            source.release();
            throw e;
        }
        partition.open(work);
    }

    /** Every face (or the largest), or with face mappings only the people named (issue 25). */
    private FaceSwapper swapper(SharedSource source) {
        boolean multiBand = Boolean.parseBoolean(multiBandBlend);
        if (!source.mappings().isEmpty()) {
            return new FaceSwapper(source.mappings(), identityThreshold, multiBand);
        }
        return new FaceSwapper(source.face(), Boolean.parseBoolean(largestFaceOnly), true, multiBand);
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
        // JBeret keeps no times for partitions: this line is how an operator sees a slow or lopsided partition
        double seconds = (System.nanoTime() - openedNanos) / 1e9;
        LOG.info(() -> String.format(
                "Task %s: frames %d-%d of partition %s-%s read in %.2f s (%.1f frames/s)",
                taskId, first, next, from, to, seconds, (next - first) / Math.max(seconds, 1e-3)));
        LogContext.clear();
    }
}
