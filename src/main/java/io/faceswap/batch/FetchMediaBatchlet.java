package io.faceswap.batch;

import io.faceswap.config.NodeIdentity;
import io.faceswap.media.FetchPolicy;
import io.faceswap.media.FetchResult;
import io.faceswap.media.MediaFetchException;
import io.faceswap.media.SafeMediaFetcher;
import io.faceswap.metrics.Meters;
import io.faceswap.swap.video.Trim;
import io.faceswap.swap.video.VideoInfo;
import io.faceswap.task.Billing;
import io.faceswap.task.FaceMappings;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskErrorCode;
import io.faceswap.task.TaskFiles;
import io.faceswap.task.TaskLifecycle;
import io.faceswap.task.TaskQueries;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Step 1: downloads the photo and the video (skipped for a file already complete, on restart; of a trimmed video
 * only its part, where the file and the server allow), then checks them before any frame is processed: the photo
 * has a face, the video decodes, is within limits and not longer than declared, and a trim lies within it
 * (TRIM_PAST_END). Records the frame count that the swap step partitions (of the trimmed part, when trimmed) and
 * the seconds that are charged. Exit status {@code FETCHED}, then the job goes on to the swap step. A photo task
 * (issue 26) downloads its target photo instead of a video, checks the source photo, and ends with {@code PHOTO}:
 * the job goes on to {@code swapPhoto}, which checks the target as it swaps it.
 */
@Named
@Dependent
public class FetchMediaBatchlet extends AbstractBatchlet {
    /** Containers round durations; more than this over the declared length is refused. */
    private static final double DURATION_TOLERANCE_SECONDS = 1.0;
    /** Exit statuses; the job's transitions match them exactly (faceswap.xml). */
    static final String FETCHED = "FETCHED", PHOTO = "PHOTO";

    @Inject
    @BatchProperty(name = "taskId")
    String taskId;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    TaskQueries queries;

    @Inject
    NodeIdentity node;

    @Inject
    TaskFiles files;

    @Inject
    MediaSettings settings;

    @Inject
    TaskMedia media;

    @Inject
    Meters meters;

    @Inject
    LeaseKeeper leases;

    @Override
    public String process() throws IOException, InterruptedException {
        FaceSwapTask task = queries.find(taskId);
        Files.createDirectories(files.dir(taskId));
        SafeMediaFetcher fetcher = new SafeMediaFetcher();
        Path image = files.image(taskId);
        download(fetcher, task.getImageUrl(), image, "photo", true);
        List<FaceMappings.Pair> pairs = FaceMappings.decode(task.getFaceMappings());
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).referenceImageUrl() != null) {
                download(
                        fetcher, pairs.get(i).referenceImageUrl(), files.reference(taskId, i), "reference photo", true);
            }
            if (pairs.get(i).imageUrl() != null) {
                download(fetcher, pairs.get(i).imageUrl(), files.mappedPhoto(taskId, i), "mapped photo", true);
            }
        }
        if (task.isPhoto()) {
            download(fetcher, task.getTargetImageUrl(), files.targetImage(taskId), "target photo", true);
            media.source(taskId); // the source face is checked before the target is decoded
            lifecycle.probed(taskId, node.id(), 1, 0);
            return PHOTO;
        }
        downloadVideo(fetcher, task, files.video(taskId));
        media.source(taskId); // the photo decodes and has a usable face: checked now, before any frame is spent
        VideoInfo info = media.video(taskId);
        double billable = Billing.billableSeconds(info.durationSeconds(), info.frameCount());
        if (billable > task.getDuration() + DURATION_TOLERANCE_SECONDS) {
            throw new TaskFailure(
                    TaskErrorCode.VIDEO_TOO_LONG,
                    String.format(
                            "The video is %.1f s long (%d frames, "
                                    + "billed as max(duration, frames / 30) = %.1f s) but %.1f s was declared",
                            info.durationSeconds(), info.frameCount(), billable, task.getDuration()));
        }
        // a trimmed task counts, bills and shows only its part: frames and seconds of the range
        Trim.FrameRange range = media.range(taskId);
        lifecycle.probed(taskId, node.id(), range.count(), range.seconds());
        return FETCHED;
    }

    private void download(SafeMediaFetcher fetcher, String url, Path target, String what, boolean image)
            throws InterruptedException {
        FetchPolicy policy = image ? settings.imagePolicy() : settings.videoPolicy();
        download(target, what, () -> fetcher.fetch(url, target, policy));
    }

    /**
     * A trimmed task reads only its part of the video, so only that part is fetched (issue 26): for an MP4/MOV file
     * on a server that serves ranges, the bytes of the part's samples, at their places in a file of the video's
     * length; anything else is fetched whole. The probe, the frame reader and the audio cut then read only those
     * bytes. An untrimmed task fetches the whole video as before.
     */
    private void downloadVideo(SafeMediaFetcher fetcher, FaceSwapTask task, Path target) throws InterruptedException {
        Trim trim = Trim.of(task.getStartSeconds(), task.getEndSeconds());
        FetchPolicy policy = settings.videoPolicy();
        String url = task.getVideoUrl();
        download(
                target,
                "video",
                trim.whole()
                        ? () -> fetcher.fetch(url, target, policy)
                        : () -> fetcher.fetchWindow(url, target, policy, trim.startSeconds(), trim.endSeconds()));
    }

    private void download(Path target, String what, Supplier<FetchResult> fetch) throws InterruptedException {
        if (Files.exists(target)) {
            return; // complete: files appear only by an atomic rename
        }
        leases.awaitHeld(taskId); // this node's to write: not taken over while it was cut off from the database
        long start = System.nanoTime();
        String tag = what.replace(' ', '_'); // photo, target_photo, video, reference_photo, mapped_photo
        try {
            FetchResult got = fetch.get();
            // the bytes transferred: for a trimmed video, those of its part
            meters.mediaFetched(tag, "ok", got.bytes(), got.elapsed());
        } catch (MediaFetchException e) {
            meters.mediaFetched(tag, e.code().name(), 0, Duration.ofNanos(System.nanoTime() - start));
            // customers get the coarse public message; the fetcher has logged the details (query redacted)
            throw new TaskFailure(code(e), "The " + what + " could not be fetched: " + e.publicMessage(), e);
        }
    }

    private static TaskErrorCode code(MediaFetchException e) {
        return switch (e.code()) {
            case INVALID_URL -> TaskErrorCode.URL_INVALID;
            case FORBIDDEN_ADDRESS -> TaskErrorCode.URL_FORBIDDEN;
            case UNREACHABLE, TLS_ERROR, PROTOCOL_ERROR, TOO_MANY_REDIRECTS -> TaskErrorCode.URL_UNREACHABLE;
            case TIMEOUT -> TaskErrorCode.URL_TIMEOUT;
            case HTTP_ERROR -> TaskErrorCode.URL_HTTP_ERROR;
            case TOO_LARGE -> TaskErrorCode.MEDIA_TOO_LARGE;
            case EMPTY_BODY -> TaskErrorCode.EMPTY_MEDIA;
            case STORAGE_ERROR -> TaskErrorCode.INTERNAL_ERROR;
        };
    }
}
