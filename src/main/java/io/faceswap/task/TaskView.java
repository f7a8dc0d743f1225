package io.faceswap.task;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task as clients see it; every field is always present (null when not applicable). */
@JsonbNillable
@JsonbTypeSerializer(TaskViewSerializer.class) // the polling hot path; writes what the default mapping did
@Schema(name = "FaceSwapTask")
public record TaskView(
        @Schema(example = "65f1c0ffee0ddba11c0ffee1") String id,
        String userId,
        @Schema(nullable = true) String title,
        String imageUrl,
        String videoUrl,
        double duration,

        @Schema(enumeration = {"queued", "processing", "succeeded", "failed", "canceled"})
        String status,

        @Schema(description = "0-100, from frames done") int progress,

        @Schema(description = "Where to download the MP4 (sk required), once succeeded", nullable = true)
        String resultUrl,

        @Schema(example = "NO_FACE_IN_IMAGE", nullable = true)
        String errorCode,

        @Schema(nullable = true) String errorMessage,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Frames in the video") long frames,

        @Schema(description = "Faces swapped, summed over frames")
        long facesFound,

        @Schema(description = "Seconds from start of processing to the end")
        double processingSeconds,

        @Schema(description = "Seconds charged to the balance")
        long chargedSeconds,

        @Schema(description = "When processing began", nullable = true)
        Instant startedAt,

        @Schema(description = "When the task ended", nullable = true)
        Instant finishedAt,

        boolean expired) {

    public static TaskView of(FaceSwapTask t, URI baseUri) {
        return of(TaskRead.of(t), baseUri);
    }

    static TaskView of(TaskRead t, URI baseUri) {
        String result = t.status() == TaskStatus.SUCCEEDED && !t.expired()
                ? baseUri.resolve("v1/faceswap_openapi/result/" + t.id()).toString()
                : null;
        return new TaskView(
                t.id(),
                t.userId(),
                t.title(),
                t.imageUrl(),
                t.videoUrl(),
                t.duration(),
                t.status().wire(),
                t.progress(),
                result,
                t.errorCode(),
                t.errorMessage(),
                t.createdAt(),
                t.updatedAt(),
                t.framesTotal(),
                t.facesFound(),
                t.processingSeconds(),
                t.chargedSeconds(),
                t.startedAt(),
                t.finishedAt(),
                t.expired());
    }
}
