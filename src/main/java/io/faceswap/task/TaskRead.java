package io.faceswap.task;

import java.time.Instant;

/**
 * The columns of a task that {@link TaskView} shows, without the entity: listbyids reads them with plain JDBC
 * ({@link TaskReads}), as polling reads many tasks per second and managed entities (a session, one initializer and
 * persistence-context entry per row) cost more than the query itself. Never written back.
 */
public record TaskRead(
        String id,
        String userId,
        String title,
        String imageUrl,
        String videoUrl,
        String targetImageUrl,
        TargetKind targetKind,
        double duration,
        TaskStatus status,
        long framesDone,
        long framesTotal,
        String errorCode,
        String errorMessage,
        Instant createdAt,
        Instant updatedAt,
        long facesFound,
        double processingSeconds,
        long chargedSeconds,
        Instant startedAt,
        Instant finishedAt,
        boolean expired,
        Instant deletedAt,
        Double startSeconds,
        Double endSeconds,
        boolean visibleLabel,
        String faceSelector,
        String faceMappings,
        long framesSwapped,
        double identitySum,
        long identitySamples) {

    static TaskRead of(FaceSwapTask t) {
        return new TaskRead(
                t.getId(),
                t.getUserId(),
                t.getTitle(),
                t.getImageUrl(),
                t.getVideoUrl(),
                t.getTargetImageUrl(),
                t.getTargetKind(),
                t.getDuration(),
                t.getStatus(),
                t.getFramesDone(),
                t.getFramesTotal(),
                t.getErrorCode(),
                t.getErrorMessage(),
                t.getCreatedAt(),
                t.getUpdatedAt(),
                t.getFacesFound(),
                t.getProcessingSeconds(),
                t.getChargedSeconds(),
                t.getStartedAt(),
                t.getFinishedAt(),
                t.isExpired(),
                t.getDeletedAt(),
                t.getStartSeconds(),
                t.getEndSeconds(),
                t.isVisibleLabel(),
                t.getFaceSelector(),
                t.getFaceMappings(),
                t.getFramesSwapped(),
                t.getIdentitySum(),
                t.getIdentitySamples());
    }

    int progress() {
        return FaceSwapTask.progress(status, framesDone, framesTotal);
    }
}
