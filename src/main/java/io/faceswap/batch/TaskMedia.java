package io.faceswap.batch;

import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.face.FaceFinderPool;
import io.faceswap.swap.face.FaceMapping;
import io.faceswap.swap.face.SourceFace;
import io.faceswap.swap.video.Trim;
import io.faceswap.swap.video.VideoInfo;
import io.faceswap.swap.video.VideoProbe;
import io.faceswap.task.FaceMappings;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskFiles;
import io.faceswap.task.TaskQueries;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.jberet.cdi.JobScoped;

/**
 * A task's inputs as one job execution uses them: the source photo decoded once (its face found once, and its face
 * mappings' reference and pair photos checked with it) and the video
 * probed once (and its trim resolved to frames once), shared by the fetch step and every partition of the swap step.
 * The photo is only read once decoded, so the partitions' threads share it. A restarted execution (a new job scope)
 * decodes and probes again, once.
 */
@Named
@JobScoped
public class TaskMedia {

    @Inject
    TaskFiles files;

    @Inject
    MediaSettings settings;

    @Inject
    TaskQueries queries;

    private SharedSource source;
    private VideoInfo video;
    private Trim.FrameRange range;

    synchronized SourceFace source(String taskId) {
        if (source == null) {
            FaceFinder finder = FaceFinderPool.borrow();
            SourceFace face = null;
            try {
                face = SourceFace.fromFile(files.image(taskId), finder);
                List<FaceMappings.Pair> pairs =
                        FaceMappings.decode(queries.find(taskId).getFaceMappings());
                source = new SharedSource(face, MappedFaces.load(files, taskId, pairs, face, finder));
            } catch (RuntimeException e) {
                if (face != null) {
                    face.close();
                }
                throw e;
            } finally {
                FaceFinderPool.giveBack(finder);
            }
        }
        return source.face();
    }

    /** The task's face mappings, checked (issue 25); empty when it has none. */
    synchronized List<FaceMapping> mappings(String taskId) {
        source(taskId);
        return source.mappings();
    }

    /** The source photo for a partition, which releases it when it closes (it may outlive this scope). */
    synchronized SharedSource takeSource(String taskId) {
        source(taskId);
        return source.take();
    }

    synchronized VideoInfo video(String taskId) {
        if (video == null) {
            video = VideoProbe.probe(files.video(taskId), settings.videoLimits());
        }
        return video;
    }

    /**
     * The frames the task swaps: its trim (startSeconds/endSeconds) applied to the probed video's timeline, or every
     * frame. Computed from the task's row and the probe alone, so the fetch step, the partition plan and the assembly
     * (and a restart) all get the same range. A trim past the video's real end throws TRIM_PAST_END.
     */
    synchronized Trim.FrameRange range(String taskId) {
        if (range == null) {
            FaceSwapTask task = queries.find(taskId);
            range = Trim.of(task.getStartSeconds(), task.getEndSeconds())
                    .frames(video(taskId).timeline());
        }
        return range;
    }

    @PreDestroy
    synchronized void close() {
        if (source != null) {
            source.release(); // freed now, or by the last partition still running
            source = null;
        }
    }
}
