package io.faceswap.batch;

import io.faceswap.task.FaceMappings;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The job parameters every face-swap job starts with: from configuration, and the task's own options. */
@ApplicationScoped
public class JobSettings {

    @Inject
    @ConfigProperty(name = "clipzap.swap.threads")
    int threads;

    @Inject
    @ConfigProperty(name = "clipzap.swap.chunk-frames")
    int chunkFrames;

    @Inject
    @ConfigProperty(name = "clipzap.swap.min-frames-per-partition")
    int minFramesPerPartition;

    @Inject
    @ConfigProperty(name = "clipzap.swap.largest-face-only")
    boolean largestFaceOnly;

    @Inject
    @ConfigProperty(name = "clipzap.swap.multi-band-blend")
    boolean multiBandBlend;

    @Inject
    @ConfigProperty(name = "clipzap.swap.identity-threshold")
    double identityThreshold;

    @Inject
    TaskQueries tasks;

    /** Also read on a restart: the task's options are fixed at create, so a resumed run draws what the first did. */
    public Properties jobParameters(String taskId) {
        Properties p = new Properties();
        p.setProperty("taskId", taskId);
        p.setProperty("partitions", Integer.toString(threads));
        p.setProperty("chunkFrames", Integer.toString(chunkFrames));
        p.setProperty("minFramesPerPartition", Integer.toString(minFramesPerPartition));
        p.setProperty("multiBandBlend", Boolean.toString(multiBandBlend));
        p.setProperty("identityThreshold", Double.toString(identityThreshold));
        FaceSwapTask task = tasks.find(taskId);
        // the task's faceSelector, when it asked for one, overrules the configured default
        String selector = task == null ? null : task.getFaceSelector();
        boolean largest = selector == null ? largestFaceOnly : selector.equals(FaceMappings.LARGEST);
        p.setProperty("largestFaceOnly", Boolean.toString(largest));
        p.setProperty("visibleLabel", Boolean.toString(task != null && task.isVisibleLabel()));
        return p;
    }

    /** What a restart of the task's crashed or lost execution starts with: its parameters, forced. */
    public Properties restartParameters(String taskId) {
        Properties p = jobParameters(taskId);
        // force: a crashed execution is still STARTED in the repository; this restarts it from its checkpoints
        p.setProperty("jberet.restart.mode", "force");
        return p;
    }
}
