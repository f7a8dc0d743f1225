package io.faceswap.batch;

import io.faceswap.api.DatabaseFaults;
import io.faceswap.config.NodeIdentity;
import io.faceswap.health.DatabaseProbe;
import io.faceswap.metrics.Meters;
import io.faceswap.swap.video.SegmentWriter;
import io.faceswap.swap.video.Segments;
import io.faceswap.task.TaskFiles;
import io.faceswap.task.TaskLifecycle;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes a chunk's frames as one segment file named by its frame range, and counts the progress in the chunk's
 * transaction with one update. Redoing a chunk (after a crash or rollback) rewrites the same file name, so nothing is
 * doubled; finding that file already there is how a redo is known, and its frames are counted as processed twice.
 * While the database is unreachable the chunk waits for it (up to {@code clipzap.tasks.outage-wait-seconds}) before
 * its one write, rather than failing the run. No file is written unless this node surely still holds the task
 * ({@link LeaseKeeper#awaitHeld}). A write that loses its connection is retried in place ({@link ChunkRetryListener}).
 */
@Named
@Dependent
public class SegmentFileWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty(name = "taskId")
    String taskId;

    @Inject
    PartitionState partition;

    @Inject
    TaskFiles files;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    NodeIdentity node;

    @Inject
    DatabaseProbe database;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.outage-wait-seconds")
    long outageWaitSeconds;

    @Inject
    Meters meters;

    @Inject
    LeaseKeeper leases;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        if (items.isEmpty()) {
            return;
        }
        PartitionWork work = partition.work();
        List<FrameItem> frames = items.stream().map(FrameItem.class::cast).toList();
        long redone;
        try {
            leases.awaitHeld(taskId); // never a file after another node may have taken the task over
            Path dir = Files.createDirectories(files.segments(taskId));
            long first = frames.get(0).index();
            long last = frames.get(frames.size() - 1).index();
            Path segment = Segments.file(dir, first, last + 1);
            redone = Files.exists(segment) ? frames.size() : 0;
            SegmentWriter.write(segment, frames.stream().map(FrameItem::frame).toList(), work.info());
        } finally {
            frames.forEach(f -> f.frame().close());
        }
        long faces = frames.stream().mapToLong(FrameItem::faces).sum();
        long withFaces = frames.stream().filter(f -> f.faces() > 0).count();
        double[] identities = frames.stream()
                .mapToDouble(FrameItem::identity)
                .filter(d -> !Double.isNaN(d))
                .toArray();
        if (!database.awaitUp(Duration.ofSeconds(outageWaitSeconds))) {
            throw new IllegalStateException("The database stayed unreachable for " + outageWaitSeconds + " s");
        }
        try {
            leases.awaitHeld(taskId); // after an outage longer than the lease: still ours, or stop here
            lifecycle.framesCommitted(
                    taskId,
                    node.id(),
                    new TaskLifecycle.Chunk(
                            frames.size(),
                            faces,
                            redone,
                            withFaces,
                            java.util.Arrays.stream(identities).sum(),
                            identities.length));
        } catch (RuntimeException e) {
            if (DatabaseFaults.isConnectionFault(e)) {
                throw new TransientDatabaseFault(taskId, e); // retried in place (ChunkRetryListener)
            }
            throw e;
        }
        meters.framesSwapped(frames.size());
    }
}
