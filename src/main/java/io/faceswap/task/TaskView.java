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

        @Schema(description = "The target video; null for a photo task", nullable = true)
        String videoUrl,

        @Schema(description = "The target photo; null for a video task", nullable = true)
        String targetImageUrl,

        @Schema(
                enumeration = {"video", "photo"},
                description = "What the faces are put into: a video (the result is an MP4) or a photo (a JPEG, or a "
                        + "PNG for a PNG)")
        String targetKind,

        @Schema(description = "The declared video length in seconds; 0 for a photo task")
        double duration,

        @Schema(
                enumeration = {"queued", "processing", "succeeded", "failed", "canceled", "deleted"},
                description = "deleted: the task's data was deleted on request (a tombstone without URLs)")
        String status,

        @Schema(description = "0-100, from frames done") int progress,

        @Schema(
                description = "Once succeeded: a signed link to the result that works without a key (a browser, a "
                        + "CDN, a colleague) until resultUrlExpiresAt; Range supported. Each read hands out a fresh "
                        + "one. GET /v1/faceswap_openapi/result/{id} with the sk keeps working too",
                nullable = true)
        String resultUrl,

        @Schema(
                description = "When resultUrl stops working (clipzap.results.url-ttl-seconds, never past the "
                        + "result's retention)",
                nullable = true)
        Instant resultUrlExpiresAt,

        @Schema(example = "NO_FACE_IN_IMAGE", nullable = true)
        String errorCode,

        @Schema(nullable = true) String errorMessage,
        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "Frames in the video (in its trimmed part, when trimmed; 1 for a photo)")
        long frames,

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

        boolean expired,

        @Schema(
                description = "The trim asked for at create (seconds from the video's first frame); null: from the "
                        + "start",
                nullable = true)
        Double startSeconds,

        @Schema(
                description = "The trim asked for at create (seconds from the video's first frame); null: to the end",
                nullable = true)
        Double endSeconds,

        @Schema(description = "Whether the result carries the visible AI-generated mark")
        boolean visibleLabel,

        @Schema(
                enumeration = {"all", "largest", "mapped"},
                description = "Which faces are swapped, as asked at create; null: as the operator configured "
                        + "(every face, unless clipzap.swap.largest-face-only)",
                nullable = true)
        String faceSelector,

        @Schema(
                description = "The face mappings asked for at create; null for none (and once deleted)",
                nullable = true)
        java.util.List<FaceMappingRequest> faceMappings,

        @Schema(description = "How the swap went, as measured while it ran")
        Quality quality) {

    /** As the swap step measures it; both null before any frame is done. */
    @Schema(name = "TaskQuality")
    @JsonbNillable
    public record Quality(
            @Schema(
                    description = "The swapped faces' mean similarity (cosine of face-recognition vectors, -1 to 1) "
                            + "to the photo each was given, over one frame in 30; about 0.7-0.8 is typical, "
                            + "the original faces score about 0.2. null: no face swapped yet",
                    nullable = true)
            Double identity,

            @Schema(
                    description = "The share of frames done (0 to 1) in which a face was swapped; with faceMappings, "
                            + "a mapped face. null: no frame done yet",
                    nullable = true)
            Double coverage) {}

    /** A tombstone's status: its data was deleted on request (issue 26); the row keeps its books. */
    public static final String DELETED = "deleted";

    public static TaskView of(FaceSwapTask t, URI baseUri, ResultLinks links) {
        return of(TaskRead.of(t), baseUri, links);
    }

    static TaskView of(TaskRead t, URI baseUri, ResultLinks links) {
        boolean deleted = t.deletedAt() != null;
        ResultLinks.Link result = links.link(t, baseUri).orElse(null);
        return new TaskView(
                t.id(),
                t.userId(),
                t.title(),
                deleted ? null : t.imageUrl(),
                deleted ? null : t.videoUrl(),
                deleted ? null : t.targetImageUrl(),
                t.targetKind().wire(),
                t.duration(),
                deleted ? DELETED : t.status().wire(),
                t.progress(),
                result == null ? null : result.url(),
                result == null ? null : result.expiresAt(),
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
                t.expired(),
                t.startSeconds(),
                t.endSeconds(),
                t.visibleLabel(),
                t.faceSelector(),
                deleted ? null : mappings(t.faceMappings()),
                new Quality(
                        t.identitySamples() == 0 ? null : round(t.identitySum() / t.identitySamples()),
                        t.framesDone() == 0 ? null : round((double) t.framesSwapped() / t.framesDone())));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static java.util.List<FaceMappingRequest> mappings(String column) {
        if (column == null) {
            return null;
        }
        return FaceMappings.decode(column).stream()
                .map(p -> new FaceMappingRequest(p.referenceImageUrl(), p.faceId(), p.imageUrl()))
                .toList();
    }
}
