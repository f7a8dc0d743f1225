package io.faceswap.faces;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.api.ValidationExceptionMapper.FieldError;
import io.faceswap.auth.ApiCaller;
import io.faceswap.auth.SecureTokens;
import io.faceswap.batch.MediaSettings;
import io.faceswap.config.StorageDirectory;
import io.faceswap.media.FetchPolicy;
import io.faceswap.media.MediaFetchException;
import io.faceswap.media.SafeMediaFetcher;
import io.faceswap.swap.SwapException;
import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.face.FaceFinderPool;
import io.faceswap.swap.face.FacesInPicture;
import io.faceswap.swap.face.SourceFace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lists the faces of a photo, or of a video at some seconds: fetched with the task's checks and caps into a scratch
 * file (deleted before the answer), looked at by the engine, each face saved for {@link DetectedFaces}' time.
 * Media that cannot be fetched or read is 422 {@code MEDIA_UNUSABLE} with the reason; nothing is billed.
 */
@ApplicationScoped
public class FaceListService {
    @Inject
    MediaSettings media;

    @Inject
    StorageDirectory storage;

    @Inject
    DetectedFaces faces;

    @Inject
    @ConfigProperty(name = "clipzap.faces.fetch-timeout-seconds")
    long fetchTimeoutSeconds;

    public FaceList list(ApiCaller caller, FaceListRequest request) {
        boolean video = requireOneTarget(request);
        // absent and empty are the same: generated clients send an empty list for an unset one
        List<Double> seconds =
                request.seconds() == null || request.seconds().isEmpty() ? List.of(0.0) : request.seconds();
        Path scratch = storage.resolve("faces").resolve(SecureTokens.objectId());
        List<FacesInPicture.Found> found = new ArrayList<>();
        List<Double> at = new ArrayList<>();
        try {
            // fetched first: a face finder is lent only for the looking, not while a slow server sends the media
            fetch(video ? request.videoUrl() : request.imageUrl(), scratch, !video, seconds);
            FaceFinder finder = FaceFinderPool.borrow();
            try {
                if (video) {
                    for (FacesInPicture.AtSecond s :
                            FacesInPicture.inVideo(scratch, seconds, finder, media.videoLimits())) {
                        s.faces().forEach(f -> {
                            found.add(f);
                            at.add(s.second());
                        });
                    }
                } else {
                    for (FacesInPicture.Found f : FacesInPicture.inPhoto(
                            Files.readAllBytes(scratch), finder, SourceFace.DEFAULT_MAX_PIXELS)) {
                        found.add(f);
                        at.add(null);
                    }
                }
            } finally {
                FaceFinderPool.giveBack(finder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SwapException e) {
            throw new ApiException(ErrorCode.MEDIA_UNUSABLE, e.errorCode() + ": " + e.getMessage());
        } catch (FacesInPicture.PastTheEndException e) {
            throw new ApiException(
                    ErrorCode.VALIDATION_FAILED,
                    "seconds: " + e.getMessage(),
                    Map.of("errors", List.of(new FieldError("seconds", e.getMessage()))));
        } finally {
            delete(scratch);
        }
        List<String> ids = faces.save(
                caller.userId(),
                found.stream().map(FacesInPicture.Found::identity).toList());
        List<FaceList.Face> listed = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            FacesInPicture.Found f = found.get(i);
            listed.add(new FaceList.Face(
                    ids.get(i),
                    at.get(i),
                    new FaceList.Box(f.x(), f.y(), f.width(), f.height()),
                    Base64.getEncoder().encodeToString(f.jpeg())));
        }
        return new FaceList(listed, faces.expiresNow());
    }

    /**
     * The caller waits for this answer, so the fetch has its own, shorter deadline; and of a video only the part
     * around the asked seconds is fetched where the server allows (as for a trimmed task).
     */
    private void fetch(String url, Path target, boolean image, List<Double> seconds) {
        FetchPolicy task = image ? media.imagePolicy() : media.videoPolicy();
        Duration total = Duration.ofSeconds(fetchTimeoutSeconds);
        FetchPolicy policy = task.withTimeouts(
                task.connectTimeout(),
                task.readTimeout(),
                total.compareTo(task.totalTimeout()) < 0 ? total : task.totalTimeout());
        try {
            double from =
                    seconds.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double to = seconds.stream().mapToDouble(Double::doubleValue).max().orElse(0) + 1.0;
            if (image || !Double.isFinite(to) || !(to > from)) { // seconds too large for a window: the whole video
                new SafeMediaFetcher().fetch(url, target, policy);
            } else {
                new SafeMediaFetcher().fetchWindow(url, target, policy, from, to);
            }
        } catch (MediaFetchException e) {
            throw new ApiException(
                    ErrorCode.MEDIA_UNUSABLE,
                    "The " + (image ? "photo" : "video") + " could not be fetched: " + e.publicMessage());
        }
    }

    /** @return true for a video; exactly one of imageUrl and videoUrl, seconds only with a video: else 400 */
    private static boolean requireOneTarget(FaceListRequest request) {
        boolean image = request.imageUrl() != null, video = request.videoUrl() != null;
        if (image == video) {
            String message = image ? "give imageUrl or videoUrl, not both" : "imageUrl or videoUrl is required";
            throw new ApiException(
                    ErrorCode.VALIDATION_FAILED,
                    message,
                    Map.of(
                            "errors",
                            List.of(new FieldError("imageUrl", message), new FieldError("videoUrl", message))));
        }
        if (image && request.seconds() != null && !request.seconds().isEmpty()) {
            throw new ApiException(
                    ErrorCode.VALIDATION_FAILED,
                    "seconds: only with videoUrl",
                    Map.of("errors", List.of(new FieldError("seconds", "only with videoUrl"))));
        }
        return video;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
