package io.faceswap.batch;

import io.faceswap.swap.video.Trim;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;

/**
 * Splits the video's frames into contiguous ranges, one partition each, so ranges are swapped in parallel and each
 * restarts from its own checkpoint. The plan depends only on the frames to swap (all, or a trim's) and the job
 * parameters, so a restart computes the same ranges.
 */
@Named
@Dependent
public class FrameRangeMapper implements PartitionMapper {

    @Inject
    @BatchProperty(name = "taskId")
    String taskId;

    @Inject
    @BatchProperty(name = "partitions")
    Integer partitions;

    @Inject
    @BatchProperty(name = "minFramesPerPartition")
    Integer minFramesPerPartition;

    @Inject
    TaskMedia media;

    @Override
    public PartitionPlan mapPartitions() {
        Trim.FrameRange range = media.range(taskId); // a trimmed task's frames only
        long first = range.first();
        long frames = range.count();
        int count = (int) Math.max(1, Math.min(partitions, frames / Math.max(1, minFramesPerPartition)));
        Properties[] ranges = new Properties[count];
        for (int i = 0; i < count; i++) {
            ranges[i] = new Properties();
            ranges[i].setProperty("from", Long.toString(first + frames * i / count));
            ranges[i].setProperty("to", Long.toString(first + frames * (i + 1) / count));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(count);
        plan.setThreads(count);
        plan.setPartitionProperties(ranges);
        return plan;
    }
}
