package io.faceswap.batch;

import io.faceswap.config.NodeIdentity;
import io.faceswap.credentials.ContentCredentials;
import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.face.FaceFinderPool;
import io.faceswap.swap.face.PhotoSwapper;
import io.faceswap.swap.face.SourceFace;
import io.faceswap.task.TaskFiles;
import io.faceswap.task.TaskLifecycle;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * A photo task's swap (issue 26), the step after fetch when it ended {@code PHOTO}: decodes the target photo (pixel
 * cap, EXIF orientation), checks its largest face as the source's is checked (each failure a TARGET_ code, failing
 * the task uncharged), swaps the source face onto its faces, and writes the result, a JPEG or a PNG, signed with
 * content credentials in one atomic step. Safe to redo after a crash: the result is only ever renamed into place.
 * The finish step then settles the task as it does a video's.
 */
@Named
@Dependent
public class SwapPhotoBatchlet extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(SwapPhotoBatchlet.class.getName());

    @Inject
    @BatchProperty(name = "taskId")
    String taskId;

    @Inject
    @BatchProperty(name = "largestFaceOnly")
    String largestFaceOnly;

    @Inject
    @BatchProperty(name = "visibleLabel")
    Boolean visibleLabel;

    @Inject
    @BatchProperty(name = "multiBandBlend")
    String multiBandBlend;

    @Inject
    @BatchProperty(name = "identityThreshold")
    Double identityThreshold;

    @Inject
    TaskFiles files;

    @Inject
    TaskMedia media;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    NodeIdentity node;

    @Inject
    ContentCredentials credentials;

    @Inject
    LeaseKeeper leases;

    @Override
    public String process() throws IOException, InterruptedException {
        long start = System.nanoTime();
        SourceFace source = media.source(taskId);
        byte[] target = Files.readAllBytes(files.targetImage(taskId));
        PhotoSwapper.Result result;
        FaceFinder finder = FaceFinderPool.borrow();
        try {
            result = PhotoSwapper.swap(
                    source,
                    media.mappings(taskId),
                    identityThreshold,
                    target,
                    finder,
                    SourceFace.DEFAULT_MAX_PIXELS,
                    Boolean.parseBoolean(largestFaceOnly),
                    Boolean.parseBoolean(multiBandBlend),
                    Boolean.TRUE.equals(visibleLabel));
        } finally {
            FaceFinderPool.giveBack(finder);
        }
        Path out = files.photoResult(taskId, result.extension());
        Path unsigned = out.resolveSibling(out.getFileName() + ".unsigned");
        leases.awaitHeld(taskId); // this node's to write: not taken over while it was cut off from the database
        Files.write(unsigned, result.bytes());
        credentials.markAndMove(unsigned, out, taskId);
        lifecycle.photoSwapped(taskId, node.id(), result.faces(), result.identity());
        LOG.info(() -> String.format(
                "Task %s: photo %dx%d, %d face(s) swapped, %s of %d bytes%s in %d ms",
                taskId,
                result.width(),
                result.height(),
                result.faces(),
                result.extension(),
                result.bytes().length,
                result.alphaKept() ? " (alpha kept)" : "",
                (System.nanoTime() - start) / 1_000_000));
        return "SWAPPED";
    }
}
